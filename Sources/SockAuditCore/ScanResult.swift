/// The outcome of a scan: findings in order, and what was looked at.
public struct ScanResult: Sendable {
    public var findings: [Finding]
    /// Files scanned, by input kind name (`k8s`, `compose`, ...).
    public var filesScanned: [String: Int]
    /// Files looked at and found not in scope.
    public var filesSkipped: Int
    /// The rules that ran, for reporters that list rule metadata.
    public var rules: [RuleDescription]

    public init(findings: [Finding], filesScanned: [String: Int], filesSkipped: Int, rules: [RuleDescription]) {
        self.findings = findings
        self.filesScanned = filesScanned
        self.filesSkipped = filesSkipped
        self.rules = rules
    }

    /// Symbolic links inside walked folders that were not followed (reported, never read).
    public var linksNotFollowed: [String] = []

    /// Kustomize patch files, which only partly describe a workload: never judged on their own.
    public var patchesNotJudged: [String] = []

    /// Helm charts rendered, by the engine that rendered them (`libhelm_c 0.2.2 (Helm v4.2.3)`).
    public var chartsRendered: [String: Int] = [:]

    /// Kustomize overlays built, by the engine that built them (`kubectl v1.37.2 (kustomize v5.7.1)`).
    public var overlaysBuilt: [String: Int] = [:]

    /// Baseline entries no longer found: fixed since the baseline was recorded.
    public var fixedSinceBaseline: [BaselineEntry] = []

    /// What scan made the result (paths, shard, settings, threshold), as its report states it.
    public var identity = ScanIdentity()

    /// Findings that count towards the exit code: not suppressed, not in the baseline.
    public var activeFindings: [Finding] { findings.filter(\.isActive) }

    public func count(_ severity: Severity) -> Int {
        activeFindings.filter { $0.severity == severity }.count
    }
}
