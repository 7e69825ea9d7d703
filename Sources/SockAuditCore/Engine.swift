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
        Self.dropJudgedElsewhere(&findings, facts.containers)
        return Self.sortedUnique(findings)
    }

    /// A container's findings at settings another container is judged on (`judgedElsewhere`).
    static func dropJudgedElsewhere(_ findings: inout [Finding], _ containers: [ContainerSpec]) {
        var places: [String: Set<SourceLocation>] = [:]
        for container in containers where !container.judgedElsewhere.isEmpty {
            places[container.subject, default: []].formUnion(container.judgedElsewhere)
        }
        guard !places.isEmpty else { return }
        findings.removeAll { places[$0.subject]?.contains($0.location) == true }
    }

    /// The same rule, place and message reported twice (one volume mounted by two paths of the same
    /// adapter, say) is one finding.
    public static func deduplicated(_ findings: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        return findings.filter { seen.insert($0).inserted }
    }

    /// `deduplicated(findings).sorted(by: Finding.ordered)` without hashing every finding whole:
    /// once sorted, a duplicate can only sit among the findings of the same place, rule and message.
    public static func sortedUnique(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let sorted = findings.sorted(by: Finding.ordered)
        var result: [Finding] = []
        result.reserveCapacity(sorted.count)
        var runStart = 0
        for finding in sorted {
            if let last = result.last, !Finding.ordered(last, finding) {
                // Same place, rule and message as the run so far: keep it only if it differs in full.
                if result[runStart...].contains(finding) { continue }
            } else {
                runStart = result.count
            }
            result.append(finding)
        }
        return result
    }
}
