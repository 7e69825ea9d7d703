import SockAuditCore

/// SARIF written as it goes. The rules are known before the first finding (every finding's rule
/// is one that runs), so each result's `ruleIndex` is too; the log around the results is the
/// whole-result reporter's own encoding of a run without results, cut where the results go.
/// Results are written by hand in the encoder's layout (keys sorted, two-space indent, `" : "`).
struct StreamingSARIFReporter: StreamingReporter {
    let reporter: SARIFReporter
    private var base = BaseURI("")
    private var ruleIndex: [String: Int] = [:]
    private var compared = false
    private var rules: [RuleDescription] = []
    private var suffix = ""
    private var emptyResults = ""
    private var count = 0
    /// The last path's artifact location: a file's findings come one after another.
    private var lastLocation: (path: String, location: SARIFArtifactLocation)?
    /// Rules of findings that are not among the rules that run (never from a scan): listed after them.
    private var extraRules: [Finding] = []

    init(_ reporter: SARIFReporter) {
        self.reporter = reporter
    }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        base = BaseURI(reporter.baseURI)
        compared = start.comparedWithBaseline
        self.rules = start.rules
        let rules = reporter.descriptors(start.rules, [])
        ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let skeleton = SARIFReporter.encoded(SARIFLog(runs: [reporter.run(rules: rules, base: base, results: [])]))
        let (head, empty, tail) = Self.cut(skeleton)
        emptyResults = empty
        suffix = tail
        out.write(head)
    }

    /// The encoded log split around its empty `results` array.
    static func cut(_ skeleton: String) -> (head: String, empty: String, tail: String) {
        let key = "\"results\" : "
        guard let keyRange = skeleton.range(of: key), let close = skeleton[keyRange.upperBound...].firstIndex(of: "]") else {
            preconditionFailure("a SARIF run always has results")
        }
        let afterClose = skeleton.index(after: close)
        return (String(skeleton[..<keyRange.upperBound]), String(skeleton[keyRange.upperBound..<afterClose]), String(skeleton[afterClose...]))
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        if ruleIndex[finding.ruleID] == nil {
            ruleIndex[finding.ruleID] = ruleIndex.count
            extraRules.append(finding)
        }
        var text = count == 0 ? "[\n" : ",\n"
        count += 1
        if lastLocation?.path != finding.location.path {
            lastLocation = (finding.location.path, reporter.artifactLocation(finding.location.path, base))
        }
        result(finding, location: lastLocation!.location, into: &text)
        out.write(text)
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        if count == 0 {
            out.write(emptyResults)
        } else {
            out.write("\n      ]")
        }
        guard !extraRules.isEmpty else {
            out.write(suffix)
            return
        }
        // Their indexes were given in the order they came, after the rules that run.
        let rules = reporter.descriptors(rules, []) + extraRules.map { reporter.descriptors([], [$0])[0] }
        out.write(Self.cut(SARIFReporter.encoded(SARIFLog(runs: [reporter.run(rules: rules, base: base, results: [])]))).tail)
    }

    /// One result, as the encoder lays it out four levels deep.
    private func result(_ finding: Finding, location: SARIFArtifactLocation, into text: inout String) {
        let i = "          "
        text += "        {\n"
        if compared {
            text += i + "\"baselineState\" : \"" + (finding.isBaselined ? "unchanged" : "new") + "\",\n"
        }
        text += i + "\"level\" : \"" + finding.severity.sarifLevel.rawValue + "\",\n"
        text += i + "\"locations\" : [\n"
        text += i + "  {\n"
        text += i + "    \"physicalLocation\" : {\n"
        text += i + "      \"artifactLocation\" : {\n"
        text += i + "        \"uri\" : "
        EncoderJSON.quote(location.uri, into: &text)
        if let baseID = location.uriBaseId {
            text += ",\n" + i + "        \"uriBaseId\" : "
            EncoderJSON.quote(baseID, into: &text)
        }
        text += "\n" + i + "      },\n"
        text += i + "      \"region\" : {\n"
        text += i + "        \"startColumn\" : " + String(max(1, finding.location.column)) + ",\n"
        text += i + "        \"startLine\" : " + String(max(1, finding.location.line)) + "\n"
        text += i + "      }\n"
        text += i + "    }\n"
        text += i + "  }\n"
        text += i + "],\n"
        text += i + "\"message\" : {\n"
        text += i + "  \"text\" : "
        EncoderJSON.quote(finding.message, into: &text)
        text += "\n" + i + "},\n"
        text += i + "\"partialFingerprints\" : {\n"
        text += i + "  \"" + SARIFReporter.fingerprintKey + "\" : \"" + finding.fingerprint + "\"\n"
        text += i + "},\n"
        text += i + "\"ruleId\" : "
        EncoderJSON.quote(finding.ruleID, into: &text)
        text += ",\n" + i + "\"ruleIndex\" : " + String(ruleIndex[finding.ruleID] ?? 0)
        if let suppression = finding.suppression {
            text += ",\n" + i + "\"suppressions\" : [\n"
            text += i + "  {\n"
            text += i + "    \"justification\" : "
            EncoderJSON.quote(suppression.reason, into: &text)
            text += ",\n" + i + "    \"kind\" : \"" + suppression.kind.rawValue + "\"\n"
            text += i + "  }\n"
            text += i + "]"
        }
        text += "\n        }"
    }
}

/// Strings escaped as Foundation's `JSONEncoder` escapes them (with `.withoutEscapingSlashes`).
enum EncoderJSON {
    static func quote(_ string: String, into text: inout String) {
        text += "\""
        guard string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
