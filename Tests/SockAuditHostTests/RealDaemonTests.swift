import Foundation
import SockAuditCore
@testable import SockAuditHost
import SockAuditRules
import SockAuditScanner
import Testing

/// End to end against a real dockerd started by `scripts/test-daemon.sh start DIR` (which `.ci/run`
/// does). Runs only when SOCKAUDIT_TEST_DOCKER_SOCK names its live socket.
@Suite struct RealDaemonTests {
    static let socket = ProcessInfo.processInfo.environment["SOCKAUDIT_TEST_DOCKER_SOCK"] ?? ""

    @Test(.enabled(if: !RealDaemonTests.socket.isEmpty, "set SOCKAUDIT_TEST_DOCKER_SOCK to a live test daemon's socket"))
    func auditsTheTestDaemon() throws {
        // Named but not live is a broken CI setup, not a reason to skip.
        var socketInfo = stat()
        try #require(stat(Self.socket, &socketInfo) == 0 && (socketInfo.st_mode & S_IFMT) == S_IFSOCK,
                     "SOCKAUDIT_TEST_DOCKER_SOCK=\(Self.socket) is not a socket")
        let log = try Self.daemonLog()
        let logStart = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        let collection = HostProbes(options: HostProbeOptions(
            root: "/", endpoint: .unix(Self.socket), socketPath: Self.socket, timeout: 10)).collect()
        // The daemon's own debug log of the audit's requests: GET, and nothing else.
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: log))
        try handle.seek(toOffset: UInt64(logStart))
        let calls = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: "msg=\"Calling ") else { return nil }
                return String(line[range.upperBound...].prefix(while: { $0 != " " }))
            }
        #expect(!calls.isEmpty, "the daemon logged no API call: is it running with --debug?")
        #expect(Set(calls) == ["GET"], "\(calls)")
        #expect(collection.engineError == nil)
        // /_ping negotiated: Debian 12's dockerd 20.10.24 speaks 1.41.
        let apiVersion = try #require(collection.apiVersion)
        #expect(EngineClient.isVersion(apiVersion))
        let engine = try #require(collection.snapshot["engine"])
        #expect(engine["ping"]?["api-version"] == .string(apiVersion))
        let engineVersion = try #require(engine["version"]?["Version"]?.stringValue)
        #expect(!engineVersion.isEmpty)

        // The test containers were collected with their inspect JSON.
        guard case .array(let containers)? = collection.snapshot["containers"] else {
            Issue.record("no containers")
            return
        }
        let names = Set(containers.compactMap { $0["name"]?.stringValue })
        #expect(names.isSuperset(of: ["sa-socket", "sa-privileged", "sa-pidhost", "sa-sysadmin", "sa-seccomp", "sa-hardened"]))
        #expect(containers.allSatisfy { $0["inspect"]?["HostConfig"] != nil })
        let privileged = containers.first { $0["name"] == .string("sa-privileged") }
        #expect(privileged?["inspect"]?["HostConfig"]?["Privileged"] == .literal("true"))

        let path = "real.sockaudit-host.json"
        let findings = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: path, bytes: Array(collection.snapshot.rendered().utf8))]).findings

        // Every container judged as its inspect JSON would be; the hardened one is silent.
        func rules(of name: String) -> Set<String> {
            Set(findings.filter { $0.subject.contains("\"\(name)\"") }.map(\.ruleID))
        }
        #expect(rules(of: "sa-socket").contains("SA101"))
        #expect(rules(of: "sa-privileged").contains("SA301"))
        #expect(rules(of: "sa-pidhost").contains("SA401"))
        #expect(rules(of: "sa-sysadmin").contains("SA302"))
        #expect(rules(of: "sa-seccomp").contains("SA304"))
        #expect(rules(of: "sa-hardened").isEmpty, "\(findings.filter { $0.subject.contains("sa-hardened") }.map(\.message))")
        #expect(!rules(of: "sa-pidhost").contains("SA305"), "dockerd's own label=disable on --pid host is not the user's")

        // SA601 on the real versions: runc 1.1.5 on Debian 12 is Leaky Vessels.
        let components = engine["version"]?["Components"]
        if case .array(let parts)? = components,
           let runc = parts.first(where: { $0["Name"] == .string("runc") })?["Version"]?.stringValue,
           case .upstream(let version, _) = VersionReader.read(runc),
           version < RuntimeVersion(numbers: [1, 1, 12]) {
            #expect(findings.contains { $0.ruleID == "SA601" && $0.evidence.hasPrefix("CVE-2024-21626") })
        }
        #expect(findings.filter { $0.ruleID == "SA601" && $0.evidence == "unknown" }.isEmpty,
                "every component version was read: \(findings.filter { $0.evidence == "unknown" }.map(\.message))")

        // SA105 on the socket's real mode and owner.
        var info = stat()
        #expect(stat(Self.socket, &info) == 0)
        let mode = String(Int(info.st_mode & 0o7777), radix: 8)
        #expect(collection.snapshot["socket"]?["mode"]?.stringValue?.hasSuffix(mode) == true)
        let socketFindings = findings.filter { $0.ruleID == "SA105" }
        let modeIsFine = info.st_mode & 0o7777 & ~0o660 == 0
        #expect(socketFindings.contains { $0.subject == "docker.sock mode" } == !modeIsFine)
        #expect(findings.filter { $0.ruleID == "SA901" }.isEmpty, "\(findings.filter { $0.ruleID == "SA901" }.map(\.message))")
    }

    /// The log `scripts/test-daemon.sh` writes next to the socket.
    static func daemonLog() throws -> String {
        let folder = URL(fileURLWithPath: socket).deletingLastPathComponent().path
        let logs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("dockerd-") && $0.hasSuffix(".log") }
        return folder + "/" + (try #require(logs.sorted().last))
    }
}
