import SockAuditCore

/// A report's bytes on their way out, handed to `sink` in chunks so no report is ever held whole.
public final class ReportStream {
    static let chunk = 1 << 16
    private var buffer: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    public init(_ sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    public func write(bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What a streamed report knows before the first finding.
public struct ReportStart: Sendable {
    /// The rules that run (SARIF lists them; every finding's rule is among them).
    public var rules: [RuleDescription]
    /// A baseline with entries was given, so every finding is either new or in it.
    public var comparedWithBaseline: Bool
    /// The scan's paths, shard, settings and threshold (the JSON report states them first).
    public var identity: ScanIdentity

    public init(rules: [RuleDescription], comparedWithBaseline: Bool, identity: ScanIdentity = ScanIdentity()) {
        self.rules = rules
        self.comparedWithBaseline = comparedWithBaseline
        self.identity = identity
    }
}

/// A report written as the scan goes: what comes first, every finding in report order as it is
/// known, then what only the end tells (counts, baseline entries fixed). Its bytes are those of the
/// format's whole-result `Reporter` for the same findings.
public protocol StreamingReporter {
    mutating func begin(_ start: ReportStart, to out: ReportStream)
    mutating func write(_ finding: Finding, to out: ReportStream)
    mutating func end(_ summary: ScanSummary, to out: ReportStream)
    /// After `end`: what a format that lists at most so many findings left out; nil when nothing.
    var cut: ReportCut? { get }
}

extension StreamingReporter {
    public var cut: ReportCut? { nil }
}

extension StreamingReporter {
    /// A whole result through the stream: for tests and callers that hold a result anyway.
    public mutating func render(_ result: ScanResult) -> String {
        var bytes: [UInt8] = []
        let out = ReportStream { bytes += $0 }
        begin(ReportStart(rules: result.rules, comparedWithBaseline: result.wasComparedWithBaseline, identity: result.identity), to: out)
        for finding in result.reportOrder { write(finding, to: out) }
        end(result.summary, to: out)
        out.flush()
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ReporterName {
    public func streamingReporter(_ settings: ReporterSettings) -> any StreamingReporter {
        switch self {
        case .text: StreamingTextReporter(TextReporter(color: settings.color, grouped: settings.grouped))
        case .json: StreamingJSONReporter(JSONReporter(tool: settings.tool))
        case .sarif:
            StreamingSARIFReporter(SARIFReporter(
                baseURI: settings.baseURI, tool: settings.tool, maxResults: settings.maxResults ?? SARIFReporter.defaultMaxResults))
        case .junit: StreamingJUnitReporter()
        case .github: StreamingGitHubReporter(GitHubReporter(maxAnnotations: settings.maxResults))
        case .markdown: StreamingMarkdownReporter(MarkdownReporter(maxRows: settings.maxResults ?? MarkdownReporter.defaultMaxRows))
        case .html: StreamingHTMLReporter(tool: settings.tool)
        }
    }
}
