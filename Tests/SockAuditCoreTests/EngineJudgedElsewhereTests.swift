import SockAuditCore
import Testing

/// A container that inherits settings another container states and is judged on
/// (`judgedElsewhere`) keeps its own findings; the inherited ones come once, from that one.
@Suite struct EngineJudgedElsewhereTests {
    struct PrivilegedProbe: ContainerRule {
        static let description = RuleDescription(
            id: "T001", slug: "probe", severity: .high, summary: "s", rationale: "r", remediation: "m",
            references: [], inputs: [.kubernetes], firingExamples: [], silentExamples: [])

        func check(_ container: ContainerSpec) -> [Finding] {
            guard let privileged = container.privileged, privileged.value else { return [] }
            return [Self.description.finding(at: privileged.location, "\(container.subject) privileged", subject: container.subject)]
        }
    }

    func container(_ subject: String, privilegedAt line: Int, inherited: Bool) -> ContainerSpec {
        var spec = ContainerSpec(name: "main", subject: subject, location: SourceLocation(path: "w.yaml", line: 20, column: 1), dialect: .kubernetes)
        let location = SourceLocation(path: "w.yaml", line: line, column: 5)
        spec.privileged = Setting(true, at: location, spelling: "privileged: true")
        if inherited { spec.judgedElsewhere = [location] }
        return spec
    }

    @Test func inheritedFindingsAreReportedOnce() {
        let facts = Facts(containers: [
            container("defaults", privilegedAt: 3, inherited: false),
            container("template a", privilegedAt: 3, inherited: true),
            container("template b", privilegedAt: 3, inherited: true),
            // its own value, written elsewhere: still its own finding
            container("template c", privilegedAt: 9, inherited: false),
        ])
        let findings = Engine(rules: [PrivilegedProbe()]).run(facts)
        #expect(findings.map { "\($0.subject) \($0.location.line)" } == ["defaults 3", "template c 9"])
    }
}
