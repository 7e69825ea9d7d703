import SockAuditCore

/// One self-contained HTML page for auditors: no script, no network, inline CSS and SVG.
///
/// Written in one pass over the findings in report order, like the other formats: each file's
/// findings go out, folded in a `<details>`, as soon as the next file starts, so a page of 100,000
/// findings opens fast and the writer holds one file's rows at a time. Active, suppressed,
/// baselined and unscanned findings are written as they come, each kind to its own part of the
/// page: the parts are children of one flex column, and CSS `order` shows them apart, each after
/// its heading. What is known only at the end (the totals, the chart, the ranking of repositories
/// and rules, the headings' counts) is written last and shown first the same way. Kept meanwhile:
/// counts per severity, repository and rule.
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

/// The parts of the page, in the order they are shown (`HTMLTemplate` gives each its CSS order).
enum HTMLPart: String {
    case overview, findings, accepted, suppressed, baselinedHead = "baselined-head", baselined
    case notScanned = "not-scanned", unscanned

    var css: String { "part-\(rawValue)" }
}

/// The findings of one file of one kind (active, suppressed, baselined), until the next file.
struct HTMLFileGroup {
    let part: HTMLPart
    let columns: [String]
    let noun: (one: String, many: String)
    private(set) var path: String?
    private var rows = ""
    private var count = 0
    private var worst = Severity.info

    init(part: HTMLPart, columns: [String], noun: (one: String, many: String)) {
        (self.part, self.columns, self.noun) = (part, columns, noun)
    }

    /// Adds a row of `path`; returns the previous file's block when this starts another file.
    mutating func add(_ row: String, path: String, severity: Severity) -> String {
        let flushed = path == self.path ? "" : flush()
        if self.path == nil { (self.path, worst) = (path, severity) }
        rows += row
        count += 1
        worst = max(worst, severity)
        return flushed
    }

    /// The held file's block, folded; "" when nothing is held.
    mutating func flush() -> String {
        guard let path else { return "" }
        defer { (self.path, rows, count) = (nil, "", 0) }
        return "<details class=\"file \(part.css)\"><summary><span class=\"sev sev-\(worst.rawValue)\">\(worst.rawValue)</span> "
            + "<code>\(HTML.text(path))</code> — \(HTML.count(count, noun.one, plural: noun.many))</summary>\n"
            + "<table><thead><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
            + rows + "</tbody></table></details>\n"
    }
}

/// The page being written: the output since the last `take` and the tallies its overview needs.
struct HTMLPage {
    let tool: ToolInfo
    let rules: [RuleDescription]
    let repositories: RepositoryNames
    private var summary = ScanSummary(tally: FindingTally(), filesScanned: [:], filesSkipped: 0)
    private var out = ""
    private var active = HTMLFileGroup(
        part: .findings, columns: ["Severity", "Rule", "Location", "Message", "Evidence"], noun: ("finding", "findings"))
    private var suppressed = HTMLFileGroup(
        part: .suppressed, columns: ["Severity", "Rule", "Location", "Message", "Reason", "Suppressed at"],
        noun: ("suppressed finding", "suppressed findings"))
    private var baselined = HTMLFileGroup(
        part: .baselined, columns: ["Severity", "Rule", "Location", "Message"], noun: ("finding in the baseline", "findings in the baseline"))
    private var repository: String?
    private var totals: [Severity: Int] = [:]
    private var byRepository: [String: RepositoryTally] = [:]
    private var byRule: [String: (count: Int, slug: String, worst: Severity)] = [:]
    private var suppressedCount = 0
    private var baselinedCount = 0
    private var unscannedCount = 0

    init(tool: ToolInfo, paths: [String], rules: [RuleDescription]) {
        self.tool = tool
        self.rules = rules
        repositories = RepositoryNames(paths: paths)
        out.reserveCapacity(64 * 1024)
        out += HTMLTemplate.head(title: "sockaudit report")
        out += "<main class=\"report\">\n<h2 id=\"findings\" class=\"\(HTMLPart.findings.css)\">Active findings by repository</h2>\n"
    }

