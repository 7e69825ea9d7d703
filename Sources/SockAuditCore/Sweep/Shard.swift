/// One of `count` parts of a sweep (`--shard INDEX/COUNT`, INDEX from 0, as Kubernetes'
/// `JOB_COMPLETION_INDEX`). Repositories are dealt out whole by a stable hash of their name, so
/// every machine, run and process agrees on who scans what without talking to the others.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N` with 0 <= I < N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard scans the repository (sweep unit) named `unit`.
    public func owns(_ unit: String) -> Bool {
        Self.owner(of: unit, count: count) == index
    }

    /// The shard a unit belongs to: FNV-1a (never Swift's per-process seeded `Hasher`), finished
    /// with a 64-bit mix so that names differing only in their last characters still spread.
    public static func owner(of unit: String, count: Int) -> Int {
        var mixed = StableHash.value(unit)
        mixed ^= mixed >> 33
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        mixed = mixed &* 0xc4ce_b9fe_1a85_ec53
        mixed ^= mixed >> 33
        return Int(mixed % UInt64(count))
    }
}

/// What a sweep deals out whole: the repositories. With one folder scanned, each entry at its top
/// (a first-level folder or file) is one; with several paths named, each path is one. Every
/// reported path belongs to exactly one unit, so a shard, a merge and the HTML report's
/// repository table all agree on where a finding lives.
public struct SweepUnits: Hashable, Sendable {
    /// The scan's paths as given on the command line.
    public var paths: [String]
    /// With one path, the prefix its entries are reported under (`repos/`), or "" for `.`.
    private let prefix: String?

    /// Folders a host laid out at the top of the scanned folder keeps together: dockerd's
    /// configuration spans `etc/`, `lib/`, `run/` and `usr/`, and is merged per host.
    static let hostLayoutFolders: Set<String> = ["etc", "lib", "run", "usr"]

    public init(paths: [String]) {
        self.paths = paths
        if paths.count == 1, paths[0] != "-" {
            let root = Self.display(paths[0])
            prefix = root == "." || root.isEmpty ? "" : (root.hasSuffix("/") ? root : root + "/")
        } else {
            prefix = nil
        }
    }

    /// Whether the units are the entries at the top of one scanned folder (else the paths named).
    public var splitsFolder: Bool { prefix != nil }

    /// The unit a reported path belongs to. A path outside every scanned folder (a file another
    /// file points at) is a unit of its own, which every shard names alike.
    public func unit(of reported: String) -> String {
        let path = Self.display(reported)
        if let prefix {
            if Self.display(paths[0]) == path { return "" }
            guard path.hasPrefix(prefix), !(prefix.isEmpty && path.hasPrefix("/")) else { return path }
            let first = path.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            return Self.hostLayoutFolders.contains(first) ? "" : first
        }
        var best: String?
        for target in paths.map(Self.display) {
            let folder = target.hasSuffix("/") ? target : target + "/"
            if path == target || path.hasPrefix(folder), target.count > (best?.count ?? -1) { best = target }
        }
        return best ?? path
    }

    /// Paths as reports show them (`./k8s` is shown `k8s`).
    static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
