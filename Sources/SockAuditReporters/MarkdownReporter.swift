import SockAuditCore

/// A GitHub-flavoured Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// verdict, counts by severity, the active findings, suppressed ones folded away, baseline counts.
///
/// Tables list the most severe findings first and stop after `maxRows` rows, saying what they left
/// out; cells are cut at a few hundred bytes. Together these keep the summary under GitHub's 1 MiB
/// step-summary limit whatever the scanned files hold.
public struct MarkdownReporter: Reporter {
    /// Rows per table by default; a longer table is unread anyway.
    public static let defaultMaxRows = 200
    /// Rows per table at most, whatever is asked: 300 rows of both tables at the cell limits below
    /// (at most 1,515 and 1,318 bytes a row) come to about 850 KB, under the 1 MiB limit.
    public static let hardMaxRows = 300
    /// Bytes per cell at most (after escaping); a longer value ends with `…`. Messages carry the
    /// offending value, which a scanned file may make a megabyte long.
    static let severityAndRuleLimit = 100
    static let locationLimit = 300
    static let messageLimit = 1_000
    static let reasonLimit = 500

    /// Rows per table.
    public var maxRows: Int

    public init(maxRows: Int = Self.defaultMaxRows) {
        self.maxRows = min(max(1, maxRows), Self.hardMaxRows)
    }

    public func render(_ result: ScanResult) -> String {
        var digest = Digest(maxRows: maxRows)
        for finding in result.reportOrder { digest.add(finding) }
        return render(digest, compared: result.wasComparedWithBaseline, fixed: result.fixedSinceBaseline.count)
    }

    /// What the summary shows, gathered finding by finding: counts, and the most severe rows of
    /// each table (bounded selections, so memory does not grow with the findings).
    struct Digest {
        var active: [Severity: Int] = [:]
        var suppressed: [Severity: Int] = [:]
        var baselined: [Severity: Int] = [:]
        var activeRows: MostSevereSelection
        var suppressedRows: MostSevereSelection

        init(maxRows: Int) {
            activeRows = MostSevereSelection(limit: maxRows)
            suppressedRows = MostSevereSelection(limit: maxRows)
        }

        mutating func add(_ finding: Finding) {
            if finding.suppression != nil {
                suppressed[finding.severity, default: 0] += 1
                suppressedRows.offer(finding)
            } else if finding.isBaselined {
                baselined[finding.severity, default: 0] += 1
            } else {
                active[finding.severity, default: 0] += 1
                activeRows.offer(finding)
            }
        }

        /// What the tables left out, both together.
        var cut: ReportCut? {
            var omitted = activeRows.omitted
            omitted.add(suppressedRows.omitted)
            guard omitted.total > 0 else { return nil }
            return ReportCut(listed: activeRows.keptCount + suppressedRows.keptCount, omitted: omitted)
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
            blocks.append(table(["Severity", "Rule", "Location", "Message"], digest.activeRows) {
                [Self.cell($0.message, limit: Self.messageLimit)]
            })
        }
        if digest.suppressedCount > 0 {
            let summary = "<summary>\(Self.count(digest.suppressedCount, "suppressed finding"))</summary>"
            let rows = table(["Severity", "Rule", "Location", "Reason", "Suppressed at"], digest.suppressedRows) {
                [Self.cell($0.suppression?.reason ?? "", limit: Self.reasonLimit),
                 Self.cell($0.suppression?.source ?? "", limit: Self.locationLimit)]
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

    /// The most severe findings as rows; cells after the location come from `extra`, escaped and
    /// cut by it.
    private func table(_ header: [String], _ selection: MostSevereSelection, extra: (Finding) -> [String]) -> String {
        var lines = [Self.row(header), Self.row(Array(repeating: "---", count: header.count))]
        for finding in selection.keptMostSevereFirst {
            let cells = [
                Self.cell(finding.severity.rawValue, limit: Self.severityAndRuleLimit),
                Self.cell("\(finding.ruleID) \(finding.slug)", limit: Self.severityAndRuleLimit),
                Self.cell(finding.location.description, limit: Self.locationLimit),
            ]
            lines.append(Self.row(cells + extra(finding)))
        }
        if let cut = selection.cut {
            lines.append("\n…and \(ReportCut.number(cut.omitted.total)) more (\(cut.omitted.description)), "
                + "not listed: the table shows the \(ReportCut.number(maxRows)) most severe. "
                + "`--format text` or `--format sarif` lists every finding.")
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
    /// Cut at `limit` bytes of output (never inside an escape), ending with `…`: one scanned line of
    /// megabytes must not carry the summary past GitHub's limit.
    static func cell(_ text: String, limit: Int = messageLimit) -> String {
        var out = ""
        var bytes = 0
        let ellipsis = "…"
        // Scalar by scalar, so a megabyte value costs only the bytes kept.
        for scalar in text.unicodeScalars {
            let piece = Terminal.escaped(scalar).map { $0.unicodeScalars.map(markdownEscaped).joined() }
                ?? markdownEscaped(scalar)
            if bytes + piece.utf8.count > limit - ellipsis.utf8.count {
                return out + ellipsis
            }
            out += piece
            bytes += piece.utf8.count
        }
        return out
    }

    private static func markdownEscaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\\", "|", "`", "*", "_", "[", "]", "~": "\\" + String(scalar)
        default: String(scalar)
        }
    }
}
