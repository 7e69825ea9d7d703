/// One reported problem. `subject` names the resource (container, service, daemon) and `evidence`
/// the offending value; together with rule and path they fingerprint the finding independently of
/// its line, so baselines survive lines moving.
public struct Finding: Hashable, Sendable, Codable {
    public var ruleID: String
    public var slug: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var subject: String
    public var evidence: String
    /// The value or setting the finding is about as the file writes it (`/var/run/docker.sock`
    /// where `evidence` holds `/run/docker.sock`, `cap_add: [CAP_SYS_ADMIN]`, `--privileged`); nil
    /// when the finding is not about one written value (a missing setting, a whole file).
    public var written: String?
    /// Set by policy when a justified suppression covers the finding; the finding stays in the result.
    public var suppression: Suppression?
    /// Set when the finding was already recorded in the baseline the scan was compared with.
    public var isBaselined: Bool = false
    /// The path the finding is known by across runs (relative to the git top level or the scanned
    /// folder, however the scan spelled it); nil when the reported path is that already.
    public var identityPath: String?

    public init(
        ruleID: String, slug: String, severity: Severity, message: String, location: SourceLocation,
        subject: String = "", evidence: String = "", written: String? = nil, suppression: Suppression? = nil,
        isBaselined: Bool = false
    ) {
        self.ruleID = ruleID
        self.slug = slug
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.evidence = evidence
        self.written = written
        self.suppression = suppression
        self.isBaselined = isBaselined
    }

    /// Counts towards the exit code: neither suppressed nor in the baseline.
    public var isActive: Bool { suppression == nil && !isBaselined }

    /// Deterministic output order: path, line, column, rule ID, then message.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }

    /// A stable fingerprint: rule, identity path, subject and evidence, never the line.
    public var fingerprint: String {
        StableHash.hex([ruleID, identityPath ?? location.path, subject, evidence].joined(separator: "\u{1F}"))
    }

    /// The fingerprint over the path as reported, which baselines of format 1 recorded.
    public var reportedPathFingerprint: String {
        StableHash.hex([ruleID, location.path, subject, evidence].joined(separator: "\u{1F}"))
    }
}

/// Why a finding is accepted, and by what.
public struct Suppression: Hashable, Sendable, Codable {
    /// Where the suppression lives relative to the file it covers (SARIF's suppression kinds).
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A comment in the file itself.
        case inSource
        /// Outside the file: `.sockaudit.yml`, or a JSON file's `.sockaudit-ignore` sidecar.
        case external
    }

    public var reason: String
    /// Where the suppression was written (`file:line`, or `.sockaudit.yml:12`).
    public var source: String
    public var kind: Kind

    public init(reason: String, source: String, kind: Kind = .inSource) {
        self.reason = reason
        self.source = source
        self.kind = kind
    }

    /// Values encoded before `kind` existed decode as in-source, so the field stays additive.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reason = try container.decode(String.self, forKey: .reason)
        source = try container.decode(String.self, forKey: .source)
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .inSource
    }
}
