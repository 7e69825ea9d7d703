import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Files of one host scanned together are judged as the configuration dockerd would run with.
@Suite struct HostConfigurationMergeTests {
    static let cleanDaemonJSON = """
        {
          "userns-remap": "default",
          "live-restore": true,
          "icc": false,
          "no-new-privileges": true,
          "userland-proxy": false
        }
        """

    func scan(_ tree: TemporaryTree) throws -> [Finding] {
        try Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan([tree.root]).findings
    }

    @Test func dropInAddingPlainTCPFiresOnTheDropInLine() throws {
        let tree = try TemporaryTree()
        try tree.write("host/etc/docker/daemon.json", Self.cleanDaemonJSON)
        try tree.write("host/lib/systemd/system/docker.service", """
            [Service]
            ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
            """)
        try tree.write("host/etc/systemd/system/docker.service.d/override.conf", """
            [Service]
            ExecStart=
            ExecStart=/usr/bin/dockerd -H fd:// \\
                -H tcp://0.0.0.0:2375
            """)
        let findings = try scan(tree)
        let sa102 = findings.filter { $0.ruleID == "SA102" }
        #expect(sa102.map(\.location) == [SourceLocation(path: tree.path("host/etc/systemd/system/docker.service.d/override.conf"), line: 4, column: 5)])
        #expect(findings.filter { $0.ruleID.hasPrefix("SA20") }.isEmpty, "\(findings.map(\.message))")
    }

    @Test func resetWithoutCommandLeavesNoListener() throws {
        let tree = try TemporaryTree()
        try tree.write("host/etc/docker/daemon.json", Self.cleanDaemonJSON)
        try tree.write("host/lib/systemd/system/docker.service", """
            [Service]
            ExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375
            """)
        try tree.write("host/etc/systemd/system/docker.service.d/10-reset.conf", "[Service]\nExecStart=\n")
        try tree.write("host/etc/systemd/system/docker.service.d/20-run.conf", "[Service]\nExecStart=/usr/bin/dockerd -H fd://\n")
        #expect(try scan(tree).filter { $0.ruleID == "SA102" }.isEmpty)
    }

    @Test func flagAndDaemonJSONSettingTheSameOptionConflict() throws {
        let tree = try TemporaryTree()
        try tree.write("host/etc/docker/daemon.json", "{\n  \"hosts\": [\"unix:///var/run/docker.sock\"],\n  \"userns-remap\": \"default\"\n}\n")
        try tree.write("host/etc/default/docker", "DOCKER_OPTS=\"-H unix:///var/run/docker.sock\"\n")
        let conflicts = try scan(tree).filter { $0.ruleID == "SA208" }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.location.path.hasSuffix("etc/default/docker") == true)
    }
}
