import ArgumentParser
import SockAuditCore
import SockAuditRules

/// `sockaudit explain ID|slug`: the rule's page.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: why it matters and how to fix it.")

    @Argument(help: "A rule ID (SA101) or slug (runtime-socket-mount).")
    var rule: String

    func validate() throws {
        guard BuiltInRules.rule(named: rule) != nil else {
            throw ValidationError("unknown rule '\(rule)'; `sockaudit rules` lists them")
        }
    }

    func run() throws {
        guard let description = BuiltInRules.rule(named: rule)?.description else { return }
        Terminal.out(RulePage.render(description) + "\n")
    }
}

/// A rule's page as plain text.
enum RulePage {
    static func render(_ rule: RuleDescription) -> String {
        var lines = [
            "\(rule.id) \(rule.slug) (\(rule.severity.rawValue))",
            rule.summary,
            "",
            "Why it matters",
            rule.rationale,
            "",
            "How to fix it",
            rule.remediation,
            "",
            "Inputs: \(rule.inputs.joined(separator: ", "))",
        ]
        if !rule.references.isEmpty {
            lines += ["", "References"] + rule.references.map { "  - \($0.text)" }
        }
        if !rule.firingExamples.isEmpty {
            lines += ["", "Reported (↓ marks where the finding lands)"]
            lines += rule.firingExamples.flatMap(render)
        }
        if !rule.silentExamples.isEmpty {
            lines += ["", "Not reported"]
            lines += rule.silentExamples.flatMap(render)
        }
        return lines.joined(separator: "\n")
    }

    private static func render(_ example: Example) -> [String] {
        var lines = ["", "  --- \(example.filename)"]
        lines += example.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
        for (name, text) in example.companions.sorted(by: { $0.key < $1.key }) {
            lines += ["  --- \(name)"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }
        }
        return lines
    }
}
