/// A container port published on the host (`ports:`, `-p`, a Kubernetes `hostPort`).
public struct PublishedPort: Hashable, Sendable {
    /// The host address it binds, when given (`127.0.0.1`); nil binds every interface.
    public var hostIP: String?
    public var hostPort: String?
    public var containerPort: String

    public init(hostIP: String?, hostPort: String?, containerPort: String) {
        self.hostIP = hostIP
        self.hostPort = hostPort
        self.containerPort = containerPort
    }

    /// Bound to loopback only (`127.0.0.1`, `localhost`, `::1`).
    public var isLoopbackOnly: Bool {
        guard let hostIP else { return false }
        return Address.isLoopback(hostIP)
    }
}

/// Address judgements shared by rules.
public enum Address {
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingBrackets
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}

extension String {
    var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}
