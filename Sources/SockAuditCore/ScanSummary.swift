/// Counts of a scan's findings, kept as they stream past so nothing needs to hold the findings.
public struct FindingTally: Sendable, Hashable {
    /// The rule of "a file in scope was not scanned": it never counts towards `--fail-on`.
    public static let unscannableRuleID = "SA901"

    public private(set) var total = 0
    public private(set) var suppressed = 0
    /// In the baseline and not suppressed.
    public private(set) var baselined = 0
    /// Active findings (neither suppressed nor baselined) by severity.
    public private(set) var active: [Severity: Int] = [:]
    /// Active SA901 findings: the scan is incomplete.
    public private(set) var activeUnscannable = 0
    /// The most severe active finding other than SA901.
    public private(set) var worstActive: Severity?

    public init() {}

    public init(_ findings: [Finding]) {
        for finding in findings { add(finding) }
    }

    public mutating func add(_ finding: Finding) {
        total += 1
        if finding.suppression != nil {
            suppressed += 1
        } else if finding.isBaselined {
            baselined += 1
        } else {
            active[finding.severity, default: 0] += 1
            if finding.ruleID == Self.unscannableRuleID {
                activeUnscannable += 1
            } else if worstActive.map({ finding.severity > $0 }) ?? true {
                worstActive = finding.severity
            }
        }
    }

    public var activeCount: Int { active.values.reduce(0, +) }

    public func active(_ severity: Severity) -> Int { active[severity] ?? 0 }
}

/// What a scan looked at and found, without the findings themselves: what a streamed report writes
/// at its end, the summary line and the exit code read.
public struct ScanSummary: Sendable {
    public var tally: FindingTally
    /// Files scanned, by input kind name (`k8s`, `compose`, ...).
    public var filesScanned: [String: Int]
    /// Files looked at and found not in scope.
    public var filesSkipped: Int
    /// Symbolic links inside walked folders that were not followed (reported, never read).
    public var linksNotFollowed: [String]
    /// Baseline entries no longer found: fixed since the baseline was recorded.
    public var fixedSinceBaseline: [BaselineEntry]
    /// Helm charts rendered, by the engine that rendered them.
    public var chartsRendered: [String: Int] = [:]
    /// Kustomize overlays built, by the engine that built them.
    public var overlaysBuilt: [String: Int] = [:]
    /// Kustomize patch files, never judged on their own.
    public var patchesNotJudged: [String] = []
    /// Set for one part of a sweep (`--shard`).
    public var shard: Shard?
    /// How many of the last findings came after the files' own, in a streamed scan: first those of
    /// files carried inside a host snapshot, then `.sockaudit.yml` suppressions that expired or
    /// matched nothing. A merge puts them back in the same place.
    public var carriedFindings = 0
    public var staleConfigurationFindings = 0

    public init(
        tally: FindingTally, filesScanned: [String: Int], filesSkipped: Int, linksNotFollowed: [String] = [],
        fixedSinceBaseline: [BaselineEntry] = []
    ) {
        self.tally = tally
        self.filesScanned = filesScanned
        self.filesSkipped = filesSkipped
        self.linksNotFollowed = linksNotFollowed
        self.fixedSinceBaseline = fixedSinceBaseline
    }
}

extension ScanResult {
    /// The result's counts and file figures.
    public var summary: ScanSummary {
        var summary = ScanSummary(
            tally: FindingTally(findings), filesScanned: filesScanned, filesSkipped: filesSkipped,
            linksNotFollowed: linksNotFollowed, fixedSinceBaseline: fixedSinceBaseline)
        summary.chartsRendered = chartsRendered
        summary.overlaysBuilt = overlaysBuilt
        summary.patchesNotJudged = patchesNotJudged
        return summary
    }
}
