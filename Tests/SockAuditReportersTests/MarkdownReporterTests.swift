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

    @Test func theFindingsTableIsCappedAndSaysWhatItLeftOut() {
        let rowsAllowed = MarkdownReporter.defaultMaxRows
        let findings = (1...(rowsAllowed + 5)).map { Fixture.finding(line: $0) }
        let output = MarkdownReporter().render(Fixture.result(findings))
        #expect(rows(output).count == 5 + rowsAllowed)
        #expect(output.contains("| a.yaml:\(rowsAllowed):1 |"))
        #expect(!output.contains("| a.yaml:\(rowsAllowed + 1):1 |"))
        #expect(output.contains("\n\n…and 5 more (5 high), not listed: the table shows the 200 most severe."))
        #expect(Fixture.cut(.markdown, Fixture.result(findings)) == ReportCut(listed: 200, omitted: {
            var counts = SeverityCounts()
            counts.add(.high, 5)
            return counts
        }()))
    }

    /// 220 high findings after 300 low ones in path order: all 220 make the table.
    @Test func theMostSevereFindingsMakeTheTable() {
        let low = (1...300).map { Fixture.finding("SA308", .low, path: "a.yaml", line: $0) }
        let high = (1...220).map { Fixture.finding("SA101", .high, path: "z.yaml", line: $0) }
        let reporter = MarkdownReporter(maxRows: 250)
        let output = reporter.render(Fixture.result(low + high))
        let listed = rows(output).dropFirst(5)
        #expect(listed.filter { $0.hasPrefix("| high |") }.count == 220)
        #expect(listed.filter { $0.hasPrefix("| low |") }.count == 30)
        #expect(listed.prefix(220).allSatisfy { $0.hasPrefix("| high |") }, "most severe first")
        #expect(output.contains("…and 270 more (270 low)"))
    }

    /// Megabyte values full of characters that grow when escaped, in every column, as many rows as
    /// can be asked for: the summary stays under GitHub's 1 MiB step-summary limit.
    @Test func theSummaryStaysUnderOneMebibyte() {
        let huge = String(repeating: "<|&\u{1B}é", count: 100_000)
        let longPath = String(repeating: "<|&\u{202E}/", count: 1_000)
        let active = (1...2_000).map { Fixture.finding(path: "\($0)/" + longPath, line: $0, message: huge) }
        let suppressed = active.map { finding -> Finding in
            var copy = finding
            copy.location.line += 10_000  // apart from the active ones, so ordering never compares messages
            copy.suppression = Suppression(reason: huge, source: huge)
            return copy
        }
        let output = MarkdownReporter(maxRows: 100_000).render(Fixture.result(active + suppressed))
        #expect(output.utf8.count < 1_048_576, "\(output.utf8.count) bytes")
        #expect(rows(output).count == 5 + 2 * MarkdownReporter.hardMaxRows)
        #expect(output.contains("… |"), "long cells end with an ellipsis")
    }

    /// Active findings most severe first, then the suppressed ones.
    @Test func findingsAreMostSevereFirst() {
        let output = MarkdownReporter().render(Fixture.result(Fixture.findings))
        let locations = rows(output).dropFirst(5).map { $0.split(separator: "|")[2].trimmingCharacters(in: .whitespaces) }
        #expect(locations == ["deploy/my stack/compose.yaml:6:7", "k8s/pod.yaml:14:15", "k8s/pod.yaml:21:9",
                              "k8s/pod.yaml:9:7", "deploy/my stack/compose.yaml:12:5"])
    }
}
