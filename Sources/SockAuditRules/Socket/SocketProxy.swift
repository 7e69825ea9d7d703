import SockAuditCore

/// A Docker socket proxy: a container whose image says so and that mounts a runtime socket.
enum SocketProxy {
    static func isProxy(_ container: ContainerSpec) -> Bool {
        guard let image = container.image?.lowercased(),
            TextSearch.contains(image, "socket-proxy") || TextSearch.contains(image, "docker-proxy")
        else { return false }
        return container.mounts.contains { HostPath.socketExposure(of: $0.source) != nil }
    }

    /// Sections of the Docker API that create or run code.
    static let writeSections = [
        "CONTAINERS", "EXEC", "SERVICES", "TASKS", "SWARM", "NODES", "PLUGINS", "BUILD", "ALLOW_START",
        "ALLOW_RESTARTS",
    ]

    static func isEnabled(_ value: String) -> Bool {
        ["1", "true", "yes"].contains(value.lowercased())
    }
}
