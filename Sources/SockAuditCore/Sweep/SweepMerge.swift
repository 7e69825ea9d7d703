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

    /// The merged sweep, or why these parts do not make one (every problem listed).
    /// `thresholdGiven`: the merge has its own --fail-on, so the parts' need not agree.
    public static func merge(_ parts: [Part], toolVersion: String, thresholdGiven: Bool = false) throws(Failure) -> Merged {
        try check(parts, toolVersion: toolVersion, thresholdGiven: thresholdGiven)
        guard let first = parts.first else { throw Failure(description: "no reports to merge") }
        let units = SweepUnits(paths: first.identity.paths)

        // "path:line" of every suppression that covered a finding, with the parts it did so in.
        var usedSuppressions: [String: Set<Int>] = [:]
        for (index, part) in parts.enumerated() {
            for finding in part.findings {
                if let suppression = finding.suppression { usedSuppressions[suppression.source, default: []].insert(index) }
            }
        }
        // A configuration suppression one part used is not stale because another part saw nothing.
        func kept(_ finding: Finding, from index: Int) -> Bool {
            guard finding.ruleID == staleSuppressionRule,
                let users = usedSuppressions["\(finding.location.path):\(finding.location.line)"]
            else { return true }
            return !users.contains { $0 != index }
        }

        // Each part's findings in its three sections: its files', carried files', stale configuration.
        var sections: [(files: ArraySlice<Finding>, carried: ArraySlice<Finding>, stale: ArraySlice<Finding>)] = []
        var foreignPaths = Set<String>()
        for (index, part) in parts.enumerated() {
            let all = part.findings[...]
            let trailing = min(all.count, part.summary.carriedFindings + part.summary.staleConfigurationFindings)
            let files = all.prefix(all.count - trailing)
            let rest = all.suffix(trailing)
            let carried = rest.prefix(min(rest.count, part.summary.carriedFindings))
            sections.append((files, carried, rest.dropFirst(carried.count)))
            for finding in files where !(part.identity.shard?.owns(units.unit(of: finding.location.path)) ?? true) {
                foreignPaths.insert(finding.location.path)
            }
            _ = index
        }

        // A finding outside a part's own repositories (a file another one points at, the
        // configuration file) may come from several parts: it is reported once.
        var seen: [Finding: Int] = [:]
        func fresh(_ finding: Finding, from index: Int) -> Bool {
            if let earlier = seen[finding] { return earlier == index }
            seen[finding] = index
            return true
        }

        var findings: [Finding] = []
        // The files' findings: every part lists them in path order, so their merge by path is the
        // order of one scan.
        var cursors = sections.map { $0.files.startIndex }
        while true {
            var next: Int?
            for index in sections.indices where cursors[index] < sections[index].files.endIndex {
                let path = sections[index].files[cursors[index]].location.path
                if next.map({ path < sections[$0].files[cursors[$0]].location.path }) ?? true { next = index }
            }
            guard let index = next else { break }
            let finding = sections[index].files[cursors[index]]
            cursors[index] += 1
            guard kept(finding, from: index) else { continue }
            if foreignPaths.contains(finding.location.path), !fresh(finding, from: index) { continue }
            findings.append(finding)
        }
        // Carried files are judged as one group after the files, and stale configuration
        // suppressions come last, each group in finding order.
        var carried: [Finding] = []
        var stale: [Finding] = []
        for (index, section) in sections.enumerated() {
            carried += section.carried.filter { kept($0, from: index) && fresh($0, from: index) }
            stale += section.stale.filter { kept($0, from: index) && fresh($0, from: index) }
        }
        findings += carried.sorted(by: Finding.ordered) + stale.sorted(by: Finding.ordered)
        let fixed = SweepBaseline.settle(&findings, parts: parts, format: first.identity.baselineFormat)

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
            tally: FindingTally(findings), filesScanned: scanned, filesSkipped: skipped, linksNotFollowed: links,
            fixedSinceBaseline: fixed)
        summary.chartsRendered = charts
        summary.overlaysBuilt = overlays
        summary.patchesNotJudged = patches.sorted()
        summary.carriedFindings = carried.count
        summary.staleConfigurationFindings = stale.count
        var identity = first.identity
        identity.shard = nil
        return Merged(identity: identity, findings: findings, summary: summary)
    }

    /// Same tool, same scan, every shard exactly once.
    static func check(_ parts: [Part], toolVersion: String, thresholdGiven: Bool) throws(Failure) {
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

    private static func names(_ parts: [Part]) -> String {
        parts.map(\.name).joined(separator: ", ")
    }
}
