#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an input may know beyond its own file: other files next to it (a Compose file's `.env`,
/// an `extends: file:` target), read through the scanner so examples and tests can supply them
/// in memory, and the user's options that concern inputs.
struct InputContext: Sendable {
    /// Reads a file by path (relative paths are taken from the folder of the file being scanned);
    /// nil when it does not exist or cannot be read.
    var readFile: @Sendable (_ path: String, _ relativeTo: SourceFile) -> [UInt8]?
    /// `--env-file` values given by the user, for Compose interpolation.
    var envFiles: [String]

    /// Reads from the file system, bounded by the size limit, and only inside the scan roots: an
    /// `extends:`, `include:` or `.env` that leads out of the scanned tree (by `..`, an absolute
    /// path or a link) is not read. The `--env-file` files the user named are read wherever they are.
    static func fileSystem(maxFileSize: Int, envFiles: [String], roots: [String]) -> InputContext {
        let allowed = Set(envFiles.compactMap(Discovery.realPath))
        return InputContext(
            readFile: { path, file in
                let resolved = resolve(path, relativeTo: file)
                guard !resolved.utf8.contains(0), let real = Discovery.realPath(resolved),
                      allowed.contains(real) || roots.contains(where: { Discovery.isInside(real, $0) }),
                      case .success(let bytes) = FileReader.read(real, limit: maxFileSize) else { return nil }
                return bytes
            }, envFiles: envFiles)
    }

    /// The real folders a scan may read from: each folder scanned, and the folder of each file.
    static func roots(of targets: [String]) -> [String] {
        targets.compactMap { target in
            var info = stat()
            guard !target.utf8.contains(0), stat(target, &info) == 0 else { return nil }
            let folder = (info.st_mode & S_IFMT) == S_IFDIR ? target : folder(of: target)
            return Discovery.realPath(folder)
        }
    }

    /// Reads from files held in memory, keyed by path.
    static func inMemory(_ files: [String: [UInt8]]) -> InputContext {
        InputContext(readFile: { path, file in files[resolve(path, relativeTo: file)] }, envFiles: [])
    }

    /// The folder part of a path ("." for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` as seen from the folder of `file` (absolute paths stay as they are).
    static func resolve(_ path: String, relativeTo file: SourceFile) -> String {
        if path.hasPrefix("/") { return path }
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return path }
        return parts.dropLast().joined(separator: "/") + "/" + path
    }
}
