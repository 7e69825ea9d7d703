/// Findings recorded at one point in time, by fingerprint, so later scans fail only on new ones.
public struct Baseline: Hashable, Sendable, Codable {
    /// 2: paths and fingerprints are identity paths (relative to the git top level or the scanned
    /// folder); 1 recorded paths as spelled, and its entries still match a scan spelled alike.
    public static let formatVersion = "2"
    public var version: String
    public var entries: [BaselineEntry]

    public init(findings: [Finding]) {
        version = Self.formatVersion
        entries = findings.filter { $0.suppression == nil }.map(BaselineEntry.init).sorted()
    }

    /// Marks findings present in the baseline (as many times as recorded) and returns the entries
    /// that are no longer found.
    public func apply(to findings: inout [Finding]) -> [BaselineEntry] {
        var matcher = Matcher(self)
        for index in findings.indices { matcher.mark(&findings[index]) }
        return matcher.fixed()
    }

    /// What a finding is matched by against a baseline of `format`: format 1 fingerprinted the path
    /// as the scan spelled it.
    public static func key(of finding: Finding, format: String) -> String {
        format == "1" ? finding.reportedPathFingerprint : finding.fingerprint
    }

    /// The baseline applied one finding at a time, in report order, for a streamed scan.
    public struct Matcher: Sendable {
        private var remaining: [String: [BaselineEntry]] = [:]
        private let format: String

        public init(_ baseline: Baseline) {
            format = baseline.version
            for entry in baseline.entries { remaining[entry.fingerprint, default: []].append(entry) }
        }

        public mutating func mark(_ finding: inout Finding) {
            guard finding.suppression == nil else { return }
            let key = Baseline.key(of: finding, format: format)
            if var pending = remaining[key], !pending.isEmpty {
                pending.removeFirst()
                remaining[key] = pending
                finding.isBaselined = true
            }
        }

        /// The entries no finding matched: fixed since the baseline was recorded.
        public func fixed() -> [BaselineEntry] {
            remaining.values.flatMap { $0 }.sorted()
        }
    }
}

/// One recorded finding: the fingerprint that matches it, and what a person needs to recognise it.
public struct BaselineEntry: Hashable, Sendable, Codable, Comparable {
    public var fingerprint: String
    public var ruleId: String
    public var path: String
    public var subject: String
    public var evidence: String
    public var message: String

    public init(_ finding: Finding) {
        fingerprint = finding.fingerprint
        ruleId = finding.ruleID
        path = finding.identityPath ?? finding.location.path
        subject = finding.subject
        evidence = finding.evidence
        message = finding.message
    }

    public static func < (lhs: BaselineEntry, rhs: BaselineEntry) -> Bool {
        (lhs.path, lhs.ruleId, lhs.fingerprint, lhs.message) < (rhs.path, rhs.ruleId, rhs.fingerprint, rhs.message)
    }
}
