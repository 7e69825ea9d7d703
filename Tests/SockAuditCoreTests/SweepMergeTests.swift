import Testing
import SockAuditCore

/// What a merge settles that no single shard can know.
@Suite struct SweepMergeTests {
    static let units = SweepUnits(paths: ["repos"])

    /// A repository name owned by shard `index` of 2.
    static func repo(ownedBy index: Int) -> String {
        (0...).lazy.map { "repo-\($0)" }.first { Shard.owner(of: $0, count: 2) == index }!
    }

    static func finding(_ rule: String, _ path: String, line: Int = 1, suppression: Suppression? = nil) -> Finding {
        Finding(
            ruleID: rule, slug: "slug", severity: .high, message: "m", location: SourceLocation(path: path, line: line, column: 1),
            subject: "s", evidence: "e", suppression: suppression)
    }

    static func part(
        _ index: Int, _ findings: [Finding], fixed: [BaselineEntry] = [], stale: Int = 0, baseline: String? = nil
    ) -> SweepMerge.Part {
        var summary = ScanSummary(
            tally: FindingTally(), filesScanned: ["k8s": index + 1], filesSkipped: 2,
            linksNotFollowed: ["repos/\(repo(ownedBy: index))/link"], fixedSinceBaseline: fixed)
        summary.staleConfigurationFindings = stale
        return SweepMerge.Part(
            name: "shard-\(index).json", toolVersion: "1.0.0",
            identity: ScanIdentity(
                paths: ["repos"], shard: Shard(index: index, count: 2), settings: "fp", failOn: .low,
                comparedWithBaseline: baseline != nil, baselineFormat: baseline),
            findings: findings, summary: summary)
    }

    @Test func gathersCountsAndFindings() throws {
        let a = Self.finding("SA101", "repos/\(Self.repo(ownedBy: 0))/pod.yaml")
        let b = Self.finding("SA301", "repos/\(Self.repo(ownedBy: 1))/pod.yaml")
        let merged = try SweepMerge.merge([Self.part(1, [b]), Self.part(0, [a])], toolVersion: "1.0.0")
        #expect(merged.findings == [a, b].sorted(by: Finding.ordered))
        #expect(merged.summary.filesScanned == ["k8s": 3])
        #expect(merged.summary.filesSkipped == 4)
        #expect(merged.summary.linksNotFollowed.count == 2)
        #expect(merged.summary.tally.activeCount == 2)
        #expect(merged.identity.shard == nil)
        #expect(merged.identity.paths == ["repos"])
    }

    @Test func aConfigurationSuppressionUsedInAnyShardIsNotStale() throws {
        let used = Suppression(reason: "r", source: ".sockaudit.yml:3", kind: .external)
        let suppressed = Self.finding("SA101", "repos/\(Self.repo(ownedBy: 0))/pod.yaml", suppression: used)
        let staleThere = Self.finding("SA903", ".sockaudit.yml", line: 3)
        let staleEverywhere = Self.finding("SA903", ".sockaudit.yml", line: 9)
        let merged = try SweepMerge.merge(
            [Self.part(0, [suppressed, staleEverywhere], stale: 1), Self.part(1, [staleThere, staleEverywhere], stale: 2)],
            toolVersion: "1.0.0")
        #expect(merged.findings == [suppressed, staleEverywhere])
        #expect(merged.summary.staleConfigurationFindings == 1)
    }

    @Test func aFindingSeenByEveryShardIsReportedOnce() throws {
        let outside = Self.finding("SA101", "/srv/shared/base.yml")
        let merged = try SweepMerge.merge([Self.part(0, [outside]), Self.part(1, [outside])], toolVersion: "1.0.0")
        #expect(merged.findings == [outside])
    }

