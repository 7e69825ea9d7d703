/// The files of all targets, one at a time, sorted by the path reports show (ties in the order the
/// targets were given): what a streamed scan reads, without holding the list. Each target is
/// walked `.byPath` with the decisions its discovery-order walk made; the targets' walks are
/// merged, a target starting only when the paths reach it (a target's paths all sort at or after
/// its own), so sweeping many repositories named one by one holds one walk open at a time.
struct SortedFileWalk {
    /// A file, with where it really is when reached through a followed link, and its target.
    struct File {
        var path: String
        var resolved: String?
        var target: Int
        var shown: String
    }

    private let discovery: Discovery
    /// Targets not started yet, by the lowest path they can give.
    private var waiting: [(bound: String, index: Int, target: String)]
    private var decisions: [Int: TargetWalk.Decisions]
    private var walks: [Int: TargetWalk] = [:]
    /// The next file of each started target, kept as a heap by (shown path, target).
    private var heads: [File] = []

    init(discovery: Discovery, targets: [String], decisions: [Int: TargetWalk.Decisions]) {
        self.discovery = discovery
        self.decisions = decisions
        waiting = targets.enumerated().map { index, target in
            // `.` lists its entries without a prefix, so they may sort before the dot itself.
            let shown = Scanner.display(target)
            return (shown == "." ? "" : shown, index, target)
        }.sorted { ($0.bound, $0.index) > ($1.bound, $1.index) }
    }

    mutating func next() -> File? {
        while let last = waiting.last, heads.first.map({ !precedes($0, last.bound, last.index) }) ?? true {
            waiting.removeLast()
            start(last.target, index: last.index)
        }
        guard !heads.isEmpty else { return nil }
        let file = heads[0]
        if let following = advance(file.target) {
            heads[0] = following
            siftDown(0)
        } else {
            let tail = heads.removeLast()
            if !heads.isEmpty {
                heads[0] = tail
                siftDown(0)
            }
        }
        return file
    }

    private func precedes(_ file: File, _ bound: String, _ index: Int) -> Bool {
        (file.shown, file.target) < (bound, index)
    }

    private mutating func start(_ target: String, index: Int) {
        // The discovery-order walk checked every target; one gone since is passed over.
        switch try? discovery.start(target, order: .byPath, decisions: decisions.removeValue(forKey: index) ?? .init()) {
        case .file?: push(File(path: target, resolved: nil, target: index, shown: Scanner.display(target)))
        case .folder(let walk)?:
            walks[index] = walk
            if let first = advance(index) { push(first) }
        case .skipped?, nil: break
        }
    }

    /// The next file of one target's walk.
    private mutating func advance(_ index: Int) -> File? {
        guard var walk = walks.removeValue(forKey: index) else { return nil }
        while let event = walk.next() {
            if case .file(let path, let resolved) = event {
                walks[index] = walk
                return File(path: path, resolved: resolved, target: index, shown: Scanner.display(path))
            }
        }
        return nil
    }

    private mutating func push(_ file: File) {
        heads.append(file)
        var child = heads.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heads[child], heads[parent].shown, heads[parent].target) else { break }
            heads.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var least = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heads.count {
                if precedes(heads[child], heads[least].shown, heads[least].target) { least = child }
            }
            guard least != parent else { return }
            heads.swapAt(parent, least)
            parent = least
        }
    }
}
