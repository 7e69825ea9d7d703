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

    /// A whole report, every finding held (for tests and small reports; a merge reads `Stream`).
    public static func read(_ data: Data) throws(Failure) -> Report {
        let stream = try Stream(ReportBytes([UInt8](data)))
        var findings: [Finding] = []
        while let finding = try stream.next() { findings.append(finding) }
        return Report(
            schemaVersion: stream.schemaVersion, tool: stream.tool, identity: stream.identity, findings: findings,
            summary: try stream.summary())
    }

    /// A report read a finding at a time: what comes before the findings (schema, tool, scan) is
    /// read when it is opened, the summary after the last finding. Memory follows one finding.
    public final class Stream {
        public let schemaVersion: String
        public let tool: ToolInfo
        public let identity: ScanIdentity
        private let bytes: ReportBytes
        /// Top-level members other than the findings, as written.
        private var members: [String: ArraySlice<UInt8>] = [:]
        private var index = 0
        private var ended = false

        /// Opens a report file.
        public convenience init(path: String) throws(Failure) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Failure(description: "cannot read: \(String(cString: strerror(errno)))") }
            try self.init(ReportBytes(descriptor: descriptor))
        }

        init(_ bytes: ReportBytes) throws(Failure) {
            self.bytes = bytes
            let notReport = Failure(description: "not a sockaudit JSON report (not valid JSON)")
            do {
                try bytes.expect(UInt8(ascii: "{"))
                if !bytes.skip(UInt8(ascii: "}")) {
                    while try Self.member(of: bytes, into: &members) {}
                }
            } catch {
                throw notReport
            }
            let decoder = JSONDecoder()
            let header: Header
            do {
                header = try decoder.decode(Header.self, from: Self.document(members, ["schemaVersion", "tool"]))
            } catch {
                throw Failure(description: "not a sockaudit JSON report (\(JSONReportReader.explain(error)))")
            }
            guard header.schemaVersion == JSONReporter.schemaVersion else {
                throw Failure(
                    description: "JSON report schema \(header.schemaVersion), written by sockaudit \(header.tool.version); "
                        + "this sockaudit reads schema \(JSONReporter.schemaVersion)")
            }
            schemaVersion = header.schemaVersion
            tool = ToolInfo(name: header.tool.name, version: header.tool.version, informationURI: header.tool.informationUri)
            do {
                identity = try decoder.decode(Head.self, from: Self.document(members, ["scan"])).scan.identity()
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(description: "malformed JSON report (\(JSONReportReader.explain(error)))")
            }
            guard members["findings"] != nil else { throw Failure(description: "malformed JSON report (no .findings)") }
        }

        /// Reads one top-level member; the findings are left to `next()` (their value is recorded
        /// as empty). Returns false after the last member.
        private static func member(of bytes: ReportBytes, into members: inout [String: ArraySlice<UInt8>]) throws -> Bool {
            guard case .string(let key) = try bytes.node() else { throw ReportBytes.Invalid() }
            try bytes.expect(UInt8(ascii: ":"))
            if key == "findings" && members[key] == nil {
                members[key] = []
                try bytes.expect(UInt8(ascii: "["))
                return false
            }
            members[key] = try bytes.value()
            if bytes.skip(UInt8(ascii: ",")) { return true }
            try bytes.expect(UInt8(ascii: "}"))
            return false
        }

        /// The named members as a JSON object, for a decoder.
        private static func document(_ members: [String: ArraySlice<UInt8>], _ keys: [String]) -> Data {
            var text: [UInt8] = Array("{".utf8)
            for key in keys {
                guard let value = members[key] else { continue }
                if text.count > 1 { text.append(UInt8(ascii: ",")) }
                text += Array("\"\(key)\":".utf8) + value
            }
            return Data(text + Array("}".utf8))
        }

        /// The next finding in the order the report lists them; nil after the last.
        public func next() throws(Failure) -> Finding? {
            guard !ended else { return nil }
            let at = ".findings[\(index)]"
            do {
                if bytes.skip(UInt8(ascii: "]")) {
                    ended = true
                    if bytes.skip(UInt8(ascii: ",")) {
                        while try Self.member(of: bytes, into: &members) {}
                    } else {
                        try bytes.expect(UInt8(ascii: "}"))
                    }
                    return nil
                }
                if index > 0 { try bytes.expect(UInt8(ascii: ",")) }
            } catch {
                throw Failure(description: "malformed JSON report (not valid JSON after \(at))")
            }
            let node: JSONNode
            do {
                node = try bytes.node()
            } catch {
                throw Failure(description: "malformed JSON report (not valid JSON at \(at))")
            }
            index += 1
            return try FindingFields(node, at: at).finding()
        }

        /// The summary, once every finding is read.
        public func summary() throws(Failure) -> ScanSummary {
            while try next() != nil {}
            do {
                return try JSONDecoder().decode(Tail.self, from: Self.document(members, ["summary"])).summary.value()
            } catch {
                throw Failure(description: "malformed JSON report (\(JSONReportReader.explain(error)))")
            }
        }
    }

    fileprivate static func explain(_ error: any Error) -> String {
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

    private struct Head: Decodable {
        var scan: Scan
    }

    private struct Tail: Decodable {
        var summary: Summary
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

    /// One finding's fields, read from its parsed value: each field checked for its kind, and a
    /// missing or mistyped one named by its place in the report.
    private struct FindingFields {
        let members: [String: JSONNode]
        let at: String

        init(_ node: JSONNode, at: String) throws(Failure) {
            guard case .object(let members) = node else { throw Failure(description: "malformed JSON report (unexpected value at \(at))") }
            self.members = members
            self.at = at
        }

        /// The field read by `read` (nil when it is of another kind); an `optional` one may be absent.
        private func field<T>(_ key: String, optional: Bool = false, _ read: (JSONNode) -> T?) throws(Failure) -> T? {
            guard let node = members[key] else {
                if optional { return nil }
                throw Failure(description: "malformed JSON report (no \(at).\(key))")
            }
            guard let value = read(node) else { throw Failure(description: "malformed JSON report (unexpected value at \(at).\(key))") }
            return value
        }

        private func field<T>(_ key: String, _ read: (JSONNode) -> T?) throws(Failure) -> T {
            guard let node = members[key] else { throw Failure(description: "malformed JSON report (no \(at).\(key))") }
            guard let value = read(node) else { throw Failure(description: "malformed JSON report (unexpected value at \(at).\(key))") }
            return value
        }

        private func string(_ key: String) throws(Failure) -> String {
            try field(key) { if case .string(let text) = $0 { text } else { nil } }
        }

        private func integer(_ key: String) throws(Failure) -> Int {
            try field(key) { if case .integer(let value?) = $0 { value } else { nil } }
        }

        private func object(_ key: String) throws(Failure) -> FindingFields? {
            let node = try field(key) { node -> JSONNode? in
                switch node {
                case .object, .null: node
                default: nil
                }
            }
            if case .null = node { return nil }
            return try FindingFields(node, at: at + "." + key)
        }

        func finding() throws(Failure) -> Finding {
            let ruleID = try string("ruleId")
            guard let location = try object("location") else {
                throw Failure(description: "malformed JSON report (unexpected value at \(at).location)")
            }
            let path = try location.string("path")
            let line = try location.integer("line")
            let identityPath = try string("identityPath")
            let fingerprint = try string("fingerprint")
            var finding = Finding(
                ruleID: ruleID, slug: try string("slug"), severity: try JSONReportReader.severity(try string("severity")),
                message: try string("message"), location: SourceLocation(path: path, line: line, column: try location.integer("column")),
                subject: try string("subject"), evidence: try string("evidence"),
                written: try field("written", optional: true) { node -> String?? in
                    switch node {
                    case .string(let text): text
                    case .null: .some(nil)
                    default: nil
                    }
                } ?? nil,
                suppression: try object("suppression").map { entry throws(Failure) in
                    let kind = try entry.string("kind")
                    guard let value = Suppression.Kind(rawValue: kind) else {
                        throw Failure(description: "malformed JSON report (suppression kind \"\(kind)\")")
                    }
                    return Suppression(reason: try entry.string("reason"), source: try entry.string("source"), kind: value)
                },
                isBaselined: try field("baselined") { if case .bool(let value) = $0 { value } else { nil } })
            if identityPath != path { finding.identityPath = identityPath }
            // The fingerprint is recomputed when the merged report is written: it must come out the same.
            guard finding.fingerprint == fingerprint else {
                throw Failure(
                    description: "malformed JSON report (the fingerprint of \(ruleID) at \(path):\(line) "
                        + "does not match its rule, identity path, subject and evidence)")
            }
            return finding
        }
    }

    fileprivate static func severity(_ name: String) throws(Failure) -> Severity {
        guard let severity = Severity(rawValue: name) else {
            throw Failure(description: "malformed JSON report (severity \"\(name)\")")
        }
        return severity
    }
}
