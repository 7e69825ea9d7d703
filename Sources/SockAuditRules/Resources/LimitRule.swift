import SockAuditCore

/// What SA501-SA503 share: a resource limit the container lacks.
protocol LimitRule: ContainerRule {
    static var resource: String { get }
    static func limit(of container: ContainerSpec) -> Setting<String>?
    static func advice(for container: ContainerSpec) -> String
    static func applies(to container: ContainerSpec) -> Bool
}

extension LimitRule {
    static func applies(to container: ContainerSpec) -> Bool { true }

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard container.isComplete, Self.applies(to: container), Self.limit(of: container) == nil else { return [] }
        return [Self.description.finding(
            at: container.location, "\(container.subject) has no \(Self.resource) limit: set \(Self.advice(for: container))",
            subject: container.subject)]
    }
}
