import SockAuditCore

/// One self-contained HTML page for auditors: no script, no network, inline CSS and SVG.
///
/// Written in one pass over the findings in report order, like the other formats: each file's
/// active findings go out as soon as the next file starts, folded in a `<details>`, so a page of
/// 100,000 findings opens fast. What is known only at the end (the totals, the chart, the ranking of
/// repositories and rules) is written last and shown first by CSS (`order`). Kept meanwhile: counts
/// per repository and per rule, and the accepted (suppressed, baselined) and unscanned findings,
/// which are shown apart.
public struct HTMLReporter: Reporter {
    public var tool: ToolInfo

    public init(tool: ToolInfo = .sockaudit) {
        self.tool = tool
    }

    public func render(_ result: ScanResult) -> String {
        var stream = StreamingHTMLReporter(tool: tool)
        return stream.render(result)
    }
}

/// The HTML page written as the scan goes: each file's findings once the next file starts, the
/// overview at the end.
struct StreamingHTMLReporter: StreamingReporter {
    let tool: ToolInfo
    private var page: HTMLPage?

    init(tool: ToolInfo) {
        self.tool = tool
    }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        var page = HTMLPage(tool: tool, paths: start.identity.paths, rules: start.rules)
        out.write(page.take())
        self.page = page
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        page?.add(finding)
        if let text = page?.take(), !text.isEmpty { out.write(text) }
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        if let text = page?.finish(summary) { out.write(text) }
    }
}

/// The page being written: the output so far and the tallies its overview needs.
struct HTMLPage {
    let tool: ToolInfo
    let rules: [RuleDescription]
    let repositories: RepositoryNames
    private var summary = ScanSummary(tally: FindingTally(), filesScanned: [:], filesSkipped: 0)
    private var out = ""
    private var file: (path: String, rows: String, count: Int, worst: Severity)?
    private var repository: String?
    private var totals: [Severity: Int] = [:]
    private var byRepository: [String: RepositoryTally] = [:]
    private var byRule: [String: (count: Int, slug: String, worst: Severity)] = [:]
    private var suppressedRows = ""
    private var suppressedCount = 0
    private var baselinedRows = ""
    private var baselinedCount = 0
    private var unscannedRows = ""
    private var unscannedCount = 0

    init(tool: ToolInfo, paths: [String], rules: [RuleDescription]) {
        self.tool = tool
        self.rules = rules
        repositories = RepositoryNames(paths: paths)
        out.reserveCapacity(64 * 1024)
        out += HTMLTemplate.head(title: "sockaudit report")
        out += "<main class=\"report\">\n<section id=\"findings\" class=\"findings\">\n<h2>Active findings by repository</h2>\n"
    }

    mutating func add(_ finding: Finding) {
        if let suppression = finding.suppression {
            suppressedCount += 1
            suppressedRows += "<tr>\(severityCell(finding))\(ruleCell(finding))\(locationCell(finding))"
                + "<td>\(HTML.text(finding.message))</td><td>\(HTML.text(suppression.reason))</td>"
                + "<td><code>\(HTML.text(suppression.source))</code></td></tr>\n"
            return
        }
        if finding.isBaselined {
            baselinedCount += 1
            baselinedRows += "<tr>\(severityCell(finding))\(ruleCell(finding))\(locationCell(finding))"
                + "<td>\(HTML.text(finding.message))</td></tr>\n"
            return
        }
        totals[finding.severity, default: 0] += 1
        let name = repositories.name(of: finding.location.path)
        byRepository[name, default: RepositoryTally()].add(finding.severity)
        let rule = byRule[finding.ruleID]
        byRule[finding.ruleID] = (
            (rule?.count ?? 0) + 1, finding.slug, max(rule?.worst ?? finding.severity, finding.severity))
        if finding.ruleID == HTMLTemplate.unscannableRule {
            unscannedCount += 1
            unscannedRows += "<tr>\(locationCell(finding))<td>\(HTML.text(finding.message))</td></tr>\n"
            return
        }
        if file?.path != finding.location.path { flushFile() }
        if repository != name {
            if repository != nil { out += "</section>\n" }
            repository = name
            out += "<section class=\"repository\"><h3>\(HTML.text(name))</h3>\n"
        }
        var current = file ?? (finding.location.path, "", 0, finding.severity)
        current.rows += "<tr>\(severityCell(finding))\(ruleCell(finding))\(locationCell(finding))"
            + "<td>\(HTML.text(finding.message))</td><td><code>\(HTML.text(finding.evidence))</code></td></tr>\n"
        current.count += 1
        current.worst = max(current.worst, finding.severity)
        file = current
    }

