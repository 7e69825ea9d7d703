import Foundation
import SockAuditCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
public struct SARIFReporter: Reporter {
    /// The base ID relative artifact URIs are resolved through.
    public static let sourceRootID = "%SRCROOT%"
    /// The `partialFingerprints` key; its value is `Finding.fingerprint`, which does not move with lines.
    public static let fingerprintKey = "sockaudit/v1"

    /// The `file://` URI of the directory finding paths are relative to; a missing final `/` is added.
    public var baseURI: String
    public var tool: ToolInfo

    public init(baseURI: String, tool: ToolInfo = .sockaudit) {
        self.baseURI = baseURI
        self.tool = tool
    }

    public func render(_ result: ScanResult) -> String {
        let base = BaseURI(baseURI)
        let findings = result.reportOrder
        let rules = descriptors(result.rules, findings)
        let compared = result.wasComparedWithBaseline
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let run = self.run(rules: rules, base: base, results: findings.map { finding in
                SARIFResult(
                    ruleId: finding.ruleID,
                    ruleIndex: ruleIndex[finding.ruleID] ?? 0,
                    level: finding.severity.sarifLevel,
                    message: SARIFMessage(text: finding.message),
                    locations: [SARIFLocation(physicalLocation: SARIFPhysicalLocation(
                        artifactLocation: artifactLocation(finding.location.path, base),
                        // SARIF rejects 0; a finding without a real position still lands on the file.
                        region: SARIFRegion(
                            startLine: max(1, finding.location.line), startColumn: max(1, finding.location.column))))],
                    partialFingerprints: [Self.fingerprintKey: finding.fingerprint],
                    suppressions: finding.suppression.map {
                        [SARIFSuppression(kind: $0.kind.rawValue, justification: $0.reason)]
                    },
                    baselineState: compared ? (finding.isBaselined ? .unchanged : .new) : nil)
            })

        return Self.encoded(SARIFLog(runs: [run]))
    }

    func run(rules: [SARIFReportingDescriptor], base: BaseURI, results: [SARIFResult]) -> SARIFRun {
        SARIFRun(
            tool: SARIFTool(driver: SARIFToolComponent(
                name: tool.name, version: tool.version, semanticVersion: tool.version,
                informationUri: tool.informationURI, rules: rules)),
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
                defaultConfiguration: SARIFReportingConfiguration(level: finding.severity.sarifLevel),
                properties: SARIFRuleProperties(tags: ["security"], securitySeverity: finding.severity.securitySeverity))
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
            defaultConfiguration: SARIFReportingConfiguration(level: rule.severity.sarifLevel),
            properties: SARIFRuleProperties(tags: ["security"], securitySeverity: rule.severity.securitySeverity))
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
