import SockAuditCore
import SockAuditRules
import SockAuditScanner
import Testing

/// The generic test: every rule's own examples, run through the whole pipeline. Firing examples
/// must report exactly at their markers; silent examples must not report the rule at all.
@Suite struct RuleExamplesTests {
    static let rules = BuiltInRules.all.map { $0.description }

    static func findings(of id: String, in example: Example) -> [Finding] {
        let scanner = Scanner(options: ScanOptions(rules: BuiltInRules.all))
        var sources = [SourceFile(path: example.filename, bytes: Array(example.source.utf8))]
        for (name, text) in example.companions.sorted(by: { $0.key < $1.key }) {
            sources.append(SourceFile(path: name, bytes: Array(text.utf8)))
        }
        return scanner.scan(sources: sources).findings.filter { $0.ruleID == id }
    }

    static func positions(_ findings: [Finding], in path: String) -> [String] {
        Array(Set(findings.filter { $0.location.path == path }.map { "\($0.location.line):\($0.location.column)" })).sorted()
    }

    @Test(arguments: rules)
    func firingExamplesReportAtTheirMarkers(rule: RuleDescription) {
        for (index, example) in rule.firingExamples.enumerated() {
            let expected = example.markedPositions.map { "\($0.line):\($0.column)" }.sorted()
            #expect(!expected.isEmpty, "\(rule.id) firing example \(index) has no marker")
            let found = Self.findings(of: rule.id, in: example)
            #expect(Self.positions(found, in: example.filename) == expected,
                    "\(rule.id) firing example \(index) (\(example.filename)): \(found.map(\.message))")
        }
    }

    @Test(arguments: rules)
    func silentExamplesStaySilent(rule: RuleDescription) {
        for (index, example) in rule.silentExamples.enumerated() {
            #expect(example.markedPositions.isEmpty, "\(rule.id) silent example \(index) carries a marker")
            let found = Self.findings(of: rule.id, in: example)
            #expect(found.isEmpty, "\(rule.id) silent example \(index): \(found.map { "\($0.location) \($0.message)" })")
        }
    }

    @Test(arguments: rules)
    func everyCoveredInputHasExamplesBothWays(rule: RuleDescription) {
        #expect(!rule.firingExamples.isEmpty, "\(rule.id) has no firing example")
        #expect(!rule.silentExamples.isEmpty, "\(rule.id) has no silent example")
    }
}
