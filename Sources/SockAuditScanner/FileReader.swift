#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a regular file whole, refusing anything over the size limit before reading it. Only a
/// regular file is ever opened for reading: a FIFO, socket or device put in its place after the
/// walk listed it is refused without being opened, so it can neither block the scan nor be touched.
enum FileReader {
    enum Failure: Error, Equatable {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// `followLinks` is false for files found by walking a folder: a symbolic link swapped in for
    /// one of them after the walk is refused, not followed out of the tree.
    static func read(_ path: String, limit: Int, followLinks: Bool = true) -> Result<[UInt8], Failure> {
        // A C path ends at the first NUL: "a.yml\0x" would silently read "a.yml".
        guard !path.utf8.contains(0) else { return .failure(.unreadable("the path contains a NUL byte")) }
        let noFollow = followLinks ? 0 : O_NOFOLLOW
        #if os(Linux)
        // O_PATH opens nothing for I/O; the inode is checked, then reopened through /proc, so what
        // is read is the inode that was checked.
        let handle = open(path, oPath | O_CLOEXEC | noFollow)
        guard handle >= 0 else { return .failure(.unreadable(reason(errno))) }
        defer { close(handle) }
        var info = stat()
        guard fstat(handle, &info) == 0 else { return .failure(.unreadable(reason(errno))) }
        if let refused = refusal(info, limit: limit) { return .failure(refused) }
        var descriptor = open("/proc/self/fd/\(handle)", O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 && errno == ENOENT {
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | noFollow)
        }
        #else
        var info = stat()
        guard (followLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return .failure(.unreadable(reason(errno))) }
        if let refused = refusal(info, limit: limit) { return .failure(refused) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | noFollow)
        #endif
        guard descriptor >= 0 else { return .failure(.unreadable(reason(errno))) }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { return .failure(.unreadable(reason(errno))) }
        guard opened.st_dev == info.st_dev && opened.st_ino == info.st_ino else {
            return .failure(.unreadable("it was replaced while being read"))
        }
        if let refused = refusal(opened, limit: limit) { return .failure(refused) }
        return readAll(descriptor, expected: Int(opened.st_size), limit: limit)
    }

    #if os(Linux)
    /// Glibc only declares O_PATH under _GNU_SOURCE, which Swift's module does not set.
    private static let oPath: Int32 = 0o10000000
    #endif

    private static func refusal(_ info: stat, limit: Int) -> Failure? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Int(info.st_size) > limit ? .tooLarge(Int(info.st_size)) : nil
        case S_IFLNK: return .unreadable("it is a symbolic link (not followed)")
        case S_IFIFO: return .unreadable("it is a FIFO, not a regular file (never opened)")
        case S_IFSOCK: return .unreadable("it is a socket, not a regular file (never opened)")
        case S_IFCHR, S_IFBLK: return .unreadable("it is a device, not a regular file (never opened)")
        case S_IFDIR: return .unreadable("it is a folder, not a regular file")
        default: return .unreadable("not a regular file")
        }
    }

    private static func reason(_ code: Int32) -> String {
        code == ELOOP ? "it is a symbolic link (not followed)" : String(cString: strerror(code))
    }

    /// Reads to end of file (a file may grow between stat and read; it is still bounded by the limit).
    static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> Result<[UInt8], Failure> {
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .failure(.tooLarge(count)) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(max(count, 65_536), limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { return .failure(.tooLarge(count)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
