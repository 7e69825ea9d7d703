/// Where the Engine API answers: a unix socket or plain TCP. TLS is refused with a clear error.
public enum EngineEndpoint: Hashable, Sendable, CustomStringConvertible {
    case unix(String)
    case tcp(host: String, port: Int)

    public static let defaultSocket = "/var/run/docker.sock"

    /// `unix:///run/docker.sock`, `/run/docker.sock`, `tcp://127.0.0.1:2375`, `http://h:p`;
    /// `https://` is TLS and refused.
    public static func parse(_ text: String) throws(HostProbeError) -> EngineEndpoint {
        let lower = text.lowercased()
        if lower.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw .badAddress(text) }
            return .unix(path)
        }
        if text.hasPrefix("/") { return .unix(text) }
        if lower.hasPrefix("https://") || lower.hasPrefix("tls://") { throw .tlsNotSupported(text) }
        var rest: Substring
        if lower.hasPrefix("tcp://") {
            rest = text.dropFirst("tcp://".count)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst("http://".count)
        } else {
            throw .badAddress(text)
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        let host: Substring
        let portText: Substring
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : ""
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
            portText = ""
        }
        guard !host.isEmpty else { throw .badAddress(text) }
        // dockerd's convention: 2375 plain, 2376 TLS.
        guard let port = portText.isEmpty ? 2375 : Int(portText), (1...65535).contains(port) else { throw .badAddress(text) }
        return .tcp(host: String(host), port: port)
    }

    public var description: String {
        switch self {
        case .unix(let path): "unix://\(path)"
        case .tcp(let host, let port): host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        }
    }

    public var transport: String {
        switch self {
        case .unix: "unix"
        case .tcp: "tcp"
        }
    }
}
