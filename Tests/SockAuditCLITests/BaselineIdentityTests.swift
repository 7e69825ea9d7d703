import Foundation
import Testing

/// A baseline matches however the scan spells the path: from another folder, by absolute path,
/// with `./`, inside a git repository or not.
@Suite struct BaselineIdentityTests {
    static let manifest = """
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
        """

    /// `parent/repo/deploy/agent.yaml`, the repository a git one when asked.
    func makeTree(git: Bool) throws -> (parent: URL, repository: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-identity-\(UUID().uuidString)")
        let repository = parent.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("deploy"), withIntermediateDirectories: true)
        if git { try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true) }
        try Data(Self.manifest.utf8).write(to: repository.appendingPathComponent("deploy/agent.yaml"))
        return (parent, repository)
    }

    func entries(_ baseline: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(baseline.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2")
        return try #require(object["entries"] as? [[String: Any]])
    }

    func summary(_ run: CLIRun) -> String { run.stderr.split(separator: "\n").last.map(String.init) ?? "" }

    @Test func gitRepositoryBaselineMatchesFromEveryFolderAndSpelling() throws {
        let (parent, repository) = try makeTree(git: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let recorded = try CLI.run(["baseline", "."], in: repository)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let recordedEntries = try entries(recorded.stdout)
        #expect(!recordedEntries.isEmpty)
        // Paths are relative to the git top level, not to where the scan ran.
        #expect(Set(recordedEntries.compactMap { $0["path"] as? String }) == ["deploy/agent.yaml"])
        let baselineFile = parent.appendingPathComponent("baseline.json").path
        try Data(recorded.stdout.utf8).write(to: URL(fileURLWithPath: baselineFile))

        let spellings: [(arguments: [String], folder: URL)] = [
            (["."], repository),
            (["./deploy"], repository),
            (["repo"], parent),
            (["./repo/deploy/agent.yaml"], parent),
            ([repository.path], parent),
            ([repository.appendingPathComponent("deploy/agent.yaml").path], FileManager.default.temporaryDirectory),
            (["agent.yaml"], repository.appendingPathComponent("deploy")),
            (["../deploy/"], repository.appendingPathComponent("deploy")),
        ]
        for spelling in spellings {
            let run = try CLI.run(["scan"] + spelling.arguments + ["--baseline", baselineFile], in: spelling.folder)
            #expect(run.status == 0, "\(spelling.arguments) in \(spelling.folder.path): \(run.stdout)")
            #expect(summary(run).contains("(\(recordedEntries.count) in baseline)"), "\(spelling.arguments): \(run.stderr)")
            // The same finding has the same SARIF fingerprint in every spelling.
            let sarif = try CLI.run(["scan"] + spelling.arguments + ["--format", "sarif"], in: spelling.folder)
            let fingerprints = Set(recordedEntries.compactMap { $0["fingerprint"] as? String })
            for fingerprint in fingerprints {
                #expect(sarif.stdout.contains("\"sockaudit/v1\" : \"\(fingerprint)\""), "\(spelling.arguments)")
            }
        }
    }

    @Test func outsideGitPathsAreRelativeToTheScannedFolder() throws {
        let (parent, repository) = try makeTree(git: false)
        defer { try? FileManager.default.removeItem(at: parent) }
        let recorded = try CLI.run(["baseline", repository.path], in: parent)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(Set(try entries(recorded.stdout).compactMap { $0["path"] as? String }) == ["deploy/agent.yaml"])
        let baselineFile = parent.appendingPathComponent("baseline.json").path
        try Data(recorded.stdout.utf8).write(to: URL(fileURLWithPath: baselineFile))

        for (arguments, folder) in [(["."], repository), (["repo"], parent), (["./repo/"], parent)] {
            let run = try CLI.run(["scan"] + arguments + ["--baseline", baselineFile], in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stdout)")
        }
        // Another scanned folder is another identity: scanning `deploy` itself names the file
        // `agent.yaml`, which the baseline recorded as `deploy/agent.yaml`.
        let narrower = try CLI.run(["scan", "deploy", "--baseline", baselineFile], in: repository)
        #expect(narrower.status == 1)
    }

    @Test func aFormatOneBaselineStillMatchesTheSpellingItRecorded() throws {
        let (parent, repository) = try makeTree(git: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        // A version 1 baseline: the fingerprint over the path as the scan spelled it, then.
        let recorded = try CLI.run(["scan", "deploy/agent.yaml", "--format", "json"], in: repository)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(recorded.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        let legacy = findings.map { finding -> [String: Any] in
            let rule = finding["ruleId"] as? String ?? ""
            let subject = finding["subject"] as? String ?? ""
            let evidence = finding["evidence"] as? String ?? ""
            let path = (finding["location"] as? [String: Any])?["path"] as? String ?? ""
            #expect(path == "deploy/agent.yaml")
            return [
                "fingerprint": Self.fnv1a([rule, path, subject, evidence].joined(separator: "\u{1F}")),
                "ruleId": rule, "path": path, "subject": subject, "evidence": evidence, "message": "",
            ]
        }
        let baselineFile = parent.appendingPathComponent("v1.json")
        try JSONSerialization.data(withJSONObject: ["version": "1", "entries": legacy]).write(to: baselineFile)
        let run = try CLI.run(["scan", "deploy/agent.yaml", "--baseline", baselineFile.path], in: repository)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(summary(run).contains("(\(findings.count) in baseline)"), "\(run.stderr)")
    }

    /// FNV-1a 64-bit as hex, written out here so the test does not lean on the code it checks.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
