/// What a report says about the scan that made it, before its first finding: what a merge checks
/// to know that reports are parts of one sweep, and needs to write the sweep's report.
public struct ScanIdentity: Sendable, Hashable {
    /// The paths the scan was given, as given: they name the sweep's repositories (`SweepUnits`).
    public var paths: [String]
    /// Set for one part of a sweep (`--shard`); nil for a whole scan or a merge.
    public var shard: Shard?
    /// `ScanOptions.settingsFingerprint`: the parts of a sweep must agree on it.
    public var settings: String
    /// The severity that fails the run, as chosen (--fail-on, the configuration, low).
    public var failOn: Severity?
    /// A baseline with entries was given.
    public var comparedWithBaseline: Bool
    /// `--min-severity`: findings below it were counted but not listed.
    public var minSeverity: Severity?
    /// The format of the baseline compared with (`Baseline.formatVersion`), which decides the
    /// fingerprint its entries match: a merge re-counts the matches of the whole sweep with it.
    public var baselineFormat: String?

    public init(
        paths: [String] = [], shard: Shard? = nil, settings: String = "", failOn: Severity? = nil, comparedWithBaseline: Bool = false,
        minSeverity: Severity? = nil, baselineFormat: String? = nil
    ) {
        self.paths = paths
        self.shard = shard
        self.settings = settings
        self.failOn = failOn
        self.comparedWithBaseline = comparedWithBaseline
        self.minSeverity = minSeverity
        self.baselineFormat = baselineFormat
    }
}
