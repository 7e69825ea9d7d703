#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP response: status, headers (names lower-cased) and the decoded body.
public struct EngineResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
}

/// A small blocking HTTP/1.1 client for the Engine API: GET only, one connection per request
/// (`Connection: close`), one deadline for the whole request, Content-Length, chunked and
/// read-to-EOF bodies, and a cap on body size. Ours instead of AsyncHTTPClient: seconds to build,
/// and a stalled daemon cannot hang it (see reference/swift-stack.md).
public struct EngineClient: Sendable {
    public var endpoint: EngineEndpoint
    /// Seconds for each request, from connect to the last body byte.
    public var timeout: Double
    public var maxBodySize: Int
    /// The negotiated API version (`1.41`); paths are prefixed with `/v1.41` once it is set.
    public var apiVersion: String?

    /// The newest API version this client knows; a newer daemon is spoken to at this one.
    public static let maximumAPIVersion = "1.51"

    public init(endpoint: EngineEndpoint, timeout: Double = 10, maxBodySize: Int = 32 * 1024 * 1024) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.maxBodySize = maxBodySize
    }

    /// `GET /_ping`, then speak the lower of the daemon's `Api-Version` and ours: a daemon at 1.41
    /// answers 400 to `/v1.43/...`.
    public mutating func negotiate() throws(HostProbeError) -> EngineResponse {
        let ping = try get("/_ping", versioned: false)
        guard ping.status == 200 else { throw .httpStatus("GET /_ping", status: ping.status, message: Self.message(ping.body)) }
        if let server = ping.headers["api-version"], Self.isVersion(server) {
            apiVersion = Self.compare(server, Self.maximumAPIVersion) <= 0 ? server : Self.maximumAPIVersion
        }
        return ping
    }

    /// A GET whose answer must be 200; the body is returned.
    public func getOK(_ path: String) throws(HostProbeError) -> [UInt8] {
        let response = try get(path)
        guard response.status == 200 else {
            throw .httpStatus("GET \(path)", status: response.status, message: Self.message(response.body))
        }
        return response.body
    }

    public func get(_ path: String, versioned: Bool = true) throws(HostProbeError) -> EngineResponse {
        let target = (versioned ? apiVersion.map { "/v\($0)" } ?? "" : "") + path
        let what = "GET \(target) on \(endpoint)"
        let deadline = Deadline(seconds: timeout)
        let socket = try Socket.connect(endpoint, deadline: deadline, what: what, timeout: timeout)
        defer { socket.close() }
        let host = switch endpoint {
        case .unix: "docker"
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
        let request = "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: sockaudit\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
        try socket.writeAll(Array(request.utf8), deadline: deadline, what: what, timeout: timeout)
        var reader = ResponseReader(socket: socket, deadline: deadline, what: what, timeout: timeout, limit: maxBodySize)
        return try reader.readResponse(endpoint: endpoint)
    }

    /// The `message` of a Docker error body, or the body's text.
    static func message(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(500), as: UTF8.self)
        if let range = text.firstRange(of: "\"message\":\"") {
            let rest = text[range.upperBound...]
            return String(rest.prefix { $0 != "\"" })
        }
        return text.trimming("\r\n ")
    }

    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    static func compare(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }, y = b.split(separator: ".").map { Int($0) ?? 0 }
        for index in 0..<max(x.count, y.count) {
            let p = index < x.count ? x[index] : 0, q = index < y.count ? y[index] : 0
            if p != q { return p < q ? -1 : 1 }
        }
        return 0
    }
}

/// A monotonic deadline.
struct Deadline {
    let end: Double

    init(seconds: Double) { end = Deadline.now() + seconds }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Milliseconds left for poll, at least 0.
    var remainingMilliseconds: Int32 {
        Int32(max(0, min(Double(Int32.max), (end - Deadline.now()) * 1000)).rounded(.up))
    }
}

/// A non-blocking stream socket waited on with poll.
struct Socket {
    let fd: Int32

