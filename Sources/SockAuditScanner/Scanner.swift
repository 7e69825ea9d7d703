import Foundation
import SockAuditCore
import SockAuditParsers
import SockAuditRules

/// What a scan is asked to do; passed by value.
public struct ScanOptions: Sendable {
    public var excludes: [String]
    /// Files larger than this are SA901, never read.
    public var maxFileSize: Int
    public var rules: [any Rule]
    /// The inputs a file is offered to (`InputRegistry.builtIn`; a test or an embedder may add its own).
    public var inputs: [any InputAdapter] = InputRegistry.builtIn
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
    /// Files scanned at once; the output does not depend on it.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Told about every file done, for a progress line.
    public var progress: ScanProgress?
    /// `--follow-symlinks`: follow links inside a walked folder that resolve inside the scan root.
    public var followSymlinks = false
    /// Called with each path just before it is read (tests change the file under the scanner).
    public var beforeRead: (@Sendable (String) -> Void)?
    /// How Helm charts are rendered.
    public var helm = HelmSettings()
    /// `--stdin-filename`: the path standard input's findings are reported under, and the name it
    /// is classified by; nil reports them under `-`.
    public var standardInputName: String?
    /// How Kustomize overlays are built.
    public var kustomize = KustomizeSettings()
    /// `--shard I/N`: scan only the repositories this part of a sweep owns.
    public var shard: Shard?

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

    /// The rules as reports describe them: at the severity this configuration gives each (SARIF
    /// scores alerts by the rule).
    public var reportedRules: [RuleDescription] {
        rules.map { rule in
            var description = rule.description
            description.severity = configuration.severities[description.id] ?? description.severity
            return description
        }
    }

    /// The rules that run: all given, less the ones the configuration disables.
    var activeRules: [any Rule] {
        rules.filter { !configuration.disabledRules.contains($0.description.id) }
    }
}

/// Errors of the run itself (the CLI exits 2 on them), as opposed to problems in scanned files.
public enum ScanError: Error, Equatable, CustomStringConvertible {
    case pathNotFound(String)
    case invalidPath(String)
    /// `--helm-engine` (or `SOCKAUDIT_HELM_ENGINE`) names something that is not a Helm engine.
    case helmEngine(String)
    /// `--kustomize-engine` (or `SOCKAUDIT_KUSTOMIZE_ENGINE`) names something that cannot be run.
    case kustomizeEngine(String)

    public var description: String {
        switch self {
        case .helmEngine(let why), .kustomizeEngine(let why): why
        case .pathNotFound(let path): "\(path): no such file or directory"
        case .invalidPath(let path): "\(path.replacingOccurrences(of: "\u{0}", with: "\\0")): a path cannot contain a NUL byte"
        }
    }
}

/// Paths -> discovery -> per-file facts -> rules -> result.
public struct Scanner: Sendable {
    public var options: ScanOptions

    public init(options: ScanOptions) {
        self.options = options
    }

