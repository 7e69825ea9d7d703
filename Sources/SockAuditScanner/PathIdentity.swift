import SockAuditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The path a finding is known by across runs, whatever way the scan spelled it: relative to the
/// git top level (the nearest folder at or above the file holding `.git`), or, outside a git
/// repository, relative to the scanned folder (a scanned file's own folder). So `scan .` in the
/// repository, `scan repo` from its parent, `scan /abs/repo` and `scan ./repo/sub` record and match
/// the same baseline. Symbolic links in the folders above a file are resolved (`realpath`); the
/// file's own name is kept as spelled. A path that is not on this machine's file system (standard
/// input without `--stdin-filename`, a file carried inside a host snapshot) keeps its spelling.
struct PathIdentity: Sendable {
    /// The scanned folders, resolved (a scanned file contributes its folder).
    private let roots: [String]
    /// The folder the scan ran in, resolved, for relative paths.
    private let workingDirectory: String?

    init(targets: [String]) {
        workingDirectory = Self.currentDirectory().flatMap(Self.resolvedFolder)
        var roots: [String] = []
        for target in targets {
            var info = stat()
            let isFolder = stat(target, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            let folder = isFolder ? target : Self.parent(of: target)
            if let absolute = Self.absolute(folder, in: workingDirectory), let resolved = Self.resolvedFolder(absolute) {
                roots.append(resolved)
            }
        }
        // The innermost folder first, so a file is known relative to the folder nearest to it.
        self.roots = roots.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// The identity of one reported path; each call stats the folders above the file, so callers
    /// that see a file's findings together ask once per file (`Cache`).
    func identity(of path: String) -> String {
        var folder: Folder?
        return identity(of: path, lastFolder: &folder)
    }

    /// A folder's resolved form and git top level, kept while the files of one folder pass.
    struct Folder {
        let absolute: String
        let resolved: String?
        let gitTopLevel: String?
    }

    /// As `identity(of:)`, reusing what `lastFolder` found when the file is in the same folder
    /// (files arrive in path order: without it every file cost a `realpath` and an `lstat` per
    /// folder up to the root).
    func identity(of path: String, lastFolder: inout Folder?) -> String {
        guard path != "-", let absolute = Self.absolute(path, in: workingDirectory) else { return path }
        let folder = Self.parent(of: absolute)
        let name = String(absolute.dropFirst(folder == "/" ? 1 : folder.utf8.count + 1))
        let known: Folder
        if let lastFolder, lastFolder.absolute == folder {
            known = lastFolder
        } else {
            let resolved = Self.resolvedFolder(folder)
            known = Folder(absolute: folder, resolved: resolved, gitTopLevel: resolved.flatMap(Self.gitTopLevel(containing:)))
            lastFolder = known
        }
        guard let resolved = known.resolved else { return path }
        let file = resolved == "/" ? "/" + name : resolved + "/" + name
        if let top = known.gitTopLevel { return Self.relative(file, to: top) }
        if let root = roots.first(where: { Self.isInside(file, $0) }) { return Self.relative(file, to: root) }
        return path
    }

    /// Remembers the last path asked, since findings arrive grouped by file.
    struct Cache {
        let identity: PathIdentity
        private var last: (path: String, identity: String)?
        private var lastFolder: Folder?

        init(_ identity: PathIdentity) { self.identity = identity }

        mutating func identity(of path: String) -> String {
            if let last, last.path == path { return last.identity }
            let found = identity.identity(of: path, lastFolder: &lastFolder)
            last = (path, found)
            return found
        }
    }

    // MARK: - Paths

    private static func currentDirectory() -> String? {
        guard let buffer = getcwd(nil, 0) else { return nil }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// The absolute, lexically clean form (`.` and empty components dropped, `..` applied).
    static func absolute(_ path: String, in workingDirectory: String?) -> String? {
        let joined: String
        if path.hasPrefix("/") {
            joined = path
        } else if let workingDirectory {
            joined = workingDirectory + "/" + path
        } else {
            return nil
        }
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func resolvedFolder(_ folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree
    /// or submodule).
    private static func gitTopLevel(containing folder: String) -> String? {
        var current = folder
        while true {
            var info = stat()
            if lstat(current == "/" ? "/.git" : current + "/.git", &info) == 0 { return current }
            if current == "/" { return nil }
            current = parent(of: current)
        }
    }

    private static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path.hasPrefix(folder + "/")
    }

    private static func relative(_ path: String, to folder: String) -> String {
        String(path.dropFirst(folder == "/" ? 1 : folder.utf8.count + 1))
    }
}

extension Finding {
    /// Records the path this finding is known by across runs, when it differs from the reported one.
    mutating func assignIdentity(_ cache: inout PathIdentity.Cache) {
        let found = cache.identity(of: location.path)
        identityPath = found == location.path ? nil : found
    }
}
