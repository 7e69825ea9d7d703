import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP server on a unix socket or loopback TCP for client tests: each connection gets the
/// next scripted reply, sent in pieces, and the request lines are recorded.
final class TestServer: @unchecked Sendable {
    enum Step {
        case send([UInt8])
        case pause(Double)
    }

    let fd: Int32
    let socketPath: String?
    let port: Int?
    private let lock = NSLock()
    private var _requests: [String] = []
    private var replies: [[Step]]

    var requests: [String] { lock.withLock { _requests } }

    /// `replies[i]` answers the i-th connection; after the last, connections are closed at once.
    init(unixIn directory: String? = nil, replies: [[Step]]) throws {
        self.replies = replies
        if let directory {
            let path = directory + "/test.sock"
            unlink(path)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                let bytes = Array(path.utf8)
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
            socketPath = path
            port = nil
        } else {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            port = Int(UInt16(bigEndian: address.sin_port))
            socketPath = nil
        }
        listen(fd, 16)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    private func serve() {
        var index = 0
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                // Closed here, not in stop(): a descriptor closed under a blocked accept() can be
                // reused by another test's server, whose connections this thread would then steal.
                close(fd)
                return
            }
            var request: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.ends(with: Array("\r\n\r\n".utf8)) {
                let count = read(client, &buffer, buffer.count)
                if count <= 0 { break }
                request += buffer[0..<count]
            }
            let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
            let steps: [Step] = lock.withLock {
                _requests.append(line)
                return index < replies.count ? replies[index] : []
            }
            index += 1
            for step in steps {
                switch step {
                case .send(let bytes): _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                case .pause(let seconds): Thread.sleep(forTimeInterval: seconds)
                }
            }
            close(client)
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}

extension TestServer.Step {
    static func text(_ string: String) -> TestServer.Step { .send(Array(string.utf8)) }
}

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "sockaudit-host-" + UUID().uuidString.prefix(8)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
