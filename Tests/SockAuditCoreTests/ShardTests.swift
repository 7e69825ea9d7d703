import Testing
import SockAuditCore

@Suite struct ShardTests {
    @Test func parsesIndexOverCount() {
        #expect(Shard(parsing: "0/4") == Shard(index: 0, count: 4))
        #expect(Shard(parsing: "3/4")?.description == "3/4")
        for bad in ["4/4", "-1/4", "1/0", "1", "1/2/3", "a/b", "", "/4", "1/"] {
            #expect(Shard(parsing: bad) == nil, "\(bad)")
        }
    }

    /// Written out, so a change of hash (or a per-process seeded one) fails here, not in a sweep that
    /// scans some repositories twice and others never.
    @Test func ownersAreStableAcrossRunsAndMachines() {
        let names = ["api", "billing", "ci-runner", "docs", "service-0", "service-1", "service-2", "web"]
        #expect(names.map { Shard.owner(of: $0, count: 4) } == Self.pinnedOwners)
        #expect(names.map { Shard.owner(of: $0, count: 1) } == Array(repeating: 0, count: names.count))
    }

    static let pinnedOwners = [3, 3, 2, 3, 2, 2, 1, 1]

    @Test func everyUnitHasExactlyOneOwnerAndTheyAreSpread() {
        let units = (0..<400).map { "repo-\($0)" }
        var perShard = [0, 0, 0, 0]
        for unit in units {
            let owners = (0..<4).filter { Shard(index: $0, count: 4)!.owns(unit) }
            #expect(owners.count == 1)
            perShard[owners[0]] += 1
        }
        #expect(perShard.allSatisfy { $0 > 70 }, "\(perShard)")
    }

    @Test func unitsAreTheTopEntriesOfOneFolder() {
        let units = SweepUnits(paths: ["./repos/"])
        #expect(units.splitsFolder)
        #expect(units.unit(of: "repos/api/deploy/pod.yaml") == "api")
        #expect(units.unit(of: "./repos/api") == "api")
        #expect(units.unit(of: "repos/top.yaml") == "top.yaml")
        // A host laid out at the top is one unit: its daemon.json and units merge.
        #expect(units.unit(of: "repos/etc/docker/daemon.json") == units.unit(of: "repos/lib/systemd/system/docker.service"))
        #expect(units.unit(of: "/elsewhere/base.yml") == "/elsewhere/base.yml")
        let current = SweepUnits(paths: ["."])
        #expect(current.unit(of: "api/pod.yaml") == "api")
        #expect(current.unit(of: "/abs/x.yaml") == "/abs/x.yaml")
    }

    @Test func unitsAreThePathsNamed() {
        let units = SweepUnits(paths: ["a", "a/b", "c.yaml", "-"])
        #expect(!units.splitsFolder)
        #expect(units.unit(of: "a/x.yaml") == "a")
        #expect(units.unit(of: "a/b/x.yaml") == "a/b")
        #expect(units.unit(of: "c.yaml") == "c.yaml")
        #expect(units.unit(of: "-") == "-")
        #expect(units.unit(of: "ab/x.yaml") == "ab/x.yaml")
    }
}
