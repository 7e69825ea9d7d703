/// Puts the parts of a sweep back together: the result a single scan over all of it gives.
///
/// Each repository was scanned by exactly one part, so most findings are simply gathered. What a
/// part cannot know is settled here: a suppression in `.sockaudit.yml` that matched nothing in one
/// part but something in another is not stale (SA903), and a finding every part saw (one on the
/// configuration file itself, or one in a file another repository points at) is reported once; the
/// baseline's matches and fixed entries are counted over the whole sweep (`SweepBaseline`).
public enum SweepMerge {
    /// One part, as read from its report: its findings in the order the report lists them.
    public struct Part: Sendable {
        /// What the user named it by (the report's file), for errors.
        public var name: String
        public var toolVersion: String
        public var identity: ScanIdentity
        public var findings: [Finding]
        public var summary: ScanSummary

        public init(name: String, toolVersion: String, identity: ScanIdentity, findings: [Finding], summary: ScanSummary) {
            self.name = name
            self.toolVersion = toolVersion
            self.identity = identity
            self.findings = findings
            self.summary = summary
        }
    }

    /// The sweep as one scan: its identity, its findings in the order a scan streams them, its counts.
    public struct Merged: Sendable {
        public var identity: ScanIdentity
        public var findings: [Finding]
        public var summary: ScanSummary
    }

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    static let staleSuppressionRule = "SA903"

    /// What a merge must know of a part before it merges its findings: gathered by a first read
    /// of the part (`Survey.Reader`), so the findings themselves are read again as they are merged,
    /// never held.
    public struct Survey: Sendable {
        public var name: String
        public var toolVersion: String
        public var identity: ScanIdentity
        public var summary: ScanSummary
        /// Findings the part lists.
        public var count = 0
        /// "path:line" of every suppression that covered one of its findings.
        var suppressionsUsed = Set<String>()
        /// Paths of its files' findings outside its own repositories.
        var foreignPaths = Set<String>()
        /// Baselined findings by baseline key (with a baseline).
        var baselined: [String: Int] = [:]

        /// Reads a part's findings one by one, in the order its report lists them.
        public struct Reader {
            private var survey: Survey
            private let units: SweepUnits
            private var outside: [(index: Int, path: String)] = []

            public init(name: String, toolVersion: String, identity: ScanIdentity) {
                survey = Survey(name: name, toolVersion: toolVersion, identity: identity, summary: ScanSummary(tally: FindingTally(), filesScanned: [:], filesSkipped: 0))
                units = SweepUnits(paths: identity.paths)
            }

            public mutating func add(_ finding: Finding) {
                if let suppression = finding.suppression { survey.suppressionsUsed.insert(suppression.source) }
                if let format = survey.identity.baselineFormat, finding.isBaselined {
                    survey.baselined[Baseline.key(of: finding, format: format), default: 0] += 1
                }
                if let shard = survey.identity.shard, !shard.owns(units.unit(of: finding.location.path)) {
                    outside.append((survey.count, finding.location.path))
                }
                survey.count += 1
            }

            /// The survey, once the part's summary (written after its findings) is read.
            public func finish(_ summary: ScanSummary) -> Survey {
                var survey = self.survey
                survey.summary = summary
                let files = survey.count - min(survey.count, summary.carriedFindings + summary.staleConfigurationFindings)
                survey.foreignPaths = Set(outside.filter { $0.index < files }.map(\.path))
                return survey
            }
        }
    }

    /// The merged sweep's identity: the parts', as one scan.
    public static func identity(of parts: [Survey]) -> ScanIdentity {
        var identity = parts.first?.identity ?? ScanIdentity()
        identity.shard = nil
        return identity
    }

