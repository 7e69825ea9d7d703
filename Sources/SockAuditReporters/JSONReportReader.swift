import Foundation
import SockAuditCore

/// Reads back what `JSONReporter` writes, so the parts of a sweep can be merged into one report:
/// every finding with its state, the file counts, the links not followed, the shard and the tool.
public enum JSONReportReader {
    /// A report as read: the tool that wrote it and the result it describes (without rule metadata,
    /// which the merging sockaudit supplies: it must be the same version).
    public struct Report: Sendable {
        public var schemaVersion: String
        public var tool: ToolInfo
        public var identity: ScanIdentity
        /// In the order the report lists them.
        public var findings: [Finding]
        /// Without the tally, which a reader recounts from the findings.
        public var summary: ScanSummary
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ data: Data) throws(Failure) -> Report {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw Failure(description: "not a sockaudit JSON report (\(Self.explain(error)))")
        }
        guard header.schemaVersion == JSONReporter.schemaVersion else {
            throw Failure(
                description: "JSON report schema \(header.schemaVersion), written by sockaudit \(header.tool.version); "
                    + "this sockaudit reads schema \(JSONReporter.schemaVersion)")
        }
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch {
            throw Failure(description: "malformed JSON report (\(Self.explain(error)))")
        }
        return Report(
            schemaVersion: header.schemaVersion,
            tool: ToolInfo(name: header.tool.name, version: header.tool.version, informationURI: header.tool.informationUri),
            identity: try document.scan.identity(),
            findings: try document.findings.map { entry throws(Failure) in try entry.finding() },
            summary: document.summary.value())
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "no \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context.codingPath))"
        default: "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }

    private struct Header: Decodable {
        var schemaVersion: String
        var tool: Tool
    }

    private struct Tool: Decodable {
        var name: String
        var version: String
        var informationUri: String
    }

    private struct Document: Decodable {
        var scan: Scan
        var summary: Summary
        var findings: [FindingEntry]

    }

    private struct Scan: Decodable {
        var paths: [String]
        var shard: ShardEntry?
        var settings: String
        var failOn: String?
        var comparedWithBaseline: Bool
        var minSeverity: String?
        var baselineFormat: String?

        func identity() throws(Failure) -> ScanIdentity {
            var identity = ScanIdentity(paths: paths, settings: settings, comparedWithBaseline: comparedWithBaseline)
            if let shard {
                guard let value = Shard(index: shard.index, count: shard.count) else {
                    throw Failure(description: "malformed JSON report (shard \(shard.index)/\(shard.count))")
                }
                identity.shard = value
            }
            identity.failOn = try failOn.map { name throws(Failure) in try JSONReportReader.severity(name) }
            identity.minSeverity = try minSeverity.map { name throws(Failure) in try JSONReportReader.severity(name) }
            identity.baselineFormat = baselineFormat
            return identity
        }
    }

    private struct ShardEntry: Decodable {
        var index: Int
        var count: Int
    }

    private struct Summary: Decodable {
        var filesScanned: [String: Int]
        var filesSkipped: Int
        var fixedSinceBaseline: [BaselineEntry]
        var linksNotFollowed: [String]
        var findingsAfterFiles: AfterFiles
        var chartsRendered: [String: Int]
        var overlaysBuilt: [String: Int]
        var patchesNotJudged: [String]

        func value() -> ScanSummary {
            var summary = ScanSummary(
                tally: FindingTally(), filesScanned: filesScanned, filesSkipped: filesSkipped, linksNotFollowed: linksNotFollowed,
                fixedSinceBaseline: fixedSinceBaseline)
            summary.chartsRendered = chartsRendered
            summary.overlaysBuilt = overlaysBuilt
            summary.patchesNotJudged = patchesNotJudged
            summary.carriedFindings = findingsAfterFiles.carried
            summary.staleConfigurationFindings = findingsAfterFiles.staleConfiguration
            return summary
        }
    }

    private struct AfterFiles: Decodable {
        var carried: Int
        var staleConfiguration: Int
    }

    private struct FindingEntry: Decodable {
        var ruleId: String
        var slug: String
        var severity: String
        var message: String
        var location: Location
        var subject: String
        var evidence: String
        var fingerprint: String
        var identityPath: String
        var suppression: SuppressionEntry?
        var baselined: Bool
        var written: String?

        func finding() throws(Failure) -> Finding {
            var finding = Finding(
                ruleID: ruleId, slug: slug, severity: try JSONReportReader.severity(self.severity), message: message,
                location: SourceLocation(path: location.path, line: location.line, column: location.column),
                subject: subject, evidence: evidence, written: written,
                suppression: try suppression.map { entry throws(Failure) in
                    guard let kind = Suppression.Kind(rawValue: entry.kind) else {
                        throw Failure(description: "malformed JSON report (suppression kind \"\(entry.kind)\")")
                    }
                    return Suppression(reason: entry.reason, source: entry.source, kind: kind)
                },
                isBaselined: baselined)
            if identityPath != location.path { finding.identityPath = identityPath }
            // The fingerprint is recomputed when the merged report is written: it must come out the same.
            guard finding.fingerprint == fingerprint else {
                throw Failure(
                    description: "malformed JSON report (the fingerprint of \(ruleId) at \(location.path):\(location.line) "
                        + "does not match its rule, identity path, subject and evidence)")
            }
            return finding
        }
    }

    private struct Location: Decodable {
        var path: String
        var line: Int
        var column: Int
    }

    private struct SuppressionEntry: Decodable {
        var reason: String
        var source: String
        var kind: String
    }

    fileprivate static func severity(_ name: String) throws(Failure) -> Severity {
        guard let severity = Severity(rawValue: name) else {
            throw Failure(description: "malformed JSON report (severity \"\(name)\")")
        }
        return severity
    }
}
