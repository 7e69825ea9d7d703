#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the host's files under a root directory (`/`, or a mounted image) as that host would see
/// them: symlinks are followed inside the root (an absolute target starts again at the root, `..`
/// stops at it), never out of it. Read-only: nothing here opens for writing.
public struct RootedFileSystem: Sendable {
    /// The root without a trailing slash; "" for `/`.
    public let root: String

    public init(root: String) {
        var trimmed = root
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    public var isLiveRoot: Bool { root.isEmpty }

    /// The real path of a host path, with every symlink resolved inside the root; nil after 40 links.
    public func resolve(_ hostPath: String) -> String? {
        var pending = hostPath.split(separator: "/").map(String.init)
        var resolved: [String] = []
        var links = 0
        while !pending.isEmpty {
            let component = pending.removeFirst()
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [component]).joined(separator: "/")
            var info = stat()
            if lstat(root + candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                links += 1
                guard links <= 40, let target = readLink(root + candidate) else { return nil }
                let parts = target.split(separator: "/").map(String.init)
                if target.hasPrefix("/") { resolved = [] }
                pending = parts + pending
                continue
            }
            resolved.append(component)
        }
        return root + "/" + resolved.joined(separator: "/")
    }

    private func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `stat` of a host path (its final symlink resolved inside the root too).
    public func status(_ hostPath: String) -> stat? {
        guard let real = resolve(hostPath) else { return nil }
        var info = stat()
        return lstat(real, &info) == 0 ? info : nil
    }

    public func exists(_ hostPath: String) -> Bool { status(hostPath) != nil }

    /// A regular file's bytes, at most `limit`.
    public func read(_ hostPath: String, limit: Int = 4 * 1024 * 1024) throws(HostProbeError) -> [UInt8] {
        guard let real = resolve(hostPath) else { throw .unreadable(hostPath, reason: "too many symbolic links") }
        // O_NONBLOCK: a FIFO planted at a probed path must not hang the audit.
        let fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(hostPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(hostPath, reason: "not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw .unreadable(hostPath, reason: "larger than \(limit) bytes") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(hostPath, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= limit else { throw .unreadable(hostPath, reason: "larger than \(limit) bytes") }
        }
        return bytes
    }

    public func readText(_ hostPath: String, limit: Int = 4 * 1024 * 1024) throws(HostProbeError) -> String {
        String(decoding: try read(hostPath, limit: limit), as: UTF8.self)
    }

    /// Names in a directory, sorted; empty when it does not exist.
    public func list(_ hostPath: String) -> [String] {
        guard let real = resolve(hostPath), let directory = opendir(real) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
