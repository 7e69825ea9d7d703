import SockAuditCore

/// The machine-readable report described in `docs/json-output.md`.
public struct JSONReporter: Reporter {
    /// Bumped in the minor part for additive changes, in the major part for anything else (2.0: the
    /// summary moved after the findings, so a report can be written while the scan runs).
    /// 2.1: the scan's identity, suppression kinds, links not followed, what a merge needs.
    public static let schemaVersion = "2.2"

    public var tool: ToolInfo

    public init(tool: ToolInfo = .sockaudit) {
        self.tool = tool
    }

    public func render(_ result: ScanResult) -> String {
        JSONValue.ordered([
            "schemaVersion": .string(Self.schemaVersion),
            "tool": .ordered([
                "name": .string(tool.name),
                "version": .string(tool.version),
                "informationUri": .string(tool.informationURI),
            ]),
            "scan": scan(result.identity),
            "findings": .array(result.reportOrder.map(finding)),
            "summary": summary(result.summary),
        ]).rendered()
    }

    /// What a merge needs to check that reports belong to one sweep, and to write its report.
    func scan(_ identity: ScanIdentity) -> JSONValue {
        .ordered([
            "paths": .array(identity.paths.map(JSONValue.string)),
            "shard": identity.shard.map { .ordered(["index": .int($0.index), "count": .int($0.count)]) } ?? .null,
            "settings": .string(identity.settings),
            "failOn": identity.failOn.map { .string($0.rawValue) } ?? .null,
            "comparedWithBaseline": .bool(identity.comparedWithBaseline),
            "minSeverity": identity.minSeverity.map { .string($0.rawValue) } ?? .null,
            "baselineFormat": identity.baselineFormat.map(JSONValue.string) ?? .null,
        ])
    }

    func summary(_ result: ScanSummary) -> JSONValue {
        .ordered([
            "findings": .int(result.tally.activeCount),
            "suppressed": .int(result.tally.suppressed),
            "baselined": .int(result.tally.baselined),
            "bySeverity": .object(Severity.allCases.reversed().map { .init($0.rawValue, .int(result.tally.active($0))) }),
            "filesScanned": .object(result.filesScanned.sorted { $0.key < $1.key }.map { .init($0.key, .int($0.value)) }),
            "filesSkipped": .int(result.filesSkipped),
            "fixedSinceBaseline": .array(result.fixedSinceBaseline.map { entry in
                .ordered([
                    "ruleId": .string(entry.ruleId), "path": .string(entry.path), "subject": .string(entry.subject),
                    "evidence": .string(entry.evidence), "fingerprint": .string(entry.fingerprint),
                    "message": .string(entry.message),
                ])
            }),
            "linksNotFollowed": .array(result.linksNotFollowed.sorted().map(JSONValue.string)),
            "patchesNotJudged": .array(result.patchesNotJudged.map(JSONValue.string)),
            "chartsRendered": .object(result.chartsRendered.sorted { $0.key < $1.key }.map { .init($0.key, .int($0.value)) }),
            "overlaysBuilt": .object(result.overlaysBuilt.sorted { $0.key < $1.key }.map { .init($0.key, .int($0.value)) }),
            "findingsAfterFiles": .ordered([
                "carried": .int(result.carriedFindings), "staleConfiguration": .int(result.staleConfigurationFindings),
            ]),
        ])
    }

    func finding(_ finding: Finding) -> JSONValue {
        .ordered([
            "ruleId": .string(finding.ruleID),
            "slug": .string(finding.slug),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "location": .ordered([
                "path": .string(finding.location.path),
                "line": .int(finding.location.line),
                "column": .int(finding.location.column),
            ]),
            "subject": .string(finding.subject),
            "evidence": .string(finding.evidence),
            "fingerprint": .string(finding.fingerprint),
            "identityPath": .string(finding.identityPath ?? finding.location.path),
            "suppression": finding.suppression.map {
                .ordered(["reason": .string($0.reason), "source": .string($0.source), "kind": .string($0.kind.rawValue)])
            } ?? .null,
            "baselined": .bool(finding.isBaselined),
            "written": finding.written.map(JSONValue.string) ?? .null,
        ])
    }
}