    /// The merged sweep, or why these parts do not make one (every problem listed).
    /// `thresholdGiven`: the merge has its own --fail-on, so the parts' need not agree.
    public static func merge(_ parts: [Part], toolVersion: String, thresholdGiven: Bool = false) throws(Failure) -> Merged {
        let surveys = parts.map { part in
            var reader = Survey.Reader(name: part.name, toolVersion: part.toolVersion, identity: part.identity)
            for finding in part.findings { reader.add(finding) }
            return reader.finish(part.summary)
        }
        try check(surveys, toolVersion: toolVersion, thresholdGiven: thresholdGiven)
        guard !parts.isEmpty else { throw Failure(description: "no reports to merge") }
        var positions = parts.map { _ in 0 }
        var findings: [Finding] = []
        let summary = merge(surveys, next: { index in
            defer { positions[index] += 1 }
            return positions[index] < parts[index].findings.count ? parts[index].findings[positions[index]] : nil
        }, emit: { findings.append($0) })
        return Merged(identity: identity(of: surveys), findings: findings, summary: summary)
    }

    /// Merges the parts' findings as `next(part)` reads them again (in the order each report lists
    /// them; nil at its end), handing each merged finding to `emit` in the order a scan streams
    /// them; returns the sweep's counts. Holds the findings that must be compared across parts (on
    /// files outside a part's repositories, carried files, stale suppressions), not the others.
    /// The surveys must have passed `check`.
    public static func merge<E: Error>(
        _ parts: [Survey], next: (Int) throws(E) -> Finding?, emit: (Finding) -> Void
    ) throws(E) -> ScanSummary {
        // A configuration suppression one part used is not stale because another part saw nothing.
        func kept(_ finding: Finding, from index: Int) -> Bool {
            guard finding.ruleID == staleSuppressionRule else { return true }
            let source = "\(finding.location.path):\(finding.location.line)"
            return !parts.indices.contains { $0 != index && parts[$0].suppressionsUsed.contains(source) }
        }
        // A finding outside a part's own repositories (a file another one points at, the
        // configuration file) may come from several parts: it is reported once.
        let foreignPaths = parts.reduce(into: Set<String>()) { $0.formUnion($1.foreignPaths) }
        var seen: [Finding: Int] = [:]
        func fresh(_ finding: Finding, from index: Int) -> Bool {
            if let earlier = seen[finding] { return earlier == index }
            seen[finding] = index
            return true
        }
        var baseline = SweepBaseline(parts: parts)
        var tally = FindingTally()
        func hand(_ finding: Finding) {
            var finding = finding
            baseline.settle(&finding)
            tally.add(finding)
            emit(finding)
        }

        // Each part's findings in its three sections: its files', carried files', stale configuration.
        let filesCount = parts.map { $0.count - min($0.count, $0.summary.carriedFindings + $0.summary.staleConfigurationFindings) }
        var read = parts.map { _ in 0 }
        var heads: [Finding?] = []
        for index in parts.indices {
            heads.append(filesCount[index] > 0 ? try next(index) : nil)
            if heads[index] != nil { read[index] = 1 }
        }
        // The files' findings: every part lists them in path order, so their merge by path is the
        // order of one scan.
        while true {
            var chosen: Int?
            for index in heads.indices {
                guard let path = heads[index]?.location.path else { continue }
                if chosen.map({ path < heads[$0]!.location.path }) ?? true { chosen = index }
            }
            guard let index = chosen, let finding = heads[index] else { break }
            if read[index] < filesCount[index] {
                heads[index] = try next(index)
                if heads[index] != nil { read[index] += 1 }
            } else {
                heads[index] = nil
            }
            guard kept(finding, from: index) else { continue }
            if foreignPaths.contains(finding.location.path), !fresh(finding, from: index) { continue }
            hand(finding)
        }
        // Carried files are judged as one group after the files, and stale configuration
        // suppressions come last, each group in finding order.
        var carried: [Finding] = []
        var stale: [Finding] = []
        for index in parts.indices {
            var rest: [Finding] = []
            while let finding = try next(index) { rest.append(finding) }
            let carriedCount = min(rest.count, parts[index].summary.carriedFindings)
            carried += rest.prefix(carriedCount).filter { kept($0, from: index) && fresh($0, from: index) }
            stale += rest.dropFirst(carriedCount).filter { kept($0, from: index) && fresh($0, from: index) }
        }
        for finding in carried.sorted(by: Finding.ordered) + stale.sorted(by: Finding.ordered) { hand(finding) }

        var scanned: [String: Int] = [:]
        var skipped = 0
        var links: [String] = []
        var charts: [String: Int] = [:]
        var overlays: [String: Int] = [:]
        var patches: [String] = []
        for part in parts {
            patches += part.summary.patchesNotJudged
            charts.merge(part.summary.chartsRendered, uniquingKeysWith: +)
            overlays.merge(part.summary.overlaysBuilt, uniquingKeysWith: +)
            scanned.merge(part.summary.filesScanned, uniquingKeysWith: +)
            skipped += part.summary.filesSkipped
            links += part.summary.linksNotFollowed
        }
        var summary = ScanSummary(
            tally: tally, filesScanned: scanned, filesSkipped: skipped, linksNotFollowed: links, fixedSinceBaseline: baseline.fixed())
        summary.chartsRendered = charts
        summary.overlaysBuilt = overlays
        summary.patchesNotJudged = patches.sorted()
        summary.carriedFindings = carried.count
        summary.staleConfigurationFindings = stale.count
        return summary
    }

