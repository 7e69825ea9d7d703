import Foundation
import SockAuditCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
///
/// Each result carries its own `level` and `security-severity` (a configuration override, or a rule
/// whose findings differ in severity, SA601). A file not scanned (SA901) is a `note` result without
/// `security-severity`, so code scanning shows it at the file without ranking it as a vulnerability,
/// and an `error` notification in the invocation, which tells SARIF consumers the results are
/// incomplete. At most `maxResults` results are written, the most severe kept; the invocation says
/// what was left out.
public struct SARIFReporter: Reporter {
    /// GitHub code scanning rejects a run with more results than this.
    public static let defaultMaxResults = 25_000
    /// The base ID relative artifact URIs are resolved through.
    public static let sourceRootID = "%SRCROOT%"
    /// The `partialFingerprints` key; its value is `Finding.fingerprint`, which does not move with lines.
    public static let fingerprintKey = "sockaudit/v1"

    /// The `file://` URI of the directory finding paths are relative to; a missing final `/` is added.
    public var baseURI: String
    public var tool: ToolInfo
    /// Results written at most; the most severe are kept (`MostSevereSelection`).
    public var maxResults: Int

    public init(baseURI: String, tool: ToolInfo = .sockaudit, maxResults: Int = Self.defaultMaxResults) {
        self.baseURI = baseURI
        self.tool = tool
        self.maxResults = maxResults
    }

    /// Encodes the whole log with `JSONEncoder`; the streaming reporter writes the same bytes by hand.
    public func render(_ result: ScanResult) -> String {
        let base = BaseURI(baseURI)
        let all = result.reportOrder
        var selection = MostSevereSelection(limit: maxResults)
        for finding in all { selection.offer(finding) }
        let findings = selection.kept
        let rules = descriptors(result.rules, findings)
        let compared = result.wasComparedWithBaseline
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unscanned = all.filter { Self.isNotScanned($0.ruleID) && $0.isActive }
        let invocation = invocation(unscanned, cut: selection.cut, base: base, ruleIndex: ruleIndex)
        let run = self.run(rules: rules, base: base, invocation: invocation, results: findings.map { finding in
                SARIFResult(
                    ruleId: finding.ruleID,
                    ruleIndex: ruleIndex[finding.ruleID] ?? 0,
                    level: Self.level(finding.ruleID, finding.severity),
                    message: SARIFMessage(text: finding.message),
                    locations: [location(finding, base)],
                    partialFingerprints: [Self.fingerprintKey: finding.fingerprint],
                    suppressions: finding.suppression.map {
                        [SARIFSuppression(kind: $0.kind.rawValue, justification: $0.reason)]
                    },
                    baselineState: compared ? (finding.isBaselined ? .unchanged : .new) : nil,
                    properties: Self.isNotScanned(finding.ruleID)
                        ? nil : SARIFResultProperties(securitySeverity: finding.severity.securitySeverity, written: finding.written))
            })

        return Self.encoded(SARIFLog(runs: [run]))
    }

    func run(
        rules: [SARIFReportingDescriptor], base: BaseURI, invocation: SARIFInvocation, results: [SARIFResult]
    ) -> SARIFRun {
        SARIFRun(
            tool: SARIFTool(driver: SARIFToolComponent(
                name: tool.name, version: tool.version, semanticVersion: tool.version,
                informationUri: tool.informationURI, rules: rules)),
            invocations: [invocation],
            originalUriBaseIds: [Self.sourceRootID: SARIFArtifactLocation(uri: base.string)],
            results: results)
    }

