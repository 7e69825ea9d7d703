import Foundation

/// Runs `produce` for every item `next` gives, on a few threads, and hands each result to `consume`
/// on the calling thread in the order the items came. At most `window` results are produced ahead
/// of the one being consumed, so memory follows the window, not the number of items, while the
/// output is exactly what a sequential run gives. `next` is called by one thread at a time, so it
/// may walk a tree lazily.
enum OrderedStream {
    static func run<Item, T: Sendable>(
        workers: Int, window: Int, next: @escaping @Sendable () -> Item?, produce: @escaping @Sendable (Item) -> T,
        consume: (T) -> Void
    ) {
        let slots = WindowSlots<Item, T>(window: max(window, workers, 1), next: next)
        for _ in 0..<max(1, workers) {
            let thread = Thread {
                while let (index, item) = slots.claim() {
                    slots.store(produce(item), at: index)
                }
            }
            thread.stackSize = ParallelMap.stackSize
            thread.start()
        }
        var index = 0
        while let value = slots.take(index) {
            consume(value)
            index += 1
        }
    }
}

/// A ring of `window` slots: a worker claims the next item only when its slot is free, the
/// consumer takes results in order and frees their slots. One condition, held for bookkeeping and
/// for taking the next item.
private final class WindowSlots<Item, T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let source: () -> Item?
    private var claimed = 0
    /// How many items there were, once `source` has run out.
    private var end: Int?
    private var taken = 0
    private var values: [T?]

    init(window: Int, next: @escaping () -> Item?) {
        source = next
        values = Array(repeating: nil, count: window)
    }

    func claim() -> (Int, Item)? {
        condition.lock()
        defer { condition.unlock() }
        while end == nil && claimed >= taken + values.count { condition.wait() }
        guard end == nil else { return nil }
        guard let item = source() else {
            end = claimed
            condition.broadcast()
            return nil
        }
        claimed += 1
        return (claimed - 1, item)
    }

    func store(_ value: T, at index: Int) {
        condition.lock()
        values[index % values.count] = value
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> T? {
        condition.lock()
        defer { condition.unlock() }
        let slot = index % values.count
        while true {
            if let value = values[slot] {
                values[slot] = nil
                taken = index + 1
                condition.broadcast()
                return value
            }
            if let end, index >= end { return nil }
            condition.wait()
        }
    }
}
