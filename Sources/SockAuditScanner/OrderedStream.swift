import Foundation

/// Runs `produce` for every index on a few threads and hands each result to `consume` on the
/// calling thread in index order. At most `window` results are produced ahead of the one being
/// consumed, so memory follows the window, not the number of items, while the output is exactly
/// what a sequential run gives.
enum OrderedStream {
    static func run<T: Sendable>(
        count: Int, workers: Int, window: Int, produce: @escaping @Sendable (Int) -> T, consume: (Int, T) -> Void
    ) {
        guard count > 0 else { return }
        let slots = WindowSlots<T>(count: count, window: max(window, workers, 1))
        for _ in 0..<max(1, min(workers, count)) {
            let thread = Thread {
                while let index = slots.claim() {
                    slots.store(produce(index), at: index)
                }
            }
            thread.stackSize = ParallelMap.stackSize
            thread.start()
        }
        for index in 0..<count {
            consume(index, slots.take(index))
        }
    }
}

/// A ring of `window` slots: a worker claims the next index only when its slot is free, the
/// consumer takes results in order and frees their slots. One condition, held for bookkeeping only.
private final class WindowSlots<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private var next = 0
    private var taken = 0
    private var values: [T?]

    init(count: Int, window: Int) {
        self.count = count
        values = Array(repeating: nil, count: window)
    }

    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= taken + values.count { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        condition.lock()
        values[index % values.count] = value
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> T {
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
            condition.wait()
        }
    }
}
