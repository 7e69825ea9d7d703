import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct MarkdownReporterTests {
    private func rows(_ markdown: String) -> [Substring] {
        markdown.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| Severity") && !$0.hasPrefix("| ---")
        }
    }

    @Test func noFindingsIsAShortVerdict() {
        #expect(MarkdownReporter().render(Fixture.empty) == "## sockaudit\n\n**No findings.**\n")
    }

    @Test func onlyAcceptedFindingsIsNoActiveFindings() {
        let accepted = Fixture.result(Fixture.gating.findings.filter { !$0.isActive })
        let output = MarkdownReporter().render(accepted)
        #expect(output.contains("**No active findings** (2 suppressed, 1 in the baseline)."))
        #expect(!output.contains("### Findings"))
    }

    /// A `|` would split the cell and a newline would end the row; markup is shown, not rendered.
    @Test func cellsAreEscaped() {
        let finding = Fixture.finding(
            path: "a|b.yaml", message: "x | y `code` <img src=x> [link](http://e) *b* _i_ \\ & line\nbreak")
        let row = rows(MarkdownReporter().render(Fixture.result([finding]))).last.map(String.init)
        #expect(row == "| high | SA101 rule-sa101 | a\\|b.yaml:1:1 | x \\| y \\`code\\` &lt;img src=x&gt; "
            + "\\[link\\](http://e) \\*b\\* \\_i\\_ \\\\ &amp; line\\\\nbreak |")
    }

    @Test func theFindingsTableIsCapped() {
        let findings = (1...(MarkdownReporter.maxRows + 5)).map { Fixture.finding(line: $0) }
        let output = MarkdownReporter().render(Fixture.result(findings))
        #expect(rows(output).count == 5 + MarkdownReporter.maxRows)
        #expect(output.contains("| a.yaml:\(MarkdownReporter.maxRows):1 |"))
        #expect(!output.contains("| a.yaml:\(MarkdownReporter.maxRows + 1):1 |"))
        #expect(output.contains("\n\n…and 5 more.\n"))
    }

    /// Active findings, then the suppressed ones, each in report order.
    @Test func findingsFollowReportOrder() {
        let output = MarkdownReporter().render(Fixture.result(Fixture.findings))
        let locations = rows(output).dropFirst(5).map { $0.split(separator: "|")[2].trimmingCharacters(in: .whitespaces) }
        #expect(locations == ["deploy/my stack/compose.yaml:6:7", "k8s/pod.yaml:9:7", "k8s/pod.yaml:14:15",
                              "k8s/pod.yaml:21:9", "deploy/my stack/compose.yaml:12:5"])
    }
}
