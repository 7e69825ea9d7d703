/// A rule judges input-neutral facts and returns findings. Rules are pure: no file system, clock,
/// environment or printing.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ facts: Facts) -> [Finding]
}

extension Rule {
    public var description: RuleDescription { Self.description }
}

/// A rule that looks at one container at a time.
public protocol ContainerRule: Rule {
    func check(_ container: ContainerSpec) -> [Finding]
}

extension ContainerRule {
    public func check(_ facts: Facts) -> [Finding] {
        facts.containers.flatMap { check($0) }
    }
}