    func close() { _ = Glibc.close(fd) }

    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    static func connect(_ endpoint: EngineEndpoint, deadline: Deadline, what: String, timeout: Double) throws(HostProbeError) -> Socket {
        switch endpoint {
        case .unix(let path):
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
                throw .connect(endpoint.description, reason: "socket path too long")
            }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw .connect(endpoint.description, reason: errorText()) }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            return try finishConnect(fd, result: result, endpoint: endpoint, deadline: deadline, what: what, timeout: timeout)
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, String(port), &hints, &list)
            guard status == 0, let first = list else {
                throw .connect(endpoint.description, reason: String(cString: gai_strerror(status)))
            }
            defer { freeaddrinfo(list) }
            var lastError: HostProbeError = .connect(endpoint.description, reason: "no address")
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry {
                entry = current.pointee.ai_next
                let fd = socket(current.pointee.ai_family,
                                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
                guard fd >= 0 else { continue }
                let result = Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen)
                do {
                    return try finishConnect(fd, result: result, endpoint: endpoint, deadline: deadline, what: what, timeout: timeout)
                } catch {
                    lastError = error
                }
            }
            throw lastError
        }
    }

    private static func finishConnect(
        _ fd: Int32, result: Int32, endpoint: EngineEndpoint, deadline: Deadline, what: String, timeout: Double
    ) throws(HostProbeError) -> Socket {
        let socket = Socket(fd: fd)
        if result == 0 { return socket }
        let code = errno
        guard code == EINPROGRESS || code == EAGAIN else {
            socket.close()
            throw .connect(endpoint.description, reason: errorText(code))
        }
        do {
            try socket.wait(for: Int16(POLLOUT), deadline: deadline, what: what, stage: "connecting", timeout: timeout)
        } catch {
            socket.close()
            throw error
        }
        var soError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
        guard soError == 0 else {
            socket.close()
            throw .connect(endpoint.description, reason: errorText(soError))
        }
        return socket
    }

    func wait(for events: Int16, deadline: Deadline, what: String, stage: String, timeout: Double) throws(HostProbeError) {
        while true {
            let remaining = deadline.remainingMilliseconds
            guard remaining > 0 else { throw .timeout(what, stage: stage, seconds: timeout) }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, remaining)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(what, reason: Socket.errorText())
            }
            if ready == 0 { throw .timeout(what, stage: stage, seconds: timeout) }
            return
        }
    }

    func writeAll(_ bytes: [UInt8], deadline: Deadline, what: String, timeout: Double) throws(HostProbeError) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), deadline: deadline, what: what, stage: "sending the request", timeout: timeout)
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .io(what, reason: Socket.errorText())
            }
            offset += sent
        }
    }

    /// Reads what is there (waiting up to the deadline); an empty array is end of stream.
    func readSome(deadline: Deadline, what: String, stage: String, timeout: Double) throws(HostProbeError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            try wait(for: Int16(POLLIN), deadline: deadline, what: what, stage: stage, timeout: timeout)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw .io(what, reason: Socket.errorText())
            }
            return Array(buffer[0..<count])
        }
    }
}

/// Parses one HTTP/1.1 response from a socket.
struct ResponseReader {
    let socket: Socket
    let deadline: Deadline
    let what: String
    let timeout: Double
    let limit: Int
    var buffer: [UInt8] = []
    var position = 0
    var atEOF = false

    init(socket: Socket, deadline: Deadline, what: String, timeout: Double, limit: Int) {
        self.socket = socket
        self.deadline = deadline
        self.what = what
        self.timeout = timeout
        self.limit = limit
    }

    static let headLimit = 64 * 1024

    /// Reads more into the buffer; false at end of stream.
    mutating func fill(_ stage: String) throws(HostProbeError) -> Bool {
        guard !atEOF else { return false }
        if position > 65536 {
            buffer.removeFirst(position)
            position = 0
        }
        let more = try socket.readSome(deadline: deadline, what: what, stage: stage, timeout: timeout)
        if more.isEmpty {
            atEOF = true
            return false
        }
        buffer += more
        return true
    }

    var available: Int { buffer.count - position }

