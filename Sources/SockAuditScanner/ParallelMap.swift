import Foundation

/// Runs `body` for every index on a few threads and returns the results in index order, so a
/// parallel scan reports exactly what a sequential one would. Threads get large stacks because the
/// YAML composer recurses once per nesting level.
enum ParallelMap {
    static let stackSize = 16 << 20

    static func map<T: Sendable>(count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            let thread = Thread {
                while let index = slots.claim() {
                    slots.store(body(index), at: index)
                }
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
        return slots.results()
    }
}

/// Work handed out by index, results kept by index; one lock, held only for bookkeeping.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [T?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func results() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
