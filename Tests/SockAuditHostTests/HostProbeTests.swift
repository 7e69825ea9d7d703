import Foundation
import SockAuditCore
@testable import SockAuditHost
import SockAuditRules
import SockAuditScanner
import Testing

/// Local probes on a fake root, and the snapshot they write judged through the scanner.
@Suite struct HostProbeTests {
    static func write(_ root: String, _ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func scan(_ snapshot: JSONValue, path: String = "t.sockaudit-host.json") -> [Finding] {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: path, bytes: Array(snapshot.rendered().utf8))]).findings
    }

    @Test func symlinksAreFollowedInsideTheRootOnly() throws {
        let base = temporaryDirectory()
        let root = base + "/root"
        try Self.write(base, "/outside/group", "docker:x:1:mallory\n")
        try Self.write(root, "/srv/group", "docker:x:2:alice\n")
        try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        // ../../ climbs to the root and stops there; an absolute target starts again at the root.
        try FileManager.default.createSymbolicLink(atPath: root + "/etc/group", withDestinationPath: "../../../outside/group")
        try FileManager.default.createSymbolicLink(atPath: root + "/etc/absolute", withDestinationPath: "/srv/group")
        let files = RootedFileSystem(root: root)
        #expect(throws: HostProbeError.self) { _ = try files.readText("/etc/group") }
        #expect(try files.readText("/etc/absolute") == "docker:x:2:alice\n")
        #expect(files.resolve("/etc/group") == root + "/outside/group")
    }

    @Test func mountTablesAndAuditRules() {
        let mountinfo = """
            22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            30 22 0:25 / /var/lib/docker rw,relatime shared:2 - xfs /dev/sdb1 rw
            31 22 0:26 / /mnt/with\\040space rw - tmpfs tmpfs rw
            """
        let mounts = HostProbes.mountPoints(mountinfo: mountinfo)
        #expect(mounts == ["/", "/var/lib/docker", "/mnt/with space"])
        #expect(HostProbes.longestPrefix("/var/lib/docker", in: mounts) == "/var/lib/docker")
        #expect(HostProbes.longestPrefix("/var/lib/docker-other", in: mounts) == "/")
        #expect(HostProbes.auditWatches("""
            # CIS 1.1.3
            -w /usr/bin/dockerd -p rwxa -k docker
            -a always,exit -F path=/usr/bin/runc -F perm=x -k docker
            -a exit,always -F dir=/etc/docker -k docker
            """) == ["/usr/bin/dockerd", "/usr/bin/runc", "/etc/docker"])
    }

    @Test func aMountedImageIsAuditedFromItsFiles() throws {
        let root = temporaryDirectory()
        try Self.write(root, "/etc/group", "root:x:0:\ndocker:x:998:alice, bob\n")
        try Self.write(root, "/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
        try Self.write(root, "/etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n")
        try Self.write(root, "/usr/bin/dockerd", "")
        try Self.write(root, "/etc/docker/daemon.json", "{\"data-root\": \"/var/lib/docker\"}\n")
        try Self.write(root, "/etc/audit/rules.d/docker.rules", "-w /usr/bin/dockerd -k docker\n")
        let collection = HostProbes(options: HostProbeOptions(root: root, endpoint: nil, socketPath: "/var/run/docker.sock")).collect()
        let snapshot = collection.snapshot
        #expect(snapshot["engine"] == nil)
        #expect(snapshot["socket"]?["missing"] == .bool(true))
        let findings = Self.scan(snapshot)
        #expect(findings.filter { $0.ruleID == "SA106" }.map(\.evidence) == ["alice", "bob"])
        #expect(findings.filter { $0.ruleID == "SA603" }.map(\.evidence) == ["/etc/docker", "/etc/docker/daemon.json"])
        #expect(findings.contains { $0.ruleID == "SA602" && $0.message.contains("/etc/fstab") })
        // Nothing read is taken as safe: the versions are unknown.
        #expect(findings.filter { $0.ruleID == "SA601" && $0.evidence == "unknown" }.count == 4)
        #expect(findings.allSatisfy { $0.location.line > 0 && $0.location.column > 0 })
        if case .array(let daemonFiles)? = snapshot["daemonFiles"] {
            #expect(daemonFiles.first?["text"] == .string("{\"data-root\": \"/var/lib/docker\"}\n"))
        } else {
            Issue.record("no daemonFiles")
        }
        // The host's daemon.json is judged under its own path, as a file scanned on its own would be.
        #expect(findings.contains { $0.ruleID == "SA201" && $0.location == SourceLocation(path: "/etc/docker/daemon.json", line: 1, column: 1) })
    }

    @Test func theHostsGitLabRunnerConfigurationIsJudgedUnderItsPath() throws {
        let root = temporaryDirectory()
        try Self.write(root, "/etc/gitlab-runner/config.toml", "[[runners]]\n  name = \"ci\"\n  [runners.docker]\n    privileged = true\n")
        let snapshot = HostProbes(options: HostProbeOptions(root: root, endpoint: nil, socketPath: "/var/run/docker.sock")).collect().snapshot
        let findings = Self.scan(snapshot)
        #expect(findings.contains { $0.ruleID == "SA301" && $0.location == SourceLocation(path: "/etc/gitlab-runner/config.toml", line: 4, column: 18) })
    }

    @Test func aPlainTCPDaemonThatAnswersIsSA102AtTheProbe() throws {
        let ok = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\n"
        let json = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"
        let server = try TestServer(replies: [
            [.text(ok + "OK")], [.text(json + "{}")], [.text(json + "{}")], [.text(json + "[]")],
        ])
        defer { server.stop() }
        let endpoint = EngineEndpoint.tcp(host: "127.0.0.1", port: server.port!)
        let collection = HostProbes(options: HostProbeOptions(
            root: temporaryDirectory(), endpoint: endpoint, socketPath: nil, timeout: 2)).collect()
        #expect(collection.apiVersion == "1.41")
        #expect(server.requests.allSatisfy { $0.hasPrefix("GET ") })
        let findings = Self.scan(collection.snapshot).filter { $0.ruleID == "SA102" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("answered /_ping over plain TCP") == true)
        #expect(findings.first?.location.line == 6)  // the endpoint's "address" key
    }

    @Test func podmanShapesAreRead() {
        let snapshot = JSONValue.object([
            .init("sockauditHostSnapshot", .string("1.0")),
            .init("engine", .object([
                .init("version", .object([
                    .init("Version", .string("4.3.1")),
                    .init("KernelVersion", .string("6.6.15")),
                    .init("Components", .array([
                        .object([.init("Name", .string("Podman Engine")), .init("Version", .string("4.3.1"))]),
                        .object([.init("Name", .string("OCI Runtime (crun)")), .init("Version", .string("crun version 1.8.1"))]),
                    ])),
                ])),
            ])),
        ])
        // Podman is not Docker Engine and runs crun, not runc or containerd: nothing unknown to report.
        #expect(Self.scan(snapshot).filter { $0.ruleID == "SA601" }.isEmpty)
    }
}
