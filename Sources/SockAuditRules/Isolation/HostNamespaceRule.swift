import SockAuditCore

/// What SA401-SA404 share: a container joins one of the host's namespaces.
protocol HostNamespaceRule: ContainerRule {
    static var namespace: String { get }
    static var consequence: String { get }
    static func setting(of container: ContainerSpec) -> Setting<Bool>?
}

extension HostNamespaceRule {
    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let setting = Self.setting(of: container), setting.value else { return [] }
        return [Self.description.finding(
            at: setting.location,
            "\(container.sharedSubject) shares the host's \(Self.namespace) (\(setting.spelling)): \(Self.consequence)",
            subject: container.sharedSubject, evidence: Self.namespace, written: setting.spelling)]
    }
}