    /// Each shard lists as fixed every entry it did not find itself; fixed are those no shard found.
    @Test func fixedEntriesAreThoseNoShardFound() throws {
        func baselined(_ finding: Finding) -> Finding {
            var finding = finding
            finding.isBaselined = true
            return finding
        }
        let inZero = baselined(Self.finding("SA101", "repos/\(Self.repo(ownedBy: 0))/a.yaml"))
        let inOne = baselined(Self.finding("SA301", "repos/\(Self.repo(ownedBy: 1))/b.yaml"))
        let gone = BaselineEntry(Self.finding("SA102", "repos/\(Self.repo(ownedBy: 1))/c.yaml"))
        let merged = try SweepMerge.merge(
            [
                Self.part(0, [inZero], fixed: [BaselineEntry(inOne), gone].sorted(), baseline: "2"),
                Self.part(1, [inOne], fixed: [BaselineEntry(inZero), gone].sorted(), baseline: "2"),
            ], toolVersion: "1.0.0")
        #expect(merged.summary.fixedSinceBaseline == [gone])
        #expect(merged.findings == [inZero, inOne].sorted(by: Finding.ordered))
        #expect(merged.summary.tally.baselined == 2)
    }

    /// Two repositories' files known by the same identity path (each relative to its own git top
    /// level) share a fingerprint: a baseline that recorded it once matches only the first in report
    /// order in a single scan, though each shard matched its own.
    @Test func anEntryMatchedInSeveralShardsMatchesOnceAsInOneScan() throws {
        func shared(_ repo: String, baselined: Bool) -> Finding {
            var finding = Self.finding("SA101", "repos/\(repo)/compose.yaml")
            finding.identityPath = "compose.yaml"
            finding.isBaselined = baselined
            return finding
        }
        let first = [Self.repo(ownedBy: 0), Self.repo(ownedBy: 1)].min()!
        let second = [Self.repo(ownedBy: 0), Self.repo(ownedBy: 1)].max()!
        let owner = { (repo: String) in Shard.owner(of: repo, count: 2) }
        let parts = [first, second].map { repo in Self.part(owner(repo), [shared(repo, baselined: true)], baseline: "2") }
        let merged = try SweepMerge.merge(parts, toolVersion: "1.0.0")
        #expect(merged.findings == [shared(first, baselined: true), shared(second, baselined: false)])
        #expect(merged.summary.fixedSinceBaseline.isEmpty)
        #expect(merged.summary.tally.activeCount == 1)

        // Recorded twice, found once: the other entry is fixed, whichever shard did not find it.
        let entry = BaselineEntry(shared(first, baselined: true))
        let once = try SweepMerge.merge(
            [
                Self.part(owner(first), [shared(first, baselined: true)], fixed: [entry], baseline: "2"),
                Self.part(owner(second), [], fixed: [entry, entry], baseline: "2"),
            ], toolVersion: "1.0.0")
        #expect(once.summary.fixedSinceBaseline == [entry])
        #expect(once.findings == [shared(first, baselined: true)])
    }

    @Test func refusesWhatIsNotOneSweep() {
        func failure(_ parts: [SweepMerge.Part], _ version: String = "1.0.0") -> String {
            do {
                _ = try SweepMerge.merge(parts, toolVersion: version)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(failure([Self.part(0, [])]) == "missing shard 1/2")
        #expect(failure([Self.part(0, []), Self.part(0, []), Self.part(1, [])])
            == "shard 0/2 is given more than once (overlapping): shard-0.json, shard-0.json")
        #expect(failure([Self.part(0, []), Self.part(1, [])], "2.0.0").hasPrefix(
            "the reports come from other sockaudit versions than this one (2.0.0): sockaudit 1.0.0: shard-0.json, shard-1.json"))
        var other = Self.part(1, [])
        other.identity.settings = "other"
        #expect(failure([Self.part(0, []), other]).hasPrefix("the reports come from different scans"))
        var threeWay = Self.part(1, [])
        threeWay.identity.shard = Shard(index: 1, count: 3)
        #expect(failure([Self.part(0, []), threeWay]).hasPrefix("the reports split the sweep differently"))
        var whole = Self.part(1, [])
        whole.identity.shard = nil
        #expect(failure([Self.part(0, []), whole]).contains("not part of a sweep (scanned without --shard): shard-1.json"))
    }
}
