import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// The effective daemon configuration of one host: daemon.json merged with the flags of the unit's
/// last ExecStart after drop-ins, and DOCKER_OPTS. Unit and drop-in facts are built here the way
/// the systemd input is to build them (see DaemonOrigin).
@Suite struct DaemonMergeTests {
    static let cleanDaemonJSON = """
        {
          "userns-remap": "default",
          "live-restore": true,
          "icc": false,
          "no-new-privileges": true,
          "userland-proxy": false
        }
        """

    static func loc(_ path: String, _ line: Int, _ column: Int) -> SockAuditCore.SourceLocation {
        SockAuditCore.SourceLocation(path: path, line: line, column: column)
    }

    /// A unit or drop-in fact as the systemd input makes it: not complete, located at the file.
    static func unitFact(_ path: String, hosts: [(String, Int)] = [], resets: Bool = false, hasCommand: Bool = true) -> DaemonConfig {
        var config = DaemonConfig(subject: "dockerd in \(path)", location: loc(path, 3, 1), isComplete: false)
        config.origin = DaemonOrigin.locate(path)
        config.origin?.resetsExecStart = resets
        config.origin?.hasCommand = hasCommand
        config.hosts = hosts.map { Setting($0.0, at: loc(path, $0.1, 30), spelling: "-H \($0.0)") }
        return config
    }

    static func daemonJSON(_ path: String, _ text: String = cleanDaemonJSON) -> DaemonConfig {
        let facts = FileScanner(context: .inMemory([:])).scan(SourceFile(path: path, bytes: Array(text.utf8))).facts
        return facts.daemons[0]
    }

    static func run(_ daemons: [DaemonConfig]) -> [Finding] {
        Engine(rules: BuiltInRules.all).run(Facts(daemons: daemons))
    }

    @Test func dropInAddingPlainTCPToACleanDaemonJSONFiresSA102OnTheDropInLine() {
        let root = "hosts/web1"
        let file = Self.daemonJSON("\(root)/etc/docker/daemon.json")
        let unit = Self.unitFact("\(root)/lib/systemd/system/docker.service", hosts: [("fd://", 11)])
        let dropIn = Self.unitFact(
            "\(root)/etc/systemd/system/docker.service.d/tcp.conf", hosts: [("fd://", 3), ("tcp://0.0.0.0:2375", 3)], resets: true)
        let merged = DaemonMerge.merge([file, unit, dropIn], passedTogether: [])
        #expect(merged.count == 1)
        #expect(merged[0].isComplete)
        let findings = Self.run(merged)
        let tcp = findings.filter { $0.ruleID == "SA102" }
        #expect(tcp.map(\.location) == [Self.loc("\(root)/etc/systemd/system/docker.service.d/tcp.conf", 3, 30)])
        // The clean daemon.json still decides the rest: no missing-setting findings.
        #expect(findings.filter { ["SA201", "SA202", "SA203", "SA204", "SA207"].contains($0.ruleID) }.isEmpty)
    }

    @Test func cleanDaemonJSONAloneIsSilentOnTCP() {
        let findings = Self.run([Self.daemonJSON("etc/docker/daemon.json")])
        #expect(findings.filter { $0.ruleID.hasPrefix("SA") && $0.ruleID < "SA300" }.isEmpty)
    }

    @Test func anEmptyExecStartDropsTheUnitsFlagsAndTheLastCommandWins() {
        let unit = Self.unitFact("/lib/systemd/system/docker.service", hosts: [("tcp://0.0.0.0:2375", 11)])
        let reset = Self.unitFact("/etc/systemd/system/docker.service.d/10-local.conf", hosts: [("unix:///var/run/docker.sock", 3)], resets: true)
        let merged = DaemonMerge.merge([unit, reset], passedTogether: [])
        #expect(merged.count == 1)
        #expect(merged[0].hosts.map(\.value) == ["unix:///var/run/docker.sock"])
        #expect(!merged[0].isComplete, "no daemon.json was seen")
        #expect(Self.run(merged).filter { $0.ruleID == "SA102" }.isEmpty)
    }

