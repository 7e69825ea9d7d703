import SockAuditCore
import SockAuditRules

/// What a scan is asked to do; passed by value.
public struct ScanOptions: Sendable {
    public var excludes: [String]
    /// Files larger than this are SA901, never read.
    public var maxFileSize: Int
    public var rules: [any Rule]
    /// Compose `--env-file` values: files whose variables interpolate Compose files.
    public var envFiles: [String]
    /// `.sockaudit.yml`: disabled rules, severities, excludes, suppressions.
    public var configuration: Configuration
    /// Today as `YYYY-MM-DD`, for suppression expiry; empty means nothing expires.
    public var today: String
    /// `false` with `--no-suppress`.
    public var honoursSuppressions: Bool
    /// Findings recorded earlier: marked, not failing; the ones gone are reported as fixed.
    public var baseline: Baseline?

    public init(
        excludes: [String] = [], maxFileSize: Int = 10 * 1024 * 1024, envFiles: [String] = [], rules: [any Rule],
        configuration: Configuration = Configuration(), today: String = "", honoursSuppressions: Bool = true,
        baseline: Baseline? = nil
    ) {
        self.excludes = excludes
        self.maxFileSize = maxFileSize
        self.envFiles = envFiles
        self.rules = rules
        self.configuration = configuration
        self.today = today
        self.honoursSuppressions = honoursSuppressions
        self.baseline = baseline
    }

    /// The rules that run: all given, less the ones the configuration disables.
    var activeRules: [any Rule] {
        rules.filter { !configuration.disabledRules.contains($0.description.id) }
    }
}

/// Errors of the run itself (the CLI exits 2 on them), as opposed to problems in scanned files.
public enum ScanError: Error, Equatable, CustomStringConvertible {
    case pathNotFound(String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "\(path): no such file or directory"
        }
    }
}

/// Paths -> discovery -> per-file facts -> rules -> result.
public struct Scanner: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions) {
        self.options = options
    }

    /// Scans the targets; `-` reads `standardInput` (called at most once).
    public func scan(_ targets: [String], standardInput: () -> [UInt8] = { [] }) throws(ScanError) -> ScanResult {
        var facts = Facts()
        var scanned: [String: Int] = [:]
        var skipped = 0
        let fileScanner = FileScanner(context: .fileSystem(maxFileSize: options.maxFileSize, envFiles: options.envFiles))

        func record(_ outcome: FileOutcome) {
            guard let kind = outcome.kind else {
                skipped += 1
                return
            }
            scanned[kind, default: 0] += 1
            facts.merge(outcome.facts)
        }

        let paths = targets.filter { $0 != "-" }
        if targets.contains("-") {
            let file = SourceFile(path: "-", bytes: standardInput())
            record(fileScanner.scan(file, isStandardInput: true))
        }
        let discovered: DiscoveredFiles
        do {
            discovered = try Discovery(excludes: options.excludes + options.configuration.excludes).walk(paths)
        } catch {
            switch error {
            case .notFound(let path): throw .pathNotFound(path)
            }
        }
        skipped += discovered.notRead
        for chart in discovered.helmCharts {
            record(HelmChartNotice.outcome(chartFile: chart))
        }
        for path in discovered.files {
            let display = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            switch FileReader.read(path, limit: options.maxFileSize) {
            case .success(let bytes):
                record(fileScanner.scan(SourceFile(path: display, bytes: bytes)))
            case .failure(let failure):
                record(FileOutcome.unreadable(display, failure, limit: options.maxFileSize))
            }
        }
        let named = Set(discovered.files.filter(paths.contains).map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 })
        facts.daemons = DaemonMerge.merge(facts.daemons, passedTogether: named.count > 1 ? named : [])
        return finish(facts, scanned: scanned, skipped: skipped)
    }

    /// Rules, then policy (configuration and suppressions), then the baseline.
    func finish(_ facts: Facts, scanned: [String: Int], skipped: Int) -> ScanResult {
        let descriptions = options.rules.map { $0.description }
        let policy = Policy(
            configuration: options.configuration, today: options.today, honoursSuppressions: options.honoursSuppressions,
            rules: descriptions, staleSuppression: StaleSuppressionRule.description)
        var findings = policy.apply(Engine(rules: options.activeRules).run(facts), directives: facts.directives)
        let fixed = options.baseline?.apply(to: &findings) ?? []
        var result = ScanResult(findings: findings, filesScanned: scanned, filesSkipped: skipped, rules: descriptions)
        result.fixedSinceBaseline = fixed
        return result
    }
}

extension Scanner {
    /// Scans files already in memory (rule examples, tests, editors): same pipeline, no file system.
    public func scan(sources: [SourceFile]) -> ScanResult {
        let files = Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let fileScanner = FileScanner(context: .inMemory(files))
        var facts = Facts()
        var scanned: [String: Int] = [:]
        var skipped = 0
        for source in sources {
            let outcome = fileScanner.scan(source)
            if let kind = outcome.kind {
                scanned[kind, default: 0] += 1
                facts.merge(outcome.facts)
            } else {
                skipped += 1
            }
        }
        facts.daemons = DaemonMerge.merge(facts.daemons, passedTogether: Set(sources.map(\.path)))
        return finish(facts, scanned: scanned, skipped: skipped)
    }
}

extension FileOutcome {
    /// A file that could not be read at all is SA901 at its first line, never dropped.
    static func unreadable(_ path: String, _ failure: FileReader.Failure, limit: Int) -> FileOutcome {
        let reason: String
        switch failure {
        case .unreadable(let why): reason = "could not be read: \(why)"
        case .tooLarge(let size): reason = "is \(size) bytes, over the \(limit)-byte limit (--max-file-size)"
        }
        let location = SourceLocation(path: path, line: 1, column: 1)
        return FileOutcome(kind: "unreadable", facts: Facts(unscannable: [UnscannableFile(location: location, reason: reason)]))
    }
}
