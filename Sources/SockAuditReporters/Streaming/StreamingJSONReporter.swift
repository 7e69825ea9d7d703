import SockAuditCore

/// The JSON report written as it goes: schema version and tool first, each finding as it comes,
/// the summary (counts) last.
struct StreamingJSONReporter: StreamingReporter {
    let reporter: JSONReporter
    private var count = 0

    init(_ reporter: JSONReporter) {
        self.reporter = reporter
    }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        var head = "{\n  \"schemaVersion\": "
        JSONValue.string(JSONReporter.schemaVersion).write(to: &head, indent: 1)
        head += ",\n  \"tool\": "
        JSONValue.ordered([
            "name": .string(reporter.tool.name),
            "version": .string(reporter.tool.version),
            "informationUri": .string(reporter.tool.informationURI),
        ]).write(to: &head, indent: 1)
        out.write(head + ",\n  \"findings\": [")
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        var text = count == 0 ? "\n    " : ",\n    "
        reporter.finding(finding).write(to: &text, indent: 2)
        count += 1
        out.write(text)
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        var tail = count == 0 ? "],\n  \"summary\": " : "\n  ],\n  \"summary\": "
        reporter.summary(summary).write(to: &tail, indent: 1)
        out.write(tail + "\n}\n")
    }
}
