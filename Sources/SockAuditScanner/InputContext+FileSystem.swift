#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SockAuditParsers

extension InputContext {
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
}
