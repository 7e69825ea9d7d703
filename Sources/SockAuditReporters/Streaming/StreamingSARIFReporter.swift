import SockAuditCore

/// SARIF as the scan goes. At most `maxResults` results are kept, the most severe, so the results
/// wait in a bounded selection (memory grows with the limit, never with the findings) and are
/// written at the end, when the invocation (files not scanned, results left out) is known too: its
/// key sorts before `results`. The log around the results is the whole-result reporter's own
/// encoding of the run without results, cut where the results go; results are written by hand in
/// the encoder's layout (keys sorted, two-space indent, `" : "`).
struct StreamingSARIFReporter: StreamingReporter {
    let reporter: SARIFReporter
    private var compared = false
    private var rules: [RuleDescription] = []
    private var selection: MostSevereSelection
    /// Active SA901 findings, each an `error` notification even when its result is left out.
    private var unscanned: [Finding] = []
    private var ruleIndex: [String: Int] = [:]

    init(_ reporter: SARIFReporter) {
        self.reporter = reporter
        selection = MostSevereSelection(limit: reporter.maxResults)
    }

    var cut: ReportCut? { selection.cut }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        compared = start.comparedWithBaseline
        rules = start.rules
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
        selection.offer(finding)
        if SARIFReporter.isNotScanned(finding.ruleID) && finding.isActive { unscanned.append(finding) }
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        let base = BaseURI(reporter.baseURI)
        let kept = selection.kept
        let descriptors = reporter.descriptors(rules, kept)
        ruleIndex = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let invocation = reporter.invocation(unscanned, cut: selection.cut, base: base, ruleIndex: ruleIndex)
        let skeleton = SARIFReporter.encoded(SARIFLog(runs: [reporter.run(rules: descriptors, base: base, invocation: invocation, results: [])]))
        let (head, empty, tail) = Self.cut(skeleton)
        out.write(head)
        guard !kept.isEmpty else {
            out.write(empty + tail)
            return
        }
        // A file's findings come one after another: its artifact location is worked out once.
        var lastLocation: (path: String, location: SARIFArtifactLocation)?
        for (index, finding) in kept.enumerated() {
            var text = index == 0 ? "[\n" : ",\n"
            if lastLocation?.path != finding.location.path {
                lastLocation = (finding.location.path, reporter.artifactLocation(finding.location.path, base))
            }
            result(finding, location: lastLocation!.location, into: &text)
            out.write(text)
        }
        out.write("\n      ]" + tail)
    }

    /// One result, as the encoder lays it out four levels deep.
    private func result(_ finding: Finding, location: SARIFArtifactLocation, into text: inout String) {
        let i = "          "
        text += "        {\n"
        if compared {
            text += i + "\"baselineState\" : \"" + (finding.isBaselined ? "unchanged" : "new") + "\",\n"
        }
        text += i + "\"level\" : \"" + SARIFReporter.level(finding.ruleID, finding.severity).rawValue + "\",\n"
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
        if !SARIFReporter.isNotScanned(finding.ruleID) {
            text += i + "\"properties\" : {\n"
            text += i + "  \"security-severity\" : \"" + finding.severity.securitySeverity + "\""
            if let written = finding.written {
                text += ",\n" + i + "  \"written\" : "
                EncoderJSON.quote(written, into: &text)
            }
            text += "\n" + i + "},\n"
        }
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