    /// One line ending in CRLF (a bare LF is accepted), without its ending.
    mutating func line(_ stage: String, max: Int) throws(HostProbeError) -> [UInt8] {
        var scanned = position
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[position..<end])
                position = newline + 1
                return line
            }
            scanned = buffer.count
            guard buffer.count - position <= max else { throw .malformedResponse(what, reason: "line too long in \(stage)") }
            guard try fill(stage) else { throw .malformedResponse(what, reason: "connection closed in \(stage)") }
        }
    }

    mutating func readResponse(endpoint: EngineEndpoint) throws(HostProbeError) -> EngineResponse {
        guard try fill("waiting for the response") else {
            throw .malformedResponse(what, reason: "connection closed before any response")
        }
        // A TLS server answers a plain request with a TLS record (0x15/0x16 0x03 ...).
        if buffer.count >= 2, buffer[0] == 0x15 || buffer[0] == 0x16, buffer[1] == 0x03 {
            throw .tlsNotSupported(endpoint.description)
        }
        let statusLine = String(decoding: try line("the status line", max: Self.headLimit), as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            throw .malformedResponse(what, reason: "status line \"\(statusLine.prefix(80))\"")
        }
        var headers: [String: String] = [:]
        var headBytes = statusLine.utf8.count
        while true {
            let raw = try line("the headers", max: Self.headLimit)
            headBytes += raw.count
            guard headBytes <= Self.headLimit else { throw .malformedResponse(what, reason: "headers over \(Self.headLimit) bytes") }
            if raw.isEmpty { break }
            let text = String(decoding: raw, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { throw .malformedResponse(what, reason: "header \"\(text.prefix(80))\"") }
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimming(" \t")
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let body: [UInt8]
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try chunkedBody()
        } else if let lengthText = headers["content-length"] {
            guard let length = Int(lengthText), length >= 0 else {
                throw .malformedResponse(what, reason: "Content-Length \"\(lengthText)\"")
            }
            guard length <= limit else { throw .bodyTooLarge(what, limit: limit) }
            body = try exactly(length, "the body")
        } else if status == 204 || status == 304 || status < 200 {
            body = []
        } else {
            body = try toEOF()
        }
        // Go's TLS listener answers plain HTTP with a 400 that says so.
        if status == 400, String(decoding: body.prefix(200), as: UTF8.self).contains("HTTP request to an HTTPS server") {
            throw .tlsNotSupported(endpoint.description)
        }
        return EngineResponse(status: status, headers: headers, body: body)
    }

    mutating func exactly(_ count: Int, _ stage: String) throws(HostProbeError) -> [UInt8] {
        while available < count {
            guard try fill(stage) else { throw .malformedResponse(what, reason: "connection closed in \(stage)") }
        }
        let bytes = Array(buffer[position..<(position + count)])
        position += count
        return bytes
    }

    mutating func toEOF() throws(HostProbeError) -> [UInt8] {
        while try fill("the body (read to end of stream)") {
            guard available <= limit else { throw .bodyTooLarge(what, limit: limit) }
        }
        guard available <= limit else { throw .bodyTooLarge(what, limit: limit) }
        let bytes = Array(buffer[position...])
        position = buffer.count
        return bytes
    }

    mutating func chunkedBody() throws(HostProbeError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = String(decoding: try line("a chunk size", max: 1024), as: UTF8.self)
            let sizeText = sizeLine.split(separator: ";", maxSplits: 1).first.map { $0.trimming(" \t") } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else {
                throw .malformedResponse(what, reason: "chunk size \"\(sizeLine.prefix(40))\"")
            }
            if size == 0 {
                // Trailers until the empty line.
                while !(try line("the trailers", max: Self.headLimit)).isEmpty {}
                return body
            }
            guard body.count + size <= limit else { throw .bodyTooLarge(what, limit: limit) }
            body += try exactly(size, "a chunk")
            let end = try line("a chunk's end", max: 2)
            guard end.isEmpty else { throw .malformedResponse(what, reason: "chunk not followed by CRLF") }
        }
    }
}
