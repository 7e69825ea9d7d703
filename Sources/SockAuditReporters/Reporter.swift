import SockAuditCore

/// Turns a scan result into the bytes of one output format. Pure: no I/O, clock or environment.
public protocol Reporter: Sendable {
    func render(_ result: ScanResult) -> String
}

/// What the CLI knows about where the report goes. Passed by value; each reporter takes what it needs.
public struct ReporterSettings: Sendable, Hashable {
    /// ANSI colours (text).
    public var color: Bool
    /// One header per file (text).
    public var grouped: Bool
    /// The `file://` URI of the directory finding paths are relative to, ending in `/` (SARIF).
    public var baseURI: String
    public var tool: ToolInfo
    /// `--max-results`: findings listed at most (SARIF results, annotations, Markdown rows per
    /// table), the most severe kept; nil for each format's default, which fits GitHub's limits.
    public var maxResults: Int?

    public init(
        color: Bool = false, grouped: Bool = false, baseURI: String, tool: ToolInfo = .sockaudit, maxResults: Int? = nil
    ) {
        self.color = color
        self.grouped = grouped
        self.baseURI = baseURI
        self.tool = tool
        self.maxResults = maxResults
    }
}

/// Output formats, selectable by name. A new format is a new file plus its case and factory line here.
public enum ReporterName: String, CaseIterable, Sendable {
    case text, json, sarif, junit, github, markdown, html

    public func reporter(_ settings: ReporterSettings) -> any Reporter {
        switch self {
        case .text: TextReporter(color: settings.color, grouped: settings.grouped)
        case .json: JSONReporter(tool: settings.tool)
        case .sarif:
            SARIFReporter(baseURI: settings.baseURI, tool: settings.tool, maxResults: settings.maxResults ?? SARIFReporter.defaultMaxResults)
        case .junit: JUnitReporter()
        case .github: GitHubReporter(maxAnnotations: settings.maxResults)
        case .markdown: MarkdownReporter(maxRows: settings.maxResults ?? MarkdownReporter.defaultMaxRows)
        case .html: HTMLReporter(tool: settings.tool)
        }
    }

    /// The formats `--max-results` applies to: the ones a CI system caps.
    public var isLimited: Bool {
        switch self {
        case .sarif, .github, .markdown: true
        case .text, .json, .junit, .html: false
        }
    }
}
