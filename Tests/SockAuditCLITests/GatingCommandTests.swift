import Foundation
import Testing

/// The adoption path the README promises: baseline, suppress with a reason, fail only on new findings.
@Suite struct GatingCommandTests {
    func makeRepository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-gate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("deploy"), withIntermediateDirectories: true)
        try Data("""
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              containers:
              - name: agent
                image: example/agent
                volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]
              volumes:
              - name: s
                hostPath: {path: /var/run/docker.sock}
            """.utf8).write(to: root.appendingPathComponent("deploy/agent.yaml"))
        return root
    }

    @Test func baselineThenFailOnlyOnNewFindings() throws {
        let repository = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let baseline = try CLI.run(["baseline", "."], in: repository)
        #expect(baseline.status == 0)
        try Data(baseline.stdout.utf8).write(to: repository.appendingPathComponent(".sockaudit-baseline.json"))
        #expect(try CLI.run(["scan", ".", "--baseline", ".sockaudit-baseline.json"], in: repository).status == 0)

        // A change adds a privileged container: only that fails the run.
        let manifest = repository.appendingPathComponent("deploy/agent.yaml")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "    image: example/agent\n", with: "    image: example/agent\n    securityContext: {privileged: true}\n")
        try Data(("# moved\n" + text).utf8).write(to: manifest)
        let run = try CLI.run(["scan", ".", "--baseline", ".sockaudit-baseline.json", "--format", "json"], in: repository)
        #expect(run.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.filter { ($0["baselined"] as? Bool) != true }.map { $0["ruleId"] as? String } == ["SA301"])
    }

    @Test func suppressionWithAReasonAndConfigurationErrors() throws {
        let repository = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        try Data("""
            suppressions:
              - paths: [deploy/agent.yaml]
                rules: [runtime-socket-mount]
                reason: the agent lists containers; reviewed in SEC-7
            rules:
              disable: [SA303, SA306, SA307, SA308, SA501, SA502]
            """.utf8).write(to: repository.appendingPathComponent(".sockaudit.yml"))
        let clean = try CLI.run(["scan", "deploy"], in: repository)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("suppressed"))
        #expect(clean.stderr.contains("(1 suppressed)"))
        #expect(try CLI.run(["scan", "deploy", "--no-suppress"], in: repository).status == 1)

        try Data("rules:\n  disable: [SA777]\nfail_on: high\n".utf8).write(to: repository.appendingPathComponent(".sockaudit.yml"))
        let broken = try CLI.run(["scan", "deploy"], in: repository)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".sockaudit.yml:2:13: unknown rule \"SA777\""))
        #expect(broken.stderr.contains(".sockaudit.yml:3:1: unknown key \"fail_on\""))
    }
}