    mutating func add(_ finding: Finding) {
        let common = "<tr>\(severityCell(finding))\(ruleCell(finding))\(locationCell(finding))<td>\(HTML.text(finding.message))</td>"
        let path = finding.location.path
        if let suppression = finding.suppression {
            suppressedCount += 1
            out += suppressed.add(
                common + "<td>\(HTML.text(suppression.reason))</td><td><code>\(HTML.text(suppression.source))</code></td></tr>\n",
                path: path, severity: finding.severity)
            return
        }
        if finding.isBaselined {
            baselinedCount += 1
            out += baselined.add(common + "</tr>\n", path: path, severity: finding.severity)
            return
        }
        totals[finding.severity, default: 0] += 1
        let name = repositories.name(of: path)
        byRepository[name, default: RepositoryTally()].add(finding.severity)
        let rule = byRule[finding.ruleID]
        byRule[finding.ruleID] = (
            (rule?.count ?? 0) + 1, finding.slug, max(rule?.worst ?? finding.severity, finding.severity))
        if finding.ruleID == HTMLTemplate.unscannableRule {
            unscannedCount += 1
            out += "<p class=\"unscanned \(HTMLPart.unscanned.css)\"><code>\(HTML.text(path)):\(finding.location.line)</code> "
                + "\(HTML.text(finding.message))</p>\n"
            return
        }
        if active.path != path { out += active.flush() }
        if repository != name {
            if repository != nil { out += "</section>\n" }
            repository = name
            out += "<section class=\"repository \(HTMLPart.findings.css)\"><h3>\(HTML.text(name))</h3>\n"
        }
        out += active.add(
            common + "<td><code>\(HTML.text(finding.evidence))</code></td></tr>\n", path: path, severity: finding.severity)
    }

    /// What was written since the last call.
    mutating func take() -> String {
        defer { out = "" }
        return out
    }

    mutating func finish(_ summary: ScanSummary) -> String {
        self.summary = summary
        out += active.flush()
        if repository != nil { out += "</section>\n" }
        if totals.values.reduce(0, +) == unscannedCount {
            out += "<p class=\"none \(HTMLPart.findings.css)\">No active findings.</p>\n"
        }
        out += suppressed.flush() + baselined.flush()
        accepted()
        notScanned()
        overview()
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private mutating func accepted() {
        out += "<section id=\"accepted\" class=\"\(HTMLPart.accepted.css)\">\n<h2>Accepted risk</h2>\n"
        out += "<h3 id=\"suppressed\" data-count=\"\(suppressedCount)\">\(HTML.count(suppressedCount, "suppressed finding")), "
            + "with the reason given</h3>\n</section>\n"
        let fixed = summary.fixedSinceBaseline
        out += "<section id=\"baselined\" class=\"\(HTMLPart.baselinedHead.css)\">\n<h3 data-count=\"\(baselinedCount)\">"
            + "\(HTML.count(baselinedCount, "finding")) in the baseline"
            + "\(fixed.isEmpty ? "" : ", \(fixed.count) fixed since it was recorded")</h3>\n"
        if !fixed.isEmpty {
            out += "<details><summary>\(HTML.count(fixed.count, "baseline entry", plural: "baseline entries")) fixed</summary>"
                + "<table><thead><tr><th>Rule</th><th>Where it was</th><th>What</th></tr></thead><tbody>\n"
            for entry in fixed {
                out += "<tr><td><a href=\"#rule-\(HTML.text(entry.ruleId))\">\(HTML.text(entry.ruleId))</a></td>"
                    + "<td><code>\(HTML.text(entry.path))</code></td>"
                    + "<td>\(HTML.text(entry.message.isEmpty ? entry.subject : entry.message))</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        out += "</section>\n"
    }

    private mutating func notScanned() {
        out += "<section id=\"not-scanned\" class=\"\(HTMLPart.notScanned.css)\">\n<h2>Not scanned</h2>\n"
        out += "<p id=\"unscanned\" data-count=\"\(unscannedCount)\">\(HTML.count(unscannedCount, "file")) in scope could not be "
            + "read or parsed (SA901): no finding there does not mean clean\(unscannedCount > 0 ? ":" : ".")</p>\n"
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
        out += "<section id=\"overview\" class=\"\(HTMLPart.overview.css)\">\n<h1>sockaudit report</h1>\n"
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

    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
