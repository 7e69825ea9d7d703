// The subset of SARIF 2.1.0 sockaudit writes. Property names follow the specification
// (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html); optional ones left nil are omitted.

struct SARIFLog: Codable, Hashable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [SARIFRun]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }
}

struct SARIFRun: Codable, Hashable {
    var tool: SARIFTool
    /// One invocation: whether the run completed, and what it could not do (files not scanned,
    /// results left out by --max-results) as `toolExecutionNotifications`.
    var invocations: [SARIFInvocation]
    var originalUriBaseIds: [String: SARIFArtifactLocation]
    /// Our columns count Unicode scalars; the SARIF default is UTF-16 code units.
    var columnKind = "unicodeCodePoints"
    var results: [SARIFResult]
}

struct SARIFTool: Codable, Hashable {
    var driver: SARIFToolComponent
}

struct SARIFToolComponent: Codable, Hashable {
    var name: String
    var version: String
    var semanticVersion: String
    var informationUri: String
    var rules: [SARIFReportingDescriptor]
}

struct SARIFReportingDescriptor: Codable, Hashable {
    var id: String
    var name: String
    var shortDescription: SARIFMessage
    var fullDescription: SARIFMessage?
    var help: SARIFMultiformatMessage?
    var helpUri: String?
    var defaultConfiguration: SARIFReportingConfiguration
    var properties: SARIFRuleProperties
}

struct SARIFMultiformatMessage: Codable, Hashable {
    var text: String
    var markdown: String?
}

struct SARIFReportingConfiguration: Codable, Hashable {
    var level: SARIFLevel
}

struct SARIFRuleProperties: Codable, Hashable {
    var tags: [String]
    /// GitHub code scanning reads this (a number in a string, 0.0 to 10.0) to rank security alerts;
    /// nil for a rule that reports no vulnerability (SA901: a file not scanned).
    var securitySeverity: String?

    enum CodingKeys: String, CodingKey {
        case tags
        case securitySeverity = "security-severity"
    }
}

enum SARIFLevel: String, Codable, Hashable {
    case note, warning, error
}

struct SARIFResult: Codable, Hashable {
    var ruleId: String
    var ruleIndex: Int
    var level: SARIFLevel
    var message: SARIFMessage
    var locations: [SARIFLocation]
    var partialFingerprints: [String: String]
    var suppressions: [SARIFSuppression]?
    /// Only in a run compared with a baseline; absent, it claims nothing about one.
    var baselineState: SARIFBaselineState?
    /// This finding's own severity (after configuration overrides; a rule may report findings of
    /// different severities); absent for SA901.
    var properties: SARIFResultProperties?
}

struct SARIFResultProperties: Codable, Hashable {
    var securitySeverity: String
    /// The value or setting as the file writes it (the JSON report's `written`), when known.
    var written: String?

    enum CodingKeys: String, CodingKey {
        case securitySeverity = "security-severity"
        case written
    }
}

struct SARIFInvocation: Codable, Hashable {
    /// The tool ran to the end; what it could not scan is in the notifications, not here.
    var executionSuccessful: Bool
    var toolExecutionNotifications: [SARIFNotification]?
}

/// SARIF 2.1.0 §3.58. A notification of level `error` tells a consumer that the results may be
/// incomplete (the specification's appendix on detecting incomplete result sets).
struct SARIFNotification: Codable, Hashable {
    var level: SARIFLevel
    var message: SARIFMessage
    var locations: [SARIFLocation]?
    var associatedRule: SARIFReportingDescriptorReference?
}

struct SARIFReportingDescriptorReference: Codable, Hashable {
    var id: String
    var index: Int?
}

/// The states sockaudit can tell apart: baseline entries match by fingerprint, so `updated` never
/// arises, and fixed entries have no location to put an `absent` result at.
enum SARIFBaselineState: String, Codable, Hashable {
    case new, unchanged
}

struct SARIFMessage: Codable, Hashable {
    var text: String
}

struct SARIFLocation: Codable, Hashable {
    var physicalLocation: SARIFPhysicalLocation
}

struct SARIFPhysicalLocation: Codable, Hashable {
    var artifactLocation: SARIFArtifactLocation
    var region: SARIFRegion
}

struct SARIFArtifactLocation: Codable, Hashable {
    var uri: String
    var uriBaseId: String?
}

struct SARIFRegion: Codable, Hashable {
    var startLine: Int
    var startColumn: Int
}

struct SARIFSuppression: Codable, Hashable {
    /// `inSource` or `external`.
    var kind: String
    var justification: String
}
