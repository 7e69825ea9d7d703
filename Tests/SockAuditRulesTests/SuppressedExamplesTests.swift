import SockAuditCore
import SockAuditParsers
import SockAuditRules
import SockAuditScanner
import Testing

/// Every firing example again, wrapped in a suppression: with a reason the rule's findings are all
/// suppressed (kept, marked) and no suppression is stale; without one nothing is suppressed and
/// SA902 reports each directive.
@Suite struct SuppressedExamplesTests {
    static let rules = BuiltInRules.all.map { $0.description }.filter { !$0.id.hasPrefix("SA9") }

    /// The example's source with a directive above each marked command (above the first line of a
    /// `\`-continued command), indented like it; JSON gets a sidecar instead.
    static func wrapped(_ example: Example, _ id: String, reason: String?) -> [SourceFile] {
        let directive = "sockaudit:ignore \(id)" + (reason.map { " -- \($0)" } ?? "")
        var files: [SourceFile] = []
        // split on the scalar: "\r\n" is one Character, so a CRLF example would be one line
        var lines = example.source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        if example.filename.hasSuffix(".json") {
            files.append(SourceFile(path: example.filename + ".sockaudit-ignore", bytes: Array((directive + "\n").utf8)))
        } else {
            let groovy = example.filename.lowercased().hasSuffix("jenkinsfile") || example.filename.hasSuffix(".groovy")
            var starts = Set<Int>()
            // the scanner reads YAML with LF line ends: a key line ending in "\r" is no key to the outline
            let unixLines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            for (line, _) in example.markedPositions {
                var start = line
                // a `\`-continued shell command (LF or CRLF), a backtick-continued PowerShell one, a `^`-continued cmd one
                while start > 1, lines[start - 2].hasSuffix("\\") || lines[start - 2].hasSuffix("\\\r")
                    || lines[start - 2].hasSuffix("`") || lines[start - 2].hasSuffix("^") { start -= 1 }
                // a YAML value folded over lines: above the line that starts it
                if example.filename.hasSuffix(".yml") || example.filename.hasSuffix(".yaml"),
                   let first = (max(1, start - 20)...start).first(where: { candidate in
                       candidate < start && SuppressionDirectives.yamlValueEnd(unixLines, startingAt: candidate - 1) >= start
                   }) {
                    start = first
                }
                starts.insert(start)
            }
            for start in starts.sorted(by: >) {
                let indent = String(lines[start - 1].prefix(while: { $0 == " " || $0 == "\t" }))
                // pod YAML inside a Groovy string takes a YAML comment
                let yamlLine = lines[start - 1].dropFirst(indent.count).hasPrefix("- ")
                    || lines[start - 1].dropFirst(indent.count).prefix(while: { $0 != " " }).allSatisfy({ $0.isLetter || $0 == ":" || $0 == "-" })
                        && lines[start - 1].dropFirst(indent.count).prefix(while: { $0 != " " }).hasSuffix(":")
                let comment = groovy && !yamlLine ? "//" : "#"
                lines.insert("\(indent)\(comment) \(directive)", at: start - 1)
            }
        }
        files.insert(SourceFile(path: example.filename, bytes: Array(lines.joined(separator: "\n").utf8)), at: 0)
        for (name, text) in example.companions.sorted(by: { $0.key < $1.key }) {
            files.append(SourceFile(path: name, bytes: Array(text.utf8)))
        }
        return files
    }

    static func scan(_ files: [SourceFile]) -> [Finding] {
        Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan(sources: files).findings
    }

    @Test(arguments: rules)
    func justifiedSuppressionSilencesEveryFiringExample(rule: RuleDescription) {
        for (index, example) in rule.firingExamples.enumerated() {
            let findings = Self.scan(Self.wrapped(example, rule.id, reason: "accepted for this test"))
            let own = findings.filter { $0.ruleID == rule.id }
            #expect(!own.isEmpty, "\(rule.id) example \(index): the wrapped example no longer fires")
            #expect(own.allSatisfy { $0.suppression?.reason == "accepted for this test" },
                    "\(rule.id) example \(index): unsuppressed \(own.filter { $0.suppression == nil }.map(\.location))")
            #expect(findings.filter { $0.ruleID == "SA902" || $0.ruleID == "SA903" }.isEmpty,
                    "\(rule.id) example \(index): \(findings.filter { $0.ruleID.hasPrefix("SA90") }.map(\.message))")
        }
    }

    @Test(arguments: rules)
    func unjustifiedSuppressionSuppressesNothing(rule: RuleDescription) {
        for (index, example) in rule.firingExamples.enumerated() {
            let findings = Self.scan(Self.wrapped(example, rule.id, reason: nil))
            let own = findings.filter { $0.ruleID == rule.id }
            #expect(!own.isEmpty && own.allSatisfy { $0.suppression == nil }, "\(rule.id) example \(index)")
            #expect(!findings.filter { $0.ruleID == "SA902" }.isEmpty, "\(rule.id) example \(index): no SA902")
        }
    }
}
