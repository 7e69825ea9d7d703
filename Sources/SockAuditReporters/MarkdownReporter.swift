import SockAuditCore

/// A GitHub-flavoured Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// verdict, counts by severity, the active findings, suppressed ones folded away, baseline counts.
public struct MarkdownReporter: Reporter {
    /// Rows per table; GitHub refuses comments over 65,536 characters, and a longer table is unread anyway.
    public static let maxRows = 200

    public init() {}

    public func render(_ result: ScanResult) -> String {
        var digest = Digest()
        for finding in result.reportOrder { digest.add(finding) }
        return render(digest, compared: result.wasComparedWithBaseline, fixed: result.fixedSinceBaseline.count)
    }

    /// What the summary shows, gathered finding by finding: counts, and the first rows of each table.
    struct Digest {
        var active: [Severity: Int] = [:]
        var suppressed: [Severity: Int] = [:]
        var baselined: [Severity: Int] = [:]
        var activeRows: [Finding] = []
        var suppressedRows: [Finding] = []

        mutating func add(_ finding: Finding) {
            if finding.suppression != nil {
                suppressed[finding.severity, default: 0] += 1
                if suppressedRows.count < MarkdownReporter.maxRows { suppressedRows.append(finding) }
            } else if finding.isBaselined {
                baselined[finding.severity, default: 0] += 1
            } else {
                active[finding.severity, default: 0] += 1
                if activeRows.count < MarkdownReporter.maxRows { activeRows.append(finding) }
            }
        }

        var activeCount: Int { active.values.reduce(0, +) }
        var suppressedCount: Int { suppressed.values.reduce(0, +) }
        var baselinedCount: Int { baselined.values.reduce(0, +) }
    }

    func render(_ digest: Digest, compared: Bool, fixed: Int) -> String {
        var blocks = ["## sockaudit", verdict(digest)]
        if digest.activeCount + digest.suppressedCount + digest.baselinedCount > 0 {
            blocks.append(countTable(digest, compared: compared))
        }
        if digest.activeCount > 0 {
            blocks.append("### Findings")
            blocks.append(table(["Severity", "Rule", "Location", "Message"], digest.activeRows, of: digest.activeCount) { [$0.message] })
        }
        if digest.suppressedCount > 0 {
            let summary = "<summary>\(Self.count(digest.suppressedCount, "suppressed finding"))</summary>"
            let rows = table(["Severity", "Rule", "Location", "Reason", "Suppressed at"], digest.suppressedRows, of: digest.suppressedCount) {
                [$0.suppression?.reason ?? "", $0.suppression?.source ?? ""]
            }
            // Blank lines around the table, or GitHub leaves it as raw text inside the HTML block.
            blocks.append("<details>\n" + summary + "\n\n" + rows + "\n\n</details>")
        }
        if compared {
            blocks.append("Baseline: \(Self.count(digest.baselinedCount, "finding")) unchanged, "
                + "\(fixed) fixed since it was recorded.")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func verdict(_ digest: Digest) -> String {
        guard digest.activeCount > 0 else {
            var accepted: [String] = []
            if digest.suppressedCount > 0 { accepted.append("\(digest.suppressedCount) suppressed") }
            if digest.baselinedCount > 0 { accepted.append("\(digest.baselinedCount) in the baseline") }
            return accepted.isEmpty ? "**No findings.**" : "**No active findings** (\(accepted.joined(separator: ", ")))."
        }
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = digest.active[severity] ?? 0
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        return "**\(Self.count(digest.activeCount, "active finding"))**: \(bySeverity.joined(separator: ", "))."
    }

    private func countTable(_ digest: Digest, compared: Bool) -> String {
        var header = ["Severity", "Active", "Suppressed"]
        if compared { header.append("In baseline") }
        var lines = [Self.row(header), Self.row(["---"] + Array(repeating: "---:", count: header.count - 1))]
        for severity in Severity.allCases.reversed() {
            let counts = [digest.active, digest.suppressed] + (compared ? [digest.baselined] : [])
            lines.append(Self.row([severity.rawValue] + counts.map { String($0[severity] ?? 0) }))
        }
        return lines.joined(separator: "\n")
    }

    /// The first rows (at most `maxRows`) of `total` findings; cells after the location come from `extra`.
    private func table(_ header: [String], _ findings: [Finding], of total: Int, extra: (Finding) -> [String]) -> String {
        var lines = [Self.row(header), Self.row(Array(repeating: "---", count: header.count))]
        for finding in findings.prefix(Self.maxRows) {
            let cells = [finding.severity.rawValue, "\(finding.ruleID) \(finding.slug)", finding.location.description]
                + extra(finding)
            lines.append(Self.row(cells.map(Self.cell)))
        }
        if total > Self.maxRows {
            lines.append("\n…and \(total - Self.maxRows) more.")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Text from scanned files, made inert: control and bidi characters shown escaped (a newline would
    /// end the row), `|` kept from splitting the cell, and Markdown and HTML shown as written rather
    /// than rendered, so a hostile value can neither forge rows nor put links or markup in a PR comment.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in Terminal.printable(text).unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "`", "*", "_", "[", "]", "~": out += "\\" + String(character)
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
