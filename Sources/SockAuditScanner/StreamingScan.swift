import SockAuditCore
import SockAuditParsers
import SockAuditRules

/// A scan that hands its findings over as it goes, in report order, and keeps none of them: memory
/// follows the files in flight (a bounded window), not the size of the sweep.
///
/// Files are taken in path order, so writing each file's findings (sorted) as the file is done is
/// the order of the whole result. What spans files is kept as facts, never as findings:
/// - the daemon files of one host (`ROOT/etc/docker/daemon.json`, its units and defaults file, or
///   files named together on the command line) are known by their paths, so they are scanned and
///   merged first and their findings wait, with their file, for its turn;
/// - suppression directives cover findings in their own file, so each file is judged with its own;
/// - `.sockaudit.yml` suppressions count their matches; the ones that matched nothing are reported
///   at the end, when that is known, as are the files carried inside a host snapshot;
/// - the baseline is matched finding by finding, its unmatched entries listed at the end.
extension Scanner {
    /// Files scanned ahead of the one being written, per worker.
    static let windowPerWorker = 64

    /// Scans the targets, calling `emit` with every finding in report order; returns the counts.
    public func stream(
        _ targets: [String], standardInput: () -> [UInt8] = { [] }, emit: (Finding) -> Void
    ) throws(ScanError) -> ScanSummary {
        let plan = try plan(targets, standardInput: standardInput, streaming: true)
        var summary = stream(plan, emit: emit)
        summary.linksNotFollowed = plan.linksNotFollowed
        summary.patchesNotJudged = plan.patchesNotJudged
        summary.shard = options.shard
        return summary
    }

    func stream(_ plan: Plan, emit: (Finding) -> Void) -> ScanSummary {
        let items = plan.work.enumerated()
            .sorted { ($0.element.reportPath, $0.offset) < ($1.element.reportPath, $1.offset) }.map(\.element)
        // Nomad agent configurations are read first: a job's host volumes are named in them.
        let configurations = (items.map { ($0, 0) } + (plan.files?.agentConfigurations ?? []).map { ($0, 1) })
            .enumerated().sorted { ($0.element.0.reportPath, $0.element.1, $0.offset) < ($1.element.0.reportPath, $1.element.1, $1.offset) }
            .map(\.element.0)
        let fileScanner = FileScanner(context: withNomadHostVolumes(configurations, context: plan.context), inputs: options.inputs)
        let engine = Engine(rules: options.activeRules)
        let options = self.options
        let passedTogether = plan.passedTogether
        options.progress?.found(items.count + (plan.files?.count ?? 0))

        // One host's daemon files, scanned first and merged; their findings wait for their file.
        func isEarly(_ path: String) -> Bool {
            passedTogether.contains(path) || DaemonOrigin.locate(path)?.hostRoot != nil
        }
        let merging = (items.filter { isEarly($0.reportPath) }.map { ($0, 0) }
            + (plan.files?.early ?? []).filter { isEarly($0.reportPath) }.map { ($0, 1) })
            .enumerated().sorted { ($0.element.0.reportPath, $0.element.1, $0.offset) < ($1.element.0.reportPath, $1.element.1, $1.offset) }
            .map(\.element.0)
        let early = ParallelMap.map(count: merging.count, workers: options.workers) { position in
            Self.fileResult(of: merging[position], fileScanner: fileScanner, engine: engine, options: options, judgeDaemons: false)
        }
        let merged = DaemonMerge.merge(early.filter { $0.kind != nil }.flatMap(\.daemons), passedTogether: passedTogether)
        var waiting = Dictionary(grouping: engine.run(Facts(daemons: merged)), by: \.location.path)
        var earlyResults: [String: [FileResult]] = [:]
        for (item, result) in zip(merging, early) { earlyResults[item.reportPath, default: []].append(result) }

        let source = WorkSource(items: items, files: plan.files, early: earlyResults, isEarly: isEarly)
        var writer = StreamWriter(scanner: self, identity: plan.identity)
        var skipped = plan.skipped
        var embedded: [EmbeddedFile] = []
        OrderedStream.run(
            workers: options.workers, window: Self.windowPerWorker * max(1, options.workers),
            next: { source.next() },
            produce: { next in
                (next.item.reportPath, next.early
                    ?? Self.fileResult(of: next.item, fileScanner: fileScanner, engine: engine, options: options, judgeDaemons: true))
            },
            consume: { done in
                let (path, result) = done
                // Merged-daemon findings of a path that is no file of this scan go where they sort.
                for other in waiting.keys.filter({ $0 < path }).sorted() {
                    writer.write(waiting.removeValue(forKey: other) ?? [], directives: [], to: emit)
                }
                guard let kind = result.kind else {
                    skipped += 1
                    return
                }
                writer.count(kind.summaryName)
                if let engine = result.renderedBy { writer.rendered[engine, default: 0] += 1 }
                if let engine = result.builtBy { writer.built[engine, default: 0] += result.overlaysBuilt }
                embedded += result.embedded
                writer.write(result.findings + (waiting.removeValue(forKey: path) ?? []), directives: result.directives, to: emit)
            })
        for path in waiting.keys.sorted() {
            writer.write(waiting[path] ?? [], directives: [], to: emit)
        }
        // Files carried inside a host snapshot (its daemon.json and units), under their host paths.
        let beforeCarried = writer.emitted
        if !embedded.isEmpty {
            let sources = embedded.map { SourceFile(path: $0.path, bytes: Array($0.text.utf8)) }
            let files = Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            options.progress?.found(sources.count)
            let inner = FileScanner(context: .inMemory(files), inputs: options.inputs)
            let results = ParallelMap.map(count: sources.count, workers: options.workers) { index in
                Self.fileResult(of: .source(sources[index]), fileScanner: inner, engine: engine, options: options, judgeDaemons: false)
            }
            var findings = results.flatMap(\.findings)
            findings += engine.run(Facts(daemons: DaemonMerge.merge(results.filter { $0.kind != nil }.flatMap(\.daemons), passedTogether: [])))
            for result in results { if let kind = result.kind { writer.count(kind.summaryName) } else { skipped += 1 } }
            writer.write(findings, directives: results.flatMap(\.directives), to: emit)
        }
        let carried = writer.emitted - beforeCarried
        var summary = writer.finish(skipped: skipped, to: emit)
        summary.carriedFindings = carried
        summary.staleConfigurationFindings = writer.emitted - beforeCarried - carried
        return summary
    }