    /// Reads standard input up to one byte past `limit` (the scan then reports it as too large), so
    /// an endless pipe cannot exhaust memory.
    public static func readStandardInput(limit: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(limit, 1 << 20) + 1)
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(count, limit + 1 - count)) }
            let got = bytes.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            count += got
        }
        return Array(bytes[..<count])
    }

    /// Scans the targets; `-` reads `standardInput` (called at most once).
    public func scan(_ targets: [String], standardInput: () -> [UInt8] = { [] }) throws(ScanError) -> ScanResult {
        let plan = try plan(targets, standardInput: standardInput)
        var result = run(plan.work, context: plan.context, skipped: plan.skipped, passedTogether: plan.passedTogether, identity: plan.identity)
        result.linksNotFollowed = plan.linksNotFollowed
        result.patchesNotJudged = plan.patchesNotJudged
        return result
    }

    /// What a scan of the targets reads, and how.
    struct Plan {
        /// With `streaming`, every item but the walked files (which `files` walks again, sorted).
        var work: [WorkItem]
        var context: InputContext
        var skipped: Int
        var passedTogether: Set<String>
        var linksNotFollowed: [String]
        /// Kustomize patch files: named by a kustomization, never judged as whole workloads.
        var patchesNotJudged: [String] = []
        /// How findings' paths are known across runs (baselines, fingerprints).
        var identity: PathIdentity?
        /// The walked files, sorted, when they are not in `work`.
        var files: PlannedFiles?
    }

    /// The walked files of a streamed scan: walked again in report order, less the ones a
    /// Kustomize build takes over or names as patches.
    struct PlannedFiles {
        var walk: SortedFileWalk
        var leftOut: Set<String>
        /// Paths named on the command line (followed, even through links).
        var named: Set<String>
        /// How many items the walk gives.
        var count: Int
        /// The walked files of one host's daemon configuration (and the files named together),
        /// in discovery order: scanned and merged before the others.
        var early: [WorkItem]
        /// The walked Nomad agent configurations, in discovery order: read before the jobs.
        var agentConfigurations: [WorkItem]

        mutating func next() -> WorkItem? {
            while let file = walk.next() {
                if leftOut.contains(file.path) { continue }
                return Scanner.fileItem(file.path, resolved: file.resolved, named: named)
            }
            return nil
        }
    }

    /// The targets walked in discovery order: with `streaming` only what must be known before the
    /// first file is read is kept (charts, kustomizations, one host's daemon files, counts), and
    /// the files are walked again as the scan reads them; else every file is listed.
    func plan(_ targets: [String], standardInput: () -> [UInt8], streaming: Bool = false) throws(ScanError) -> Plan {
        let paths = targets.filter { $0 != "-" }
        let named = Set(paths)
        let discovery = Discovery(
            excludes: options.excludes + options.configuration.excludes, followSymlinks: options.followSymlinks,
            shard: options.shard.map { ShardFilter(shard: $0, units: SweepUnits(paths: targets)) })
        var discovered = DiscoveredFiles()
        var fileCount = 0
        var decisions: [Int: TargetWalk.Decisions] = [:]
        do {
            try discovery.walk(paths) { target, event in
                switch event {
                case .file(let path, let resolved):
                    fileCount += 1
                    guard !streaming || Self.mustBeKnownFirst(path, named: named) else { return }
                    discovered.files.append(path)
                    if let resolved { discovered.resolved[path] = resolved }
                case .helmChart(let chart): discovered.helmCharts.append(chart)
                case .unlisted(let path, let reason): discovered.unlisted.append((path, reason))
                case .undecodableName(let path, let isFolder): discovered.undecodableNames.append((path, isFolder))
                case .notRead: discovered.notRead += 1
                case .linkNotFollowed(let link):
                    discovered.linksNotFollowed.append(link)
                    decisions[target, default: .init()].linksNotFollowed.insert(link)
                case .revisited(let folder): decisions[target, default: .init()].revisited.insert(folder)
                }
            }
        } catch {
            switch error {
            case .notFound(let path): throw .pathNotFound(path)
            case .invalidPath(let path): throw .invalidPath(path)
            }
        }
        var work: [WorkItem] = []
        let standardInputName = options.standardInputName.map(Self.display)
        if targets.contains("-"), options.shard.map({ ShardFilter(shard: $0, units: SweepUnits(paths: targets)).keeps("-") }) ?? true {
            work.append(.standardInput(standardInput(), name: standardInputName))
        }
        var renderer = options.helm.renderer
        if !discovered.helmCharts.isEmpty, renderer == nil {
            do {
                renderer = try HelmEngineDiscovery.find(
                    explicit: options.helm.enginePath, environment: options.helm.environment, prefixes: options.helm.pythonPrefixes)
            } catch {
                throw .helmEngine(error.description)
            }
        }
        let chartValues = HelmValuesAssignment.assign(options.helm.valuesFiles, charts: discovered.helmCharts)
        work += discovered.helmCharts.map { WorkItem.helmChart($0, HelmJob(renderer: renderer, valuesFiles: chartValues[$0] ?? [])) }
        work += discovered.unlisted.map { WorkItem.unlisted($0.path, $0.reason) }
        work += discovered.undecodableNames.map { WorkItem.undecodableName($0.path, isFolder: $0.isFolder) }
        let kustomizations = discovered.files.filter { KustomizePatches.fileNames.contains($0.split(separator: "/").last.map(String.init) ?? $0) }
        let listed = discovered
        let overlays = try kustomizeWork(kustomizations: kustomizations, resolved: discovered.resolved) { visit in
            if streaming {
                try? discovery.walk(paths) { _, event in
                    if case .file(let path, let resolved) = event { visit(path, resolved) }
                }
            } else {
                for file in listed.files { visit(file, listed.resolved[file]) }
            }
        }
        work += overlays.work
        let leftOut = overlays.patches.union(overlays.built)
        var files: PlannedFiles?
        if streaming {
            let walk = SortedFileWalk(discovery: discovery, targets: paths, decisions: decisions)
            var count = 0
            if leftOut.isEmpty {
                count = fileCount
            } else {
                try? discovery.walk(paths) { _, event in
                    if case .file(let path, _) = event, !leftOut.contains(path) { count += 1 }
                }
            }
            let early = discovered.files.filter { !leftOut.contains($0) && Self.isDaemonFile($0, named: named) }
                .map { Self.fileItem($0, resolved: discovered.resolved[$0], named: named) }
            let configurations = discovered.files.filter { !leftOut.contains($0) && NomadAgentConfig.isConfigPath(Self.display($0)) }
                .map { Self.fileItem($0, resolved: discovered.resolved[$0], named: named) }
            files = PlannedFiles(walk: walk, leftOut: leftOut, named: named, count: count, early: early, agentConfigurations: configurations)
        } else {
            work += discovered.files.filter { !leftOut.contains($0) }.map { Self.fileItem($0, resolved: discovered.resolved[$0], named: named) }
        }
        let context = InputContext.fileSystem(
            maxFileSize: options.maxFileSize, envFiles: options.envFiles, roots: InputContext.roots(of: paths + (targets.contains("-") ? ["."] : [])))
        // Files named one by one on the command line belong together (one host's configuration).
        let together = Set(discovered.files.filter(named.contains).map(Self.display))
        return Plan(
            work: work, context: context, skipped: discovered.notRead, passedTogether: together.count > 1 ? together : [],
            linksNotFollowed: discovered.linksNotFollowed.map(Self.display), patchesNotJudged: overlays.patches.map(Self.display).sorted(),
            identity: PathIdentity(targets: paths + (targets.contains("-") ? standardInputName.map { [$0] } ?? [] : [])), files: files)
    }

    /// A walked file as a work item. A path named on the command line is the user's choice to
    /// follow; a walked one is not.
    static func fileItem(_ path: String, resolved: String?, named: Set<String>) -> WorkItem {
        named.contains(path) ? .file(path, readFrom: path, followLinks: true) : .file(path, readFrom: resolved ?? path, followLinks: false)
    }

    /// Files a streamed scan must know before it reads any: kustomizations (overlays are planned
    /// whole), the files of one host's daemon configuration (merged before they are reported) and
    /// Nomad agent configurations (their host volumes are read before the jobs).
    static func mustBeKnownFirst(_ path: String, named: Set<String>) -> Bool {
        KustomizePatches.fileNames.contains(path.split(separator: "/").last.map(String.init) ?? path) || isDaemonFile(path, named: named)
            || NomadAgentConfig.isConfigPath(display(path))
    }

    static func isDaemonFile(_ path: String, named: Set<String>) -> Bool {
        named.contains(path) || DaemonOrigin.locate(display(path))?.hostRoot != nil
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// One unit of work: a file on disk, standard input, or a Helm chart to report.
    enum WorkItem: Sendable {
        /// Reported under the first path, read from the second (they differ for a followed link).
        case file(String, readFrom: String, followLinks: Bool)
        case unlisted(String, String)
        /// An entry whose name is not UTF-8: a String cannot hold its name, so it cannot be opened.
        case undecodableName(String, isFolder: Bool)
        /// Standard input, with the name `--stdin-filename` gives it.
        case standardInput([UInt8], name: String?)
        /// A chart's `Chart.yaml`, with the engine and the `--helm-values` files that apply to it.
        case helmChart(String, HelmJob)
        /// Kustomize overlays that share a base, built together.
        case kustomize(KustomizeJob)
        case source(SourceFile)

        /// The path its findings are reported under (the order a streamed report follows).
        var reportPath: String {
            switch self {
            case .file(let path, _, _), .unlisted(let path, _), .undecodableName(let path, _), .helmChart(let path, _):
                Scanner.display(path)
            case .standardInput(_, let name): name ?? "-"
            case .kustomize(let job): Scanner.display(job.roots[0].file)
            case .source(let file): file.path
            }
        }
    }

    /// What a file leaves behind once scanned: its findings and the facts that are judged across
    /// files. Its text and its other facts are dropped, so memory follows the largest file in
    /// flight, not the size of the sweep.
    struct FileResult: Sendable {
        var kind: FileKind?
        var findings: [Finding]
        var daemons: [DaemonConfig]
        var directives: [SuppressionDirective]
        var embedded: [EmbeddedFile]
        var renderedBy: String?
        var overlaysBuilt = 0
        var builtBy: String?
    }

    /// The pipeline, in this order:
    /// 1. the per-file pass: each file read, parsed and judged on its own, on all cores (its
    ///    directives are judged here, once: SA902);
    /// 2. the cross-file pass: what only several files decide together (one host's `daemon.json`,
    ///    defaults file, unit and drop-ins, merged into one daemon);
    /// 3. the policy: generate (stale suppressions, SA903), configure (disabled rules, severities),
    ///    suppress; then the baseline.
    func run(
        _ work: [WorkItem], context: InputContext, skipped alreadySkipped: Int, passedTogether: Set<String>, identity: PathIdentity? = nil
    ) -> ScanResult {
        let engine = Engine(rules: options.activeRules)
        let files = perFilePass(work, context: withNomadHostVolumes(work, context: context), engine: engine)
        var scanned: [String: Int] = [:]
        var rendered: [String: Int] = [:]
        var built: [String: Int] = [:]
        var skipped = alreadySkipped
        for file in files {
            if let kind = file.kind { scanned[kind.summaryName, default: 0] += 1 } else { skipped += 1 }
            if let engine = file.renderedBy { rendered[engine, default: 0] += 1 }
            if let engine = file.builtBy { built[engine, default: 0] += file.overlaysBuilt }
        }
        let findings = files.flatMap(\.findings) + crossFilePass(files, engine: engine, passedTogether: passedTogether)
        var result = finish(findings, directives: files.flatMap(\.directives), scanned: scanned, skipped: skipped, identity: identity)
        result.chartsRendered = rendered
        result.overlaysBuilt = built
        return result
    }

    /// Every item on all cores, then the files carried inside an input (a host snapshot's
    /// daemon.json and units), once, under their own paths; what they carry in turn is not followed.
    func perFilePass(_ work: [WorkItem], context: InputContext, engine: Engine) -> [FileResult] {
        options.progress?.found(work.count)
        var results = Self.scanAll(work, fileScanner: FileScanner(context: context, inputs: options.inputs), engine: engine, options: options)
        let embedded = results.flatMap(\.embedded)
        if !embedded.isEmpty {
            let sources = embedded.map { SourceFile(path: $0.path, bytes: Array($0.text.utf8)) }
            let files = Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            options.progress?.found(sources.count)
            results += Self.scanAll(
                sources.map(WorkItem.source), fileScanner: FileScanner(context: .inMemory(files), inputs: options.inputs), engine: engine, options: options)
        }
        return results
    }

    /// The daemons of every file, merged per host, judged together.
    func crossFilePass(_ files: [FileResult], engine: Engine, passedTogether: Set<String>) -> [Finding] {
        let daemons = files.filter { $0.kind != nil }.flatMap(\.daemons)
        return engine.run(Facts(daemons: DaemonMerge.merge(daemons, passedTogether: passedTogether)))
    }

    /// Every item on all cores; each leaves its findings and what is judged across files.
    static func scanAll(_ work: [WorkItem], fileScanner: FileScanner, engine: Engine, options: ScanOptions) -> [FileResult] {
        ParallelMap.map(count: work.count, workers: options.workers) { index in
            let outcome = Self.outcome(of: work[index], fileScanner: fileScanner, engine: engine, options: options)
            var local = outcome.facts
            let daemons = local.daemons
            local.daemons = []
            let findings = engine.run(local) + outcome.judged
            options.progress?.done(findings: findings.count)
            return FileResult(
                kind: outcome.kind, findings: findings, daemons: daemons, directives: local.directives,
                embedded: local.embeddedFiles, renderedBy: outcome.renderedBy, overlaysBuilt: outcome.overlaysBuilt, builtBy: outcome.builtBy)
        }
    }

    static func outcome(of item: WorkItem, fileScanner: FileScanner, engine: Engine, options: ScanOptions) -> FileOutcome {
        switch item {
        case .standardInput(let bytes, let name) where bytes.count > options.maxFileSize:
            return FileOutcome.unreadable(name ?? "-", .tooLarge(bytes.count), limit: options.maxFileSize)
        case .standardInput(let bytes, let name) where bytes.allSatisfy(Self.isBlank):
            // `helm template ... | sockaudit scan -` whose first command failed: nothing is not clean.
            let reason = bytes.isEmpty ? "standard input was empty" : "standard input held only white space"
            let location = SourceLocation(path: name ?? "-", line: 1, column: 1)
            let why = "\(reason) (did the command writing to the pipe fail?)"
            return FileOutcome(kind: .unreadable, facts: Facts(unscannable: [UnscannableFile(location: location, reason: why)]))
        case .standardInput(let bytes, let name?):
            // Named: read as a file of that name would be, else recognised by its content as `-` is.
            let file = SourceFile(path: name, bytes: bytes)
            let named = fileScanner.scan(file)
            return named.kind == nil ? fileScanner.scan(file, isStandardInput: true) : named
        case .standardInput(let bytes, nil):
            return fileScanner.scan(SourceFile(path: "-", bytes: bytes), isStandardInput: true)
        case .helmChart(let chart, let job):
            let scan = HelmChartScan(
                renderer: job.renderer, settings: options.helm, valuesFiles: job.valuesFiles, engine: engine, maxFileSize: options.maxFileSize)
            return scan.outcome(chartFile: chart)
        case .kustomize(let job):
            return KustomizeBuildScan(job: job, engine: engine, fileScanner: fileScanner, maxFileSize: options.maxFileSize).outcome()
        case .source(let source):
            return fileScanner.scan(source)
        case .undecodableName(let path, let isFolder):
            let display = display(path)
            guard isFolder || fileScanner.mayBeInScope(display) else { return .outOfScope }
            let reason = "its name is not valid UTF-8 (shown with U+FFFD), so it cannot be opened by name; rename it"
            return FileOutcome.unreadable(display, .unreadable(reason), limit: options.maxFileSize, folder: isFolder)
        case .unlisted(let path, let reason):
            return FileOutcome.unreadable(display(path), .unreadable(reason), limit: options.maxFileSize, folder: true)
        case .file(let path, let readFrom, let followLinks):
            let display = display(path)
            guard fileScanner.mayBeInScope(display) else { return .outOfScope }
            options.beforeRead?(path)
            switch FileReader.read(readFrom, limit: options.maxFileSize, followLinks: followLinks) {
            case .success(let bytes): return fileScanner.scan(SourceFile(path: display, bytes: bytes))
            case .failure(let failure): return FileOutcome.unreadable(display, failure, limit: options.maxFileSize)
            }
        }
    }

    /// Policy (configuration and suppressions), then identity paths, then the baseline.
    func finish(
        _ findings: [Finding], directives: [SuppressionDirective], scanned: [String: Int], skipped: Int, identity: PathIdentity?
    ) -> ScanResult {
        let descriptions = options.rules.map { $0.description }
        let policy = Policy(
            configuration: options.configuration, today: options.today, honoursSuppressions: options.honoursSuppressions,
            rules: descriptions, staleSuppression: StaleSuppressionRule.description)
        var judged = policy.apply(findings, directives: directives)
        if let identity {
            var cache = PathIdentity.Cache(identity)
            for index in judged.indices { judged[index].assignIdentity(&cache) }
        }
        let fixed = options.baseline?.apply(to: &judged) ?? []
        var result = ScanResult(findings: judged, filesScanned: scanned, filesSkipped: skipped, rules: options.reportedRules)
        result.fixedSinceBaseline = fixed
        return result
    }
}