    /// Same tool, same scan, every shard exactly once.
    public static func check(_ parts: [Survey], toolVersion: String, thresholdGiven: Bool) throws(Failure) {
        var problems: [String] = []
        let versions = Dictionary(grouping: parts, by: \.toolVersion)
        if versions.count > 1 || (versions.keys.first.map { $0 != toolVersion } ?? false) {
            let listed = versions.sorted { $0.key < $1.key }.map { "sockaudit \($0.key): \(names($0.value))" }
            problems.append(
                "the reports come from other sockaudit versions than this one (\(toolVersion)): \(listed.joined(separator: "; ")); "
                    + "scan every shard and merge with the same version")
        }
        let unsharded = parts.filter { $0.identity.shard == nil }
        if !unsharded.isEmpty {
            problems.append("not part of a sweep (scanned without --shard): \(names(unsharded))")
        }
        let sharded = parts.filter { $0.identity.shard != nil }
        let counts = Dictionary(grouping: sharded) { $0.identity.shard?.count ?? 0 }
        if counts.count > 1 {
            let listed = counts.sorted { $0.key < $1.key }.map { "of \($0.key): \(names($0.value))" }
            problems.append("the reports split the sweep differently (shards \(listed.joined(separator: "; ")))")
        } else if let count = counts.keys.first {
            let byIndex = Dictionary(grouping: sharded) { $0.identity.shard?.index ?? 0 }
            for (index, group) in byIndex.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                problems.append("shard \(index)/\(count) is given more than once (overlapping): \(names(group))")
            }
            let missing = (0..<count).filter { byIndex[$0] == nil }
            if !missing.isEmpty {
                problems.append("missing shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))")
            }
        }
        let scans = Dictionary(grouping: parts) { Run(paths: $0.identity.paths, settings: $0.identity.settings) }
        if scans.count > 1 {
            let listed = scans.values.map { group in
                let paths = group[0].identity.paths.joined(separator: " ")
                return "\(names(group)) (paths: \(paths); settings \(group[0].identity.settings))"
            }.sorted()
            problems.append(
                "the reports come from different scans (other paths, options, configuration, baseline or day): "
                    + listed.joined(separator: "; "))
        }
        let narrowed = parts.filter { $0.identity.minSeverity != nil }
        if !narrowed.isEmpty {
            problems.append(
                "written with --min-severity, so findings are missing: \(names(narrowed)); "
                    + "scan the shards without it and give --min-severity to the merge")
        }
        let thresholds = Set(parts.map { $0.identity.failOn?.rawValue ?? "" })
        if thresholds.count > 1 && !thresholdGiven {
            problems.append("the shards ran with different --fail-on thresholds; give --fail-on to the merge")
        }
        if !problems.isEmpty { throw Failure(description: problems.joined(separator: "\n")) }
    }

    private struct Run: Hashable {
        var paths: [String]
        var settings: String
    }

    private static func names(_ parts: [Survey]) -> String {
        parts.map(\.name).joined(separator: ", ")
    }
}