    /// The log as JSON: pretty, keys sorted, slashes unescaped.
    static func encoded(_ log: SARIFLog) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
        } catch {
            // The model holds only strings, integers and arrays of them; encoding it cannot fail.
            preconditionFailure("SARIF encoding failed: \(error)")
        }
    }

    func location(_ finding: Finding, _ base: BaseURI) -> SARIFLocation {
        SARIFLocation(physicalLocation: SARIFPhysicalLocation(
            artifactLocation: artifactLocation(finding.location.path, base),
            // SARIF rejects 0; a finding without a real position still lands on the file.
            region: SARIFRegion(startLine: max(1, finding.location.line), startColumn: max(1, finding.location.column))))
    }

    static func isNotScanned(_ ruleID: String) -> Bool { ruleID == FindingTally.unscannableRuleID }

    /// Every active SA901 (`unscanned`, even one left out of the results) as an `error`
    /// notification, and the results `maxResults` left out as a `warning` one.
    func invocation(_ unscanned: [Finding], cut: ReportCut?, base: BaseURI, ruleIndex: [String: Int]) -> SARIFInvocation {
        var notifications = unscanned.map { finding in
            SARIFNotification(
                level: .error, message: SARIFMessage(text: finding.message), locations: [location(finding, base)],
                associatedRule: SARIFReportingDescriptorReference(id: finding.ruleID, index: ruleIndex[finding.ruleID]))
        }
        if let cut {
            notifications.append(SARIFNotification(
                level: .warning,
                message: SARIFMessage(text: "This run \(cut.description) (at most \(ReportCut.number(maxResults)) results; "
                    + "--max-results sets the limit). Every finding is in the text and JSON reports.")))
        }
        return SARIFInvocation(executionSuccessful: true, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
    }

    /// Every rule that ran, by ID, plus a minimal entry for any finding whose rule is not listed,
    /// so that every result's `ruleIndex` points at its rule.
    func descriptors(_ rules: [RuleDescription], _ findings: [Finding]) -> [SARIFReportingDescriptor] {
        var byID: [String: SARIFReportingDescriptor] = [:]
        for rule in rules where byID[rule.id] == nil {
            byID[rule.id] = descriptor(rule)
        }
        for finding in findings where byID[finding.ruleID] == nil {
            byID[finding.ruleID] = SARIFReportingDescriptor(
                id: finding.ruleID, name: Self.upperCamelCase(finding.slug),
                shortDescription: SARIFMessage(text: finding.slug),
                defaultConfiguration: SARIFReportingConfiguration(level: Self.level(finding.ruleID, finding.severity)),
                properties: Self.ruleProperties(finding.ruleID, finding.severity))
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    private func descriptor(_ rule: RuleDescription) -> SARIFReportingDescriptor {
        var text = rule.rationale + "\n\nRemediation: " + rule.remediation
        var markdown = rule.rationale + "\n\n**Remediation:** " + rule.remediation
        if !rule.references.isEmpty {
            text += "\n\nReferences:\n" + rule.references.map { "- " + $0.text }.joined(separator: "\n")
            markdown += "\n\n**References:**\n\n" + rule.references.map { reference in
                if case .url(let url) = reference { return "- <\(url)>" }
                return "- " + reference.text
            }.joined(separator: "\n")
        }
        let firstURL = rule.references.lazy.compactMap { reference -> String? in
            if case .url(let url) = reference { return url }
            return nil
        }.first
        return SARIFReportingDescriptor(
            id: rule.id, name: Self.upperCamelCase(rule.slug),
            shortDescription: SARIFMessage(text: rule.summary),
            fullDescription: SARIFMessage(text: rule.rationale),
            help: SARIFMultiformatMessage(text: text, markdown: markdown),
            helpUri: firstURL,
            defaultConfiguration: SARIFReportingConfiguration(level: Self.level(rule.id, rule.severity)),
            properties: Self.ruleProperties(rule.id, rule.severity))
    }

    static func level(_ ruleID: String, _ severity: Severity) -> SARIFLevel {
        isNotScanned(ruleID) ? .note : severity.sarifLevel
    }

    /// A file not scanned is no vulnerability: no `security` tag and no `security-severity`, so code
    /// scanning does not rank it among security alerts.
    private static func ruleProperties(_ ruleID: String, _ severity: Severity) -> SARIFRuleProperties {
        isNotScanned(ruleID)
            ? SARIFRuleProperties(tags: ["reliability"], securitySeverity: nil)
            : SARIFRuleProperties(tags: ["security"], securitySeverity: severity.securitySeverity)
    }

    /// Relative paths (and absolute ones inside the base) go through `%SRCROOT%`; anything else gets
    /// an absolute `file://` URI, since a relative reference must not climb out of its base.
    func artifactLocation(_ path: String, _ base: BaseURI) -> SARIFArtifactLocation {
        let segments = FileURI.segments(of: path)
        if path.hasPrefix("/") {
            if let inside = base.relative(segments) {
                return SARIFArtifactLocation(
                    uri: inside.map(FileURI.encoded).joined(separator: "/"), uriBaseId: Self.sourceRootID)
            }
            return SARIFArtifactLocation(uri: "file:///" + segments.map(FileURI.encoded).joined(separator: "/"))
        }
        if segments.first == ".." {
            return SARIFArtifactLocation(uri: base.resolving(segments))
        }
        return SARIFArtifactLocation(
            uri: segments.map(FileURI.encoded).joined(separator: "/"), uriBaseId: Self.sourceRootID)
    }

    /// `runtime-socket-mount` → `RuntimeSocketMount`.
    static func upperCamelCase(_ slug: String) -> String {
        slug.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}

extension Severity {
    /// critical and high fail a build; medium warns; low and info are notes.
    var sarifLevel: SARIFLevel {
        switch self {
        case .critical, .high: .error
        case .medium: .warning
        case .low, .info: .note
        }
    }

    /// GitHub's bands: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
    var securitySeverity: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }
}
