import SockAuditCore

/// What SA306 and SA307 share: a hardening switch the container should turn on. Left unset on a
/// container whose input describes it whole, it is reported at the container with the input's own
/// spelling of the fix; turned off, it is reported where it is turned off.
protocol HardeningSwitchRule: ContainerRule {
    /// What the container allows without the switch ("allows privilege escalation").
    static var risk: String { get }
    static func setting(of container: ContainerSpec) -> Setting<Bool>?
    static func fix(in dialect: ContainerDialect) -> String
}

extension HardeningSwitchRule {
    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let setting = Self.setting(of: container) else {
            guard container.isComplete else { return [] }
            return [Self.description.finding(
                at: container.location, "\(container.subject) \(Self.risk): set \(Self.fix(in: container.dialect))",
                subject: container.subject)]
        }
        guard !setting.value else { return [] }
        return [Self.description.finding(
            at: setting.location, "\(container.subject) \(Self.risk) (\(setting.spelling))", subject: container.subject,
            written: setting.spelling)]
    }
}