extension Scanner {
    /// Scans files already in memory (rule examples, tests, editors): same pipeline, no file system.
    public func scan(sources: [SourceFile]) -> ScanResult {
        let files = Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return run(sources.map(WorkItem.source), context: .inMemory(files), skipped: 0, passedTogether: Set(sources.map(\.path)))
    }
}

extension FileOutcome {
    /// A file that could not be read at all is SA901 at its first line, never dropped.
    static func unreadable(_ path: String, _ failure: FileReader.Failure, limit: Int, folder: Bool = false) -> FileOutcome {
        let reason: String
        switch failure {
        case .unreadable(let why) where folder: reason = "is a folder that could not be listed, so nothing in it was scanned: \(why)"
        case .unreadable(let why): reason = "could not be read: \(why)"
        case .tooLarge(let size): reason = "is \(size) bytes, over the \(limit)-byte limit (--max-file-size)"
        }
        let location = SourceLocation(path: path, line: 1, column: 1)
        return FileOutcome(kind: .unreadable, facts: Facts(unscannable: [UnscannableFile(location: location, reason: reason)]))
    }
}

extension Scanner {
    /// The kind of input that reads a file held in memory (what its name and text make it), or nil
    /// when no registered input does. `explain` groups a rule's examples by it.
    public func inputKind(of file: SourceFile) -> InputKind? {
        let files = [file.path: file.bytes]
        guard case .input(let kind)? = FileScanner(context: .inMemory(files), inputs: options.inputs).scan(file).kind else {
            return nil
        }
        return kind
    }
}
