import ArgumentParser
import SockAuditCore
import SockAuditRules
import SockAuditScanner

/// `sockaudit explain ID|slug`: the rule's page.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: why it matters and how to fix it.")

    @Argument(help: "A rule ID (SA101) or slug (runtime-socket-mount).")
    var rule: String

    @Flag(help: "Show every example; by default the first reported and the first not reported per input group.")
    var allExamples = false

    func validate() throws {
        guard BuiltInRules.rule(named: rule) != nil else {
            throw ValidationError("unknown rule '\(rule)'; `sockaudit rules` lists them")
        }
    }

    func run() throws {
        guard let description = BuiltInRules.rule(named: rule)?.description else { return }
        Terminal.out(RulePage.render(description, allExamples: allExamples) + "\n")
    }
}

/// A rule's page as plain text.
enum RulePage {
    static func render(_ rule: RuleDescription, allExamples: Bool = false) -> String {
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
            "Inputs: \(rule.inputs.map(\.rawValue).joined(separator: ", "))",
        ]
        if !rule.references.isEmpty {
            lines += ["", "References"] + rule.references.map { "  - \($0.text)" }
        }
        let firing = allExamples ? rule.firingExamples : firstPerInput(rule.firingExamples)
        let silent = allExamples ? rule.silentExamples : firstPerInput(rule.silentExamples)
        if !firing.isEmpty {
            lines += ["", "Reported (↓ marks where the finding lands)"]
            lines += firing.flatMap(render)
        }
        if !silent.isEmpty {
            lines += ["", "Not reported"]
            lines += silent.flatMap(render)
        }
        let hidden = rule.firingExamples.count + rule.silentExamples.count - firing.count - silent.count
        if hidden > 0 {
            lines += ["", "\(hidden) more example\(hidden == 1 ? "" : "s"): sockaudit explain \(rule.id) --all-examples"]
        }
        return lines.joined(separator: "\n")
    }

    /// The first example of each input group the catalogue names (k8s, compose, cli, daemon,
    /// inspect, host; a rule's examples come grouped by input, the clearest first), in their order.
    static func firstPerInput(_ examples: [Example]) -> [Example] {
        let scanner = Scanner(options: ScanOptions(rules: []))
        var seen = Set<String>()
        return examples.filter { example in
            let file = SourceFile(path: example.filename, bytes: Array(example.source.utf8))
            return seen.insert(scanner.inputKind(of: file)?.group.rawValue ?? "none").inserted
        }
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