    @Test func dropInsApplyInFileNameOrderAndAResetOnlyDropInLeavesNoCommand() {
        let unit = Self.unitFact("/lib/systemd/system/docker.service", hosts: [("fd://", 11)])
        let later = Self.unitFact("/etc/systemd/system/docker.service.d/20-tcp.conf", hosts: [("tcp://0.0.0.0:2375", 3)], resets: true)
        let earlier = Self.unitFact("/etc/systemd/system/docker.service.d/10-reset.conf", resets: true, hasCommand: false)
        let merged = DaemonMerge.merge([unit, later, earlier], passedTogether: [])
        #expect(merged[0].hosts.map(\.value) == ["tcp://0.0.0.0:2375"])

        let onlyReset = DaemonMerge.merge([unit, Self.unitFact("/etc/systemd/system/docker.service.d/zz.conf", resets: true, hasCommand: false)], passedTogether: [])
        #expect(onlyReset[0].hosts.isEmpty)
    }

    @Test func aUnitInEtcReplacesThePackagedOne() {
        let packaged = Self.unitFact("/lib/systemd/system/docker.service", hosts: [("tcp://0.0.0.0:2375", 11)])
        let local = Self.unitFact("/etc/systemd/system/docker.service", hosts: [("fd://", 11)])
        let merged = DaemonMerge.merge([packaged, local], passedTogether: [])
        #expect(merged[0].hosts.map(\.value) == ["fd://"])
    }

    @Test func anOptionSetAsFlagAndInDaemonJSONIsAConflictAtTheFlag() {
        let file = Self.daemonJSON("/etc/docker/daemon.json", """
            {
              "hosts": ["unix:///var/run/docker.sock"],
              "live-restore": true
            }
            """)
        let unit = Self.unitFact("/lib/systemd/system/docker.service", hosts: [("fd://", 11)])
        let merged = DaemonMerge.merge([file, unit], passedTogether: [])
        let conflicts = Self.run(merged).filter { $0.ruleID == "SA208" }
        #expect(conflicts.map(\.location) == [Self.loc("/lib/systemd/system/docker.service", 11, 30)])
        #expect(conflicts.first?.message.contains("/etc/docker/daemon.json line 2") == true)
    }

    @Test func hostsAreNotMixedAndLooseFilesMergeOnlyWhenPassedTogether() {
        let a = Self.daemonJSON("a/etc/docker/daemon.json")
        let b = Self.unitFact("b/etc/systemd/system/docker.service.d/tcp.conf", hosts: [("tcp://0.0.0.0:2375", 3)], resets: true)
        #expect(DaemonMerge.merge([a, b], passedTogether: []).count == 2)

        var loose = Self.daemonJSON("configs/daemon.json")
        loose.origin?.hostRoot = nil
        #expect(DaemonMerge.merge([loose, b], passedTogether: []).count == 2)
        let together = DaemonMerge.merge([loose, b], passedTogether: ["configs/daemon.json", b.location.path])
        #expect(together.count == 1)
        #expect(together[0].hosts.map(\.value) == ["tcp://0.0.0.0:2375"])

        let twoFiles = DaemonMerge.merge([Self.daemonJSON("x/daemon.json"), Self.daemonJSON("y/daemon.json")], passedTogether: ["x/daemon.json", "y/daemon.json"])
        #expect(twoFiles.count == 2, "two daemon.json files are two hosts")
    }

    @Test func defaultsFileFlagsMergeWithDaemonJSONInAFolderScan() throws {
        let tree = try TemporaryTree()
        try tree.write("host/etc/docker/daemon.json", Self.cleanDaemonJSON)
        try tree.write("host/etc/default/docker", """
            # Docker Upstart and SysVinit configuration file
            DOCKER_OPTS="--dns 8.8.8.8 -H tcp://0.0.0.0:2375"
            """)
        try tree.write("other/package.json", #"{"name": "web", "hosts": ["a"], "version": "1.0.0", "scripts": {}}"#)
        let result = try Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan([tree.path("host"), tree.path("other")])
        let tcp = result.findings.filter { $0.ruleID == "SA102" }
        #expect(tcp.count == 1)
        #expect(tcp.first?.location.path.hasSuffix("host/etc/default/docker") == true)
        #expect(tcp.first?.location.line == 2)
        #expect(tcp.first?.location.column == 28)
        #expect(result.findings.filter { ["SA201", "SA202", "SA901"].contains($0.ruleID) }.isEmpty)
        #expect(result.filesScanned["daemon"] == 2)
        #expect(!result.findings.contains { $0.location.path.hasSuffix("package.json") })
    }

    @Test func rootlessSocketSatisfiesSA201() {
        let file = Self.daemonJSON("daemon.json", #"{"hosts": ["unix:///run/user/1000/docker.sock"]}"#)
        #expect(Self.run([file]).filter { $0.ruleID == "SA201" }.isEmpty)
    }
}
