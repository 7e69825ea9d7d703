#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One scan target walked an entry at a time (depth first), so a walk can feed a scan as it goes
/// instead of listing the whole tree first. Memory follows the depth of the tree and the width of
/// the folders on the current path, not the number of files.
///
/// Two orders: `.byName` visits each folder's entries by name (the walk that decides which of two
/// paths to one folder is walked: the first one reached); `.byPath` visits them so that the paths
/// come out sorted as strings (a folder `a` sorts as `a/`, after `a-b`), the order reports list
/// files in, and takes the first walk's decisions about folders reached twice.
struct TargetWalk {
    enum Order { case byName, byPath }

    /// What the walk comes across, one at a time.
    enum Event {
        /// A regular file, with where it really is when reached through a followed link.
        case file(String, resolved: String?)
        /// The `Chart.yaml` of a Helm chart folder (its `templates/` and `charts/` are not walked).
        case helmChart(String)
        case unlisted(String, reason: String)
        case undecodableName(String, isFolder: Bool)
        /// Passed over without reading: FIFOs, sockets, devices, excluded paths.
        case notRead
        case linkNotFollowed(String)
        /// A folder reached again (by device and inode) and not walked a second time.
        case revisited(String)
    }

    /// What the `.byName` walk decided about folders reached twice, for the `.byPath` walk.
    struct Decisions: Sendable {
        var revisited: Set<String> = []
        var linksNotFollowed: Set<String> = []
    }

    let discovery: Discovery
    let root: String
    private let realRoot: String
    private let order: Order
    private let decisions: Decisions
    /// Every folder walked (`.byName`), by device and inode.
    private var visited: Set<FileID> = []
    private var frames: [Frame] = []
    private var pending: Event?

    /// `info` is the root folder's `stat`.
    init(discovery: Discovery, root: String, info: stat, order: Order, decisions: Decisions = Decisions()) {
        self.discovery = discovery
        self.root = root
        realRoot = Discovery.realPath(root) ?? root
        self.order = order
        self.decisions = decisions
        visited.insert(FileID(info))
        pending = open(root, id: FileID(info))
    }

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private enum EntryKind { case file, directory, link, other }

    private struct Entry {
        var name: String
        var kind: EntryKind
        var isUTF8: Bool
    }

    /// A folder being walked: its entries in walk order and how far the walk is.
    private struct Frame {
        var directory: String
        var entries: [Entry]
        var position = 0
        var isChart: Bool
        /// A shard walks only its own repositories: the entries at the top of the scanned folder.
        var sharded: ShardFilter?
        var id: FileID?
    }

    mutating func next() -> Event? {
        while true {
            if let event = pending {
                pending = nil
                return event
            }
            guard let last = frames.indices.last else { return nil }
            guard frames[last].position < frames[last].entries.count else {
                frames.removeLast()
                continue
            }
            let entry = frames[last].entries[frames[last].position]
            frames[last].position += 1
            let frame = frames[last]
            let path = Discovery.join(frame.directory, entry.name)
            if let sharded = frame.sharded, !sharded.keeps(path) { continue }
            if !entry.isUTF8 { return .undecodableName(path, isFolder: entry.kind == .directory) }
            if discovery.isExcluded(path, relative: Discovery.relativePath(path, root: root)) { return .notRead }
            switch entry.kind {
            case .directory:
                if entry.name == ".git" { continue }
                // Templates are rendered with their chart, and subcharts under charts/ with their parent.
                if frame.isChart && (entry.name == "templates" || entry.name == "charts") { continue }
                var info = stat()
                var id: FileID?
                if lstat(path, &info) == 0 {
                    id = FileID(info)
                    if !admit(id!, path: path) {
                        if order == .byName { return .revisited(path) }
                        continue
                    }
                }
                if let event = open(path, id: id) { return event }
            case .file:
                return .file(path, resolved: nil)
            case .link:
                if let event = follow(path) { return event }
            case .other:
                return .notRead
            }
        }
    }

    /// Whether a folder is walked: the first time it is reached (`.byName`), or as that walk
    /// decided and never inside itself (`.byPath`).
    private mutating func admit(_ id: FileID, path: String) -> Bool {
        switch order {
        case .byName: return visited.insert(id).inserted
        case .byPath: return !decisions.revisited.contains(path) && !frames.contains { $0.id == id }
        }
    }

    /// A link is followed only when asked, and only to a file or folder inside the scan root.
    private mutating func follow(_ link: String) -> Event? {
        guard discovery.followSymlinks, let target = Discovery.realPath(link), Discovery.isInside(target, realRoot) else {
            return .linkNotFollowed(link)
        }
        var info = stat()
        guard stat(target, &info) == 0 else { return .linkNotFollowed(link) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            // Reached before, by its own path or another link: a loop, or the same files twice.
            let walked = switch order {
            case .byName: visited.insert(FileID(info)).inserted
            case .byPath: !decisions.linksNotFollowed.contains(link) && !frames.contains { $0.id == FileID(info) }
            }
            guard walked else { return .linkNotFollowed(link) }
            return open(link, id: FileID(info))
        case S_IFREG:
            return .file(link, resolved: target)
        default:
            return .notRead
        }
    }

    /// Starts walking a folder; returns what must be said first (its chart, or that it could not be listed).
    private mutating func open(_ directory: String, id: FileID?) -> Event? {
        let sharded = discovery.shard.flatMap { $0.units.splitsFolder && directory == root ? $0 : nil }
        guard let listed = list(directory) else {
            let reason = String(cString: strerror(errno))
            return sharded?.keeps(directory) ?? true ? .unlisted(directory, reason: reason) : nil
        }
        var entries = listed
        switch order {
        case .byName:
            entries.sort { $0.name < $1.name }
        case .byPath:
            // What a folder holds is listed under `name/`: sorting by that sorts the paths.
            let keys = entries.map { entry in walksInto(entry, in: directory) ? entry.name + "/" : entry.name }
            entries = zip(keys, entries).sorted { $0.0 < $1.0 }.map(\.1)
        }
        let isChart = entries.contains { $0.name == "Chart.yaml" && $0.kind == .file }
        frames.append(Frame(directory: directory, entries: entries, isChart: isChart, sharded: sharded, id: id))
        let chart = Discovery.join(directory, "Chart.yaml")
        return isChart && (sharded?.keeps(chart) ?? true) ? .helmChart(chart) : nil
    }

    /// Whether an entry's paths continue below it: a folder, or a link that would be followed to one.
    private func walksInto(_ entry: Entry, in directory: String) -> Bool {
        switch entry.kind {
        case .directory: return true
        case .link:
            guard discovery.followSymlinks else { return false }
            var info = stat()
            return stat(Discovery.join(directory, entry.name), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        case .file, .other: return false
        }
    }

    /// The folder's entries, or nil with `errno` set when it cannot be listed.
    private func list(_ directory: String) -> [Entry]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let (name, isUTF8) = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { (String(cString: $0), String(validatingCString: $0) != nil) }
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = Self.lstatKind(Discovery.join(directory, name))
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind, isUTF8: isUTF8))
        }
        return entries
    }

    private static func lstatKind(_ path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
