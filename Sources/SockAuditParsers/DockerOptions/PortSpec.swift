import SockAuditCore

/// A port publication, `[IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`: `docker run -p`, Compose's short
/// `ports:` syntax and a CI service's `ports:` (Compose reads it with Docker's own splitter). The
/// text splits at every `:`: the last part is the container port, the one before it the host port,
/// and whatever comes before that the address, so an IPv6 address is written in brackets
/// (`[::1]:2375:2375`) and its brackets are dropped. A range (`8000-8010`) stays as written.
public enum PortSpec {
    public static func parse(_ text: String) -> PublishedPort? {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var containerPort = parts.removeLast()
        if let slash = containerPort.firstIndex(of: "/") { containerPort = String(containerPort[..<slash]) }
        guard !containerPort.isEmpty else { return nil }
        let hostPort = parts.popLast()
        var address = parts.joined(separator: ":")
        if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
        return PublishedPort(
            hostIP: address.isEmpty ? nil : address,
            hostPort: hostPort.flatMap { $0.isEmpty ? nil : $0 },
            containerPort: containerPort)
    }
}