    /// One item scanned and judged by the rules; its daemons judged with it unless they are merged
    /// with other files' first.
    static func fileResult(
        of item: WorkItem, fileScanner: FileScanner, engine: Engine, options: ScanOptions, judgeDaemons: Bool
    ) -> FileResult {
        let outcome = Self.outcome(of: item, fileScanner: fileScanner, engine: engine, options: options)
        var local = outcome.facts
        let daemons = local.daemons
        local.daemons = []
        var findings = engine.run(local) + outcome.judged
        if judgeDaemons && !daemons.isEmpty {
            findings += engine.run(Facts(daemons: daemons))
        }
        options.progress?.done(findings: findings.count)
        return FileResult(
            kind: outcome.kind, findings: findings, daemons: judgeDaemons ? [] : daemons, directives: local.directives,
            embedded: local.embeddedFiles, renderedBy: outcome.renderedBy, overlaysBuilt: outcome.overlaysBuilt, builtBy: outcome.builtBy)
    }
}

/// The end of the stream: policy, baseline and counts applied to each group of findings (one
/// file's, with that file's directives) before they are handed over.
private struct StreamWriter {
    var policy: Policy.Run
    var baseline: Baseline.Matcher?
    var identity: PathIdentity.Cache?
    var tally = FindingTally()
    var scanned: [String: Int] = [:]
    /// Helm charts rendered, by engine.
    var rendered: [String: Int] = [:]
    /// Kustomize overlays built, by engine.
    var built: [String: Int] = [:]
    /// Findings handed over so far (a merge needs to know which came after the files).
    var emitted = 0

    init(scanner: Scanner, identity: PathIdentity?) {
        self.identity = identity.map(PathIdentity.Cache.init)
        let options = scanner.options
        policy = Policy.Run(Policy(
            configuration: options.configuration, today: options.today, honoursSuppressions: options.honoursSuppressions,
            rules: options.rules.map { $0.description }, staleSuppression: StaleSuppressionRule.description))
        baseline = options.baseline.map(Baseline.Matcher.init)
    }

    mutating func count(_ kind: String) {
        scanned[kind, default: 0] += 1
    }

    mutating func write(_ findings: [Finding], directives: [SuppressionDirective], to emit: (Finding) -> Void) {
        guard !findings.isEmpty || !directives.isEmpty else { return }
        for var finding in policy.judge(findings, directives: directives) {
            if identity != nil { finding.assignIdentity(&identity!) }
            baseline?.mark(&finding)
            tally.add(finding)
            emitted += 1
            emit(finding)
        }
    }

    mutating func finish(skipped: Int, to emit: (Finding) -> Void) -> ScanSummary {
        for var finding in policy.finish() {
            if identity != nil { finding.assignIdentity(&identity!) }
            baseline?.mark(&finding)
            tally.add(finding)
            emitted += 1
            emit(finding)
        }
        var summary = ScanSummary(
            tally: tally, filesScanned: scanned, filesSkipped: skipped, fixedSinceBaseline: baseline?.fixed() ?? [])
        summary.chartsRendered = rendered
        summary.overlaysBuilt = built
        return summary
    }
}

/// The work of a streamed scan in report order: the planned items (standard input, charts,
/// Kustomize builds, folders not listed) merged with the files as the sorted walk gives them, an
/// item at a path before a walked file at the same path. Daemon files already scanned bring their
/// result. Called by one worker at a time.
private final class WorkSource: @unchecked Sendable {
    struct Next: Sendable {
        var item: Scanner.WorkItem
        var early: Scanner.FileResult?
    }

    private let items: [Scanner.WorkItem]
    private var position = 0
    private var files: Scanner.PlannedFiles?
    private var file: Scanner.WorkItem?
    private var early: [String: [Scanner.FileResult]]
    private let isEarly: (String) -> Bool

    init(items: [Scanner.WorkItem], files: Scanner.PlannedFiles?, early: [String: [Scanner.FileResult]], isEarly: @escaping (String) -> Bool) {
        self.items = items
        self.files = files
        self.early = early
        self.isEarly = isEarly
        file = self.files?.next()
    }

    func next() -> Next? {
        let item: Scanner.WorkItem
        if position < items.count, file.map({ items[position].reportPath <= $0.reportPath }) ?? true {
            item = items[position]
            position += 1
        } else if let walked = file {
            item = walked
            file = files?.next()
        } else {
            return nil
        }
        let path = item.reportPath
        guard isEarly(path), var results = early[path], !results.isEmpty else { return Next(item: item) }
        let result = results.removeFirst()
        early[path] = results.isEmpty ? nil : results
        return Next(item: item, early: result)
    }
}
