/// What a `.sockaudit.yml` says, as a value. Parsing and validation live with the scanner; this is
/// what the policy step applies.
public struct Configuration: Hashable, Sendable {
    /// Rule IDs (canonical, `SA303`) that do not run.
    public var disabledRules: Set<String> = []
    /// Severity overrides by rule ID.
    public var severities: [String: Severity] = [:]
    /// Path globs excluded from the scan, as `--exclude`.
    public var excludes: [String] = []
    public var suppressions: [PathSuppression] = []
    /// `fail-on` from the file; the command line wins.
    public var failOn: Severity?
    /// Where the configuration was read from, for messages.
    public var source: String?

    public init() {}
}

/// A suppression by path glob and rules, with a reason and an optional expiry date.
public struct PathSuppression: Hashable, Sendable {
    public var paths: [String]
    /// Canonical rule IDs; empty means every rule.
    public var rules: [String]
    public var reason: String
    /// `YYYY-MM-DD`; from that day on it no longer suppresses.
    public var expires: String?
    /// Where it is written (`.sockaudit.yml:12:5`).
    public var location: SourceLocation

    public init(paths: [String], rules: [String], reason: String, expires: String?, location: SourceLocation) {
        self.paths = paths
        self.rules = rules
        self.reason = reason
        self.expires = expires
        self.location = location
    }
}
