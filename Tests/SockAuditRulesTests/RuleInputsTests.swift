import SockAuditCore
import SockAuditRules
import SockAuditScanner
import Testing

/// A rule's `inputs` are what its examples prove: every group it claims has a firing and a silent
/// example, and it fires only in groups it claims (a silent example of another group, showing the
/// rule stays quiet there, is allowed). The group of an example is that of the input reading its file.
@Suite struct RuleInputsTests {
    static func group(of example: Example) -> InputGroup? {
        let scanner = Scanner(options: ScanOptions(rules: []))
        return scanner.inputKind(of: SourceFile(path: example.filename, bytes: Array(example.source.utf8)))?.group
    }

    @Test(arguments: BuiltInRules.all.map { $0.description })
    func inputsAreTheGroupsOfTheExamples(rule: RuleDescription) {
        let firing = Set(rule.firingExamples.compactMap(Self.group))
        let silent = Set(rule.silentExamples.compactMap(Self.group))
        let claimed = Set(rule.inputs)
        #expect(claimed.subtracting(firing).isEmpty, "\(rule.id) claims \(claimed.subtracting(firing).sorted()) without a firing example")
        #expect(claimed.subtracting(silent).isEmpty, "\(rule.id) claims \(claimed.subtracting(silent).sorted()) without a silent example")
        #expect(firing.subtracting(claimed).isEmpty, "\(rule.id) fires in \(firing.subtracting(claimed).sorted()) but does not claim it")
    }
}