    private mutating func flushFile() {
        guard let file else { return }
        out += "<details class=\"file\"><summary><span class=\"sev sev-\(file.worst.rawValue)\">\(file.worst.rawValue)</span> "
            + "<code>\(HTML.text(file.path))</code> — \(HTML.count(file.count, "finding"))</summary>\n"
            + "<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Evidence</th></tr></thead><tbody>\n"
            + file.rows + "</tbody></table></details>\n"
        self.file = nil
    }

    /// What was written since the last call.
    mutating func take() -> String {
        defer { out = "" }
        return out
    }

    mutating func finish(_ summary: ScanSummary) -> String {
        self.summary = summary
        flushFile()
        if repository != nil { out += "</section>\n" }
        if totals.values.reduce(0, +) == unscannedCount { out += "<p class=\"none\">No active findings.</p>\n" }
        out += "</section>\n"
        accepted()
        notScanned()
        overview()
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private mutating func accepted() {
        out += "<section id=\"accepted\">\n<h2>Accepted risk</h2>\n"
        out += "<details><summary>\(HTML.count(suppressedCount, "suppressed finding")), with the reason given</summary>\n"
        if suppressedCount > 0 {
            out += "<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th><th>Reason</th>"
                + "<th>Suppressed at</th></tr></thead><tbody>\n" + suppressedRows + "</tbody></table>\n"
        }
        out += "</details>\n"
        out += "<details><summary>\(HTML.count(baselinedCount, "finding")) in the baseline"
            + "\(summary.fixedSinceBaseline.isEmpty ? "" : ", \(summary.fixedSinceBaseline.count) fixed since it was recorded")</summary>\n"
        if baselinedCount > 0 {
            out += "<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead><tbody>\n"
                + baselinedRows + "</tbody></table>\n"
        }
        out += "</details>\n</section>\n"
    }

    private mutating func notScanned() {
        out += "<section id=\"not-scanned\">\n<h2>Not scanned</h2>\n"
        out += "<p>\(HTML.count(unscannedCount, "file")) in scope could not be read or parsed (SA901): "
            + "no finding there does not mean clean.</p>\n"
        if unscannedCount > 0 {
            out += "<table><thead><tr><th>Location</th><th>Why</th></tr></thead><tbody>\n" + unscannedRows + "</tbody></table>\n"
        }
        let links = summary.linksNotFollowed.sorted()
        if !links.isEmpty {
            out += "<details><summary>\(HTML.count(links.count, "symbolic link")) not followed</summary><ul>\n"
            for link in links { out += "<li><code>\(HTML.text(link))</code></li>\n" }
            out += "</ul></details>\n"
        }
        out += "</section>\n"
    }

    private mutating func overview() {
        let active = totals.values.reduce(0, +)
        let scanned = summary.filesScanned.values.reduce(0, +)
        out += "<section id=\"overview\">\n<h1>sockaudit report</h1>\n"
        out += "<p class=\"verdict\"><strong id=\"active-findings\" data-count=\"\(active)\">\(HTML.count(active, "active finding"))</strong>"
            + " in <span id=\"files-scanned\" data-count=\"\(scanned)\">\(HTML.count(scanned, "file"))</span> scanned"
            + " (\(summary.filesSkipped) not in scope); \(suppressedCount) suppressed, \(baselinedCount) in the baseline"
            + (unscannedCount > 0 ? "; <strong>scan incomplete: \(unscannedCount) not scanned</strong>" : "")
            + ". \(HTML.text(tool.name)) \(HTML.text(tool.version)).</p>\n"
        out += "<div class=\"totals\">\n" + HTMLTemplate.chart(totals) + "<table id=\"totals\"><thead><tr><th>Severity</th>"
            + "<th>Active</th></tr></thead><tbody>\n"
        for severity in Severity.allCases.reversed() {
            let count = totals[severity] ?? 0
            out += "<tr><td><span class=\"sev sev-\(severity.rawValue)\">\(severity.rawValue)</span></td>"
                + "<td class=\"num\" id=\"total-\(severity.rawValue)\" data-count=\"\(count)\">\(count)</td></tr>\n"
        }
        out += "</tbody></table>\n</div>\n"
        repositoryTable()
        ruleTable()
        out += "</section>\n"
    }

    private mutating func repositoryTable() {
        let ranked = byRepository.sorted { a, b in
            if a.value.rank != b.value.rank { return a.value.rank.lexicographicallyPrecedes(b.value.rank, by: >) }
            return a.key < b.key
        }
        out += "<h2>Repositories by their worst findings</h2>\n"
        guard !ranked.isEmpty else {
            out += "<p class=\"none\">None has an active finding.</p>\n"
            return
        }
        out += "<table id=\"repositories\"><thead><tr><th>Repository</th>"
        for severity in Severity.allCases.reversed() { out += "<th>\(severity.rawValue)</th>" }
        out += "<th>Total</th></tr></thead><tbody>\n"
        for (name, tally) in ranked {
            out += "<tr><td><code>\(HTML.text(name))</code></td>"
            for severity in Severity.allCases.reversed() {
                let count = tally.counts[severity] ?? 0
                out += "<td class=\"num\(count > 0 ? " sev-\(severity.rawValue)" : "")\">\(count)</td>"
            }
            out += "<td class=\"num\">\(tally.total)</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    private mutating func ruleTable() {
        let descriptions = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranked = byRule.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }
        out += "<h2>Rules by findings, with the safer alternative</h2>\n"
        guard !ranked.isEmpty else {
            out += "<p class=\"none\">No rule fired.</p>\n"
            return
        }
        out += "<table id=\"rules\"><thead><tr><th>Rule</th><th>Findings</th><th>What and how to fix it</th></tr></thead><tbody>\n"
        for (id, rule) in ranked {
            out += "<tr id=\"rule-\(HTML.text(id))\"><td><span class=\"sev sev-\(rule.worst.rawValue)\">\(rule.worst.rawValue)</span> "
                + "<strong>\(HTML.text(id))</strong> \(HTML.text(rule.slug))</td><td class=\"num\">\(rule.count)</td><td>"
            if let description = descriptions[id] {
                out += "<p>\(HTML.text(description.summary))</p><p class=\"fix\">\(HTML.text(description.remediation))</p>"
                    + "<details><summary>Why it matters</summary><p>\(HTML.text(description.rationale))</p>"
                if !description.references.isEmpty {
                    out += "<ul>" + description.references.map { reference in
                        if case .url(let url) = reference { return "<li><a href=\"\(HTML.text(url))\">\(HTML.text(url))</a></li>" }
                        return "<li>\(HTML.text(reference.text))</li>"
                    }.joined() + "</ul>"
                }
                out += "<p>Full page: <code>sockaudit explain \(HTML.text(id))</code></p></details>"
            }
            out += "</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    private func severityCell(_ finding: Finding) -> String {
        "<td><span class=\"sev sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td>"
    }

    private func ruleCell(_ finding: Finding) -> String {
        "<td><a href=\"#rule-\(HTML.text(finding.ruleID))\">\(HTML.text(finding.ruleID))</a> \(HTML.text(finding.slug))</td>"
    }

    private func locationCell(_ finding: Finding) -> String {
        let location = finding.location
        return "<td><code>\(HTML.text(location.path)):\(location.line):\(location.column)</code></td>"
    }
}

/// A repository's active findings, and the key it is ranked by: its counts, most severe first.
struct RepositoryTally {
    var counts: [Severity: Int] = [:]
    var total = 0

    mutating func add(_ severity: Severity) {
        counts[severity, default: 0] += 1
        total += 1
    }

    var rank: [Int] { Severity.allCases.reversed().map { counts[$0] ?? 0 } + [total] }
}

/// The repository a path is shown under: the entry at the top of the one folder scanned, the path
/// named that holds it, else its first folder.
struct RepositoryNames {
    let units: SweepUnits
    let paths: [String]

    init(paths: [String]) {
        units = SweepUnits(paths: paths)
        self.paths = paths
    }

    func name(of path: String) -> String {
        let display = Self.display(path)
        if units.splitsFolder {
            let root = Self.display(paths[0])
            let prefix = root == "." ? "" : (root.hasSuffix("/") ? root : root + "/")
            if display.hasPrefix(prefix), !(prefix.isEmpty && display.hasPrefix("/")) {
                let rest = display.dropFirst(prefix.count)
                // A file at the top of the scanned folder is shown under the folder itself.
                guard let slash = rest.firstIndex(of: "/") else { return root }
                return prefix + rest[..<slash]
            }
        } else {
            let unit = units.unit(of: display)
            if unit != display || paths.map(Self.display).contains(display) { return unit }
        }
        guard let slash = display.lastIndex(of: "/") else { return "." }
        return slash == display.startIndex ? "/" : String(display[..<slash])
    }

    private static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}

enum HTML {
    /// Text from scanned files made inert: markup characters as references, control and bidi
    /// characters shown escaped (as the text report shows them).
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in Terminal.printable(value).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
