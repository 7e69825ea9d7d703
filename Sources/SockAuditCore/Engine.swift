/// Runs rules over facts and returns findings in the deterministic order.
public struct Engine: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule]) {
        self.rules = rules
    }

    public func run(_ facts: Facts) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules {
            findings += rule.check(facts)
        }
        return Self.deduplicated(findings).sorted(by: Finding.ordered)
    }

    /// The same rule, place and message reported twice (one volume mounted by two paths of the same
    /// adapter, say) is one finding.
    public static func deduplicated(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        return findings.filter { seen.insert($0).inserted }
    }
}
