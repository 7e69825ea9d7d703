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
        head += ",\n  \"scan\": "
        reporter.scan(start.identity).write(to: &head, indent: 1)
        out.write(head + ",\n  \"findings\": [")
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        var text = count == 0 ? "\n    " : ",\n    "
        Self.write(finding, into: &text)
        count += 1
        out.write(text)
    }

    /// `JSONReporter.finding(_:)` as `JSONValue` renders it two levels deep, written straight out
    /// rather than built as a tree first (the tree cost more than the rest of the report).
    static func write(_ finding: Finding, into text: inout String) {
        func member(_ key: String, _ value: String, _ pad: String = "      ") {
            text += pad + "\"" + key + "\": "
            JSONValue.quote(value, into: &text)
        }
        text += "{\n"
        member("ruleId", finding.ruleID)
        text += ",\n"
        member("slug", finding.slug)
        text += ",\n"
        member("severity", finding.severity.rawValue)
        text += ",\n"
        member("message", finding.message)
        text += ",\n      \"location\": {\n"
        member("path", finding.location.path, "        ")
        text += ",\n        \"line\": " + String(finding.location.line)
        text += ",\n        \"column\": " + String(finding.location.column)
        text += "\n      },\n"
        member("subject", finding.subject)
        text += ",\n"
        member("evidence", finding.evidence)
        text += ",\n"
        member("fingerprint", finding.fingerprint)
        text += ",\n"
        member("identityPath", finding.identityPath ?? finding.location.path)
        text += ",\n      \"suppression\": "
        if let suppression = finding.suppression {
            text += "{\n"
            member("reason", suppression.reason, "        ")
            text += ",\n"
            member("source", suppression.source, "        ")
            text += ",\n"
            member("kind", suppression.kind.rawValue, "        ")
            text += "\n      }"
        } else {
            text += "null"
        }
        text += ",\n      \"baselined\": " + (finding.isBaselined ? "true" : "false") + ",\n"
        if let written = finding.written {
            member("written", written)
        } else {
            text += "      \"written\": null"
        }
        text += "\n    }"
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        var tail = count == 0 ? "],\n  \"summary\": " : "\n  ],\n  \"summary\": "
        reporter.summary(summary).write(to: &tail, indent: 1)
        out.write(tail + "\n}\n")
    }
}
