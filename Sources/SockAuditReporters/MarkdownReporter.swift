import SockAuditCore

/// A GitHub-flavoured Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`:
/// verdict, counts by severity, the active findings, suppressed ones folded away, baseline counts.
public struct MarkdownReporter: Reporter {
    /// Rows per table; GitHub refuses comments over 65,536 characters, and a longer table is unread anyway.
    public static let maxRows = 200

    public init() {}

    public func render(_ result: ScanResult) -> String {
        let findings = result.reportOrder
        let active = findings.filter(\.isActive)
        let suppressed = findings.filter { $0.suppression != nil }
        let baselined = findings.filter { $0.suppression == nil && $0.isBaselined }
        let compared = result.wasComparedWithBaseline

        var blocks = ["## sockaudit", verdict(active: active, suppressed: suppressed, baselined: baselined)]
        if !findings.isEmpty {
            blocks.append(countTable(active: active, suppressed: suppressed, baselined: baselined, compared: compared))
        }
        if !active.isEmpty {
            blocks.append("### Findings")
            blocks.append(table(["Severity", "Rule", "Location", "Message"], active) { [$0.message] })
        }
        if !suppressed.isEmpty {
            let summary = "<summary>\(Self.count(suppressed.count, "suppressed finding"))</summary>"
            let rows = table(["Severity", "Rule", "Location", "Reason", "Suppressed at"], suppressed) {
                [$0.suppression?.reason ?? "", $0.suppression?.source ?? ""]
            }
            // Blank lines around the table, or GitHub leaves it as raw text inside the HTML block.
            blocks.append("<details>\n" + summary + "\n\n" + rows + "\n\n</details>")
        }
        if compared {
            blocks.append("Baseline: \(Self.count(baselined.count, "finding")) unchanged, "
                + "\(result.fixedSinceBaseline.count) fixed since it was recorded.")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func verdict(active: [Finding], suppressed: [Finding], baselined: [Finding]) -> String {
        guard !active.isEmpty else {
            var accepted: [String] = []
            if !suppressed.isEmpty { accepted.append("\(suppressed.count) suppressed") }
            if !baselined.isEmpty { accepted.append("\(baselined.count) in the baseline") }
            return accepted.isEmpty ? "**No findings.**" : "**No active findings** (\(accepted.joined(separator: ", ")))."
        }
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = active.filter { $0.severity == severity }.count
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        return "**\(Self.count(active.count, "active finding"))**: \(bySeverity.joined(separator: ", "))."
    }

    private func countTable(active: [Finding], suppressed: [Finding], baselined: [Finding], compared: Bool) -> String {
        var header = ["Severity", "Active", "Suppressed"]
        if compared { header.append("In baseline") }
        var lines = [Self.row(header), Self.row(["---"] + Array(repeating: "---:", count: header.count - 1))]
        for severity in Severity.allCases.reversed() {
            let counts = [active, suppressed] + (compared ? [baselined] : [])
            lines.append(Self.row([severity.rawValue] + counts.map { String($0.filter { $0.severity == severity }.count) }))
        }
        return lines.joined(separator: "\n")
    }

    /// Findings as rows, capped at `maxRows`; cells after the location come from `extra`.
    private func table(_ header: [String], _ findings: [Finding], extra: (Finding) -> [String]) -> String {
        var lines = [Self.row(header), Self.row(Array(repeating: "---", count: header.count))]
        for finding in findings.prefix(Self.maxRows) {
            let cells = [finding.severity.rawValue, "\(finding.ruleID) \(finding.slug)", finding.location.description]
                + extra(finding)
            lines.append(Self.row(cells.map(Self.cell)))
        }
        if findings.count > Self.maxRows {
            lines.append("\n…and \(findings.count - Self.maxRows) more.")
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
