import Foundation
import Testing

/// A sweep in four shards, each its own process, merged: the same bytes, summary and exit code as
/// one scan of the whole tree, in every format.
@Suite struct SweepCommandTests {
    static let formats = ["text", "json", "sarif", "junit", "github", "markdown", "html"]
    /// The formats `--max-results` caps.
    static let limited: Set<String> = ["sarif", "github", "markdown"]
    static let shards = 4
    static let environment = ["SOCKAUDIT_TODAY": "2026-06-01"]

    /// Sixteen repositories in the shapes a sweep meets: Compose with `.env` and `extends`, Kubernetes,
    /// scripts, CI, a host layout whose daemon.json and drop-in merge, inline suppressions with and
    /// without a reason, a broken file (SA901), a link not followed, files out of scope; and a
    /// `.sockaudit.yml` beside them whose suppressions are used in one repository, in none, or expired.
    /// Repositories of one kind hold the same files, as forks and templates do.
    static func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-sweep-\(UUID().uuidString)")
        let examples = CLI.repositoryRoot.appendingPathComponent("examples")
        func write(_ relative: String, _ text: String) throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func copy(_ example: String, to relative: String) throws {
            try write(relative, try String(contentsOf: examples.appendingPathComponent(example), encoding: .utf8))
        }
        for index in 0..<16 {
            let repo = "repos/service-\(index)"
            try write("\(repo)/README.md", "# service \(index)\n")
            // Half are clones (a `.git` each), whose files are known across runs relative to their
            // own top level: the same file in two clones has one fingerprint, as in a real sweep.
            if index % 2 == 0 { try write("\(repo)/.git/HEAD", "ref: refs/heads/main\n") }
            switch index % 4 {
            case 0:
                try copy("compose/docker-compose.yml", to: "\(repo)/docker-compose.yml")
                try write("\(repo)/.env", "DOCKER_SOCK=/run/user/1000/docker.sock\n")
                try write("\(repo)/compose.override.yaml", """
                    services:
                      worker:
                        extends: {file: docker-compose.yml, service: updater}
                        privileged: true
                    """)
            case 1:
                try copy("kubernetes/ci-runner.yaml", to: "\(repo)/deploy/ci-runner.yaml")
                try copy("kubernetes/node-agent.yaml", to: "\(repo)/deploy/node-agent.yaml")
                try write("\(repo)/deploy/broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n")
                if index == 1 {
                    // A Kustomize overlay: built by the engine when there is one (the summary line
                    // counts it, and so must the merge), SA901 when there is none.
                    try write("\(repo)/overlay/base/kustomization.yaml", "resources: [agent.yaml]\n")
                    try write("\(repo)/overlay/base/agent.yaml", """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: agent}
                        spec:
                          containers:
                            - name: agent
                              image: alpine:3.20
                              volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                          volumes:
                            - {name: sock, hostPath: {path: /var/run/docker.sock}}
                        """)
                    try write("\(repo)/overlay/prod/kustomization.yaml", "resources: [../base]\nnamePrefix: prod-\n")
                }
            case 2:
                try copy("daemon/etc/docker/daemon.json", to: "\(repo)/host/etc/docker/daemon.json")
                try write("\(repo)/host/etc/systemd/system/docker.service.d/override.conf", """
                    [Service]
                    ExecStart=
                    ExecStart=/usr/bin/dockerd -H fd:// -H tcp://0.0.0.0:2376 --icc=true
                    """)
                try copy("inspect/web.json", to: "\(repo)/inspect/web.json")
            default:
                try copy("scripts/run-agent.sh", to: "\(repo)/scripts/run-agent.sh")
                try copy("ci/.github/workflows/build.yml", to: "\(repo)/.github/workflows/build.yml")
                try write("\(repo)/scripts/tunnel.sh", """
                    #!/bin/sh
                    # sockaudit:ignore SA107 -- the tunnel listens on the loopback bridge of the build VM only
                    socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock
                    # sockaudit:ignore SA101
                    docker run -v /var/run/docker.sock:/var/run/docker.sock alpine:3.20 true
                    """)
                try FileManager.default.createSymbolicLink(
                    atPath: root.appendingPathComponent("\(repo)/scripts/current").path, withDestinationPath: "run-agent.sh")
            }
        }
        try write(".sockaudit.yml", """
            suppressions:
              - paths: ["repos/service-5/deploy/**"]
                rules: [SA401]
                reason: the node agent of service 5 reads host processes by design (SEC-12)
              - paths: ["repos/retired/**"]
                reason: the retired service is being removed
              - paths: ["repos/service-9/**"]
                rules: [SA101]
                reason: temporary, until the proxy lands
                expires: 2026-01-31
            """)
        return root
    }

    struct Run: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let run = try CLI.run(arguments, in: folder, environment: environment)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    /// Scans each shard in its own process, then checks the merge against one scan in every format,
    /// with each of `options` (report options both take; --max-results only where it applies).
    static func expectMergeEqualsSingleRun(_ tree: URL, extra: [String], options: [[String]]) throws {
        var reports: [String] = []
        var scannedByShards = 0
        for index in 0..<shards {
            let report = "shard-\(index).json"
            let shard = try run(["scan", "repos", "--shard", "\(index)/\(shards)", "--format", "json", "--output", report] + extra, in: tree)
            #expect(shard.status != 2, "shard \(index): \(shard.stderr)")
            #expect(shard.stderr.hasPrefix("sockaudit: shard \(index)/\(shards) of a sweep: scanned "))
            let scanned = try #require(Int(shard.stderr.split(separator: " ")[7]))
            #expect(scanned > 0, "shard \(index) scanned nothing: the hash does not spread 16 repositories")
            scannedByShards += scanned
            reports.append(report)
        }
        // Cross-shard facts were really settled: the suppression used only in service-5's shard is
        // "unused" in the other shards' own reports, and not in the merged one.
        let texts = try reports.map { try String(contentsOf: tree.appendingPathComponent($0), encoding: .utf8) }
        let unused = "unused suppression of SA401 in repos/service-5/deploy/**"
        #expect(texts.filter { $0.contains(unused) }.count == shards - 1)
        #expect(texts.filter { $0.contains("expired on 2026-01-31") }.count == shards)
        for format in formats {
          for given in options where limited.contains(format) || !given.contains("--max-results") {
            let single = try run(["scan", "repos", "--format", format] + extra + given, in: tree)
            let merged = try run(["merge"] + reports + ["--format", format] + given, in: tree)
            #expect(merged == single, "\(format) \(extra) \(given): merge differs from the single run")
            #expect(single.status == 1 || single.status == 3 || single.status == 0)
            if given.contains("--min-severity") {
                #expect(single.stderr.contains("below --min-severity"), "\(format) \(given): nothing was narrowed")
            }
            if given.contains("--max-results") {
                #expect(single.stderr.contains("--max-results sets the limit"), "\(format) \(given): nothing was cut")
            }
            if format == "text" && given.isEmpty {
                let total = try #require(Int(single.stderr.split(separator: " ")[2]))
                #expect(total == scannedByShards)
                #expect(!single.stdout.contains(unused))
                #expect(single.stdout.contains("expired on 2026-01-31"))
                #expect(single.stderr.contains("4 symbolic links not followed"))
                #expect(single.stderr.contains("suppressed"))
                if extra.contains("--baseline") { #expect(single.stderr.contains("fixed since baseline")) }
            }
          }
        }
        for report in reports { try FileManager.default.removeItem(at: tree.appendingPathComponent(report)) }
    }

    @Test func fourShardsMergeToTheSingleRunInEveryFormat() throws {
        let tree = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        try Self.expectMergeEqualsSingleRun(
            tree, extra: [],
            options: [
                [], ["--fail-on", "critical"], ["--min-severity", "high"],
                ["--min-severity", "medium", "--max-results", "3", "--fail-on", "high"],
            ])

        // Compared with a baseline: one repository's findings fixed since, one new finding, and a
        // new clone of a repository the baseline knows: its findings share their fingerprints with
        // the four recorded clones, so one scan matches the first four in report order, and the
        // fifth is new, though each shard matched all it saw.
        let baseline = try Self.run(["baseline", "repos"], in: tree)
        #expect(baseline.status == 0)
        try Data(baseline.stdout.utf8).write(to: tree.appendingPathComponent("baseline.json"))
        try FileManager.default.removeItem(at: tree.appendingPathComponent("repos/service-2/inspect"))
        try Data("docker run --privileged alpine:3.20\n".utf8)
            .write(to: tree.appendingPathComponent("repos/service-7/scripts/new.sh"))
        try FileManager.default.copyItem(
            at: tree.appendingPathComponent("repos/service-4"), to: tree.appendingPathComponent("repos/service-16"))
        try Self.expectMergeEqualsSingleRun(tree, extra: ["--baseline", "baseline.json"], options: [[]])
    }

    @Test func refusesReportsThatAreNotOneSweep() throws {
        let tree = try Self.makeTree()
        defer { try? FileManager.default.removeItem(at: tree) }
        for index in 0..<2 {
            _ = try Self.run(["scan", "repos", "--shard", "\(index)/3", "--format", "json", "--output", "a\(index).json"], in: tree)
        }
        _ = try Self.run(["scan", "repos", "--shard", "2/3", "--format", "json", "--output", "other.json", "--exclude", "*.sh"], in: tree)
        _ = try Self.run(["scan", "repos", "--format", "json", "--output", "whole.json"], in: tree)

        let missing = try Self.run(["merge", "a0.json", "a1.json"], in: tree)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "sockaudit: cannot merge\nmissing shard 2/3\n")

        let twice = try Self.run(["merge", "a0.json", "a1.json", "a1.json"], in: tree)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("shard 1/3 is given more than once (overlapping): a1.json, a1.json"))
        #expect(twice.stderr.contains("missing shard 2/3"))

        let different = try Self.run(["merge", "a0.json", "a1.json", "other.json"], in: tree)
        #expect(different.status == 2)
        #expect(different.stderr.contains("the reports come from different scans"))
        #expect(different.stderr.contains("other.json"))

        let whole = try Self.run(["merge", "a0.json", "whole.json"], in: tree)
        #expect(whole.stderr.contains("not part of a sweep (scanned without --shard): whole.json"))

        var text = try String(contentsOf: tree.appendingPathComponent("a1.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": \"", with: "\"version\": \"9.")
        try Data(text.utf8).write(to: tree.appendingPathComponent("newer.json"))
        let version = try Self.run(["merge", "a0.json", "newer.json"], in: tree)
        #expect(version.status == 2)
        #expect(version.stderr.contains("other sockaudit versions than this one"))
        #expect(version.stderr.contains(": newer.json"))

        _ = try Self.run(["scan", "repos", "--shard", "2/3", "--format", "json", "--output", "narrowed.json", "--min-severity", "high"], in: tree)
        let narrowed = try Self.run(["merge", "a0.json", "a1.json", "narrowed.json"], in: tree)
        #expect(narrowed.status == 2)
        #expect(narrowed.stderr == """
            sockaudit: cannot merge
            written with --min-severity, so findings are missing: narrowed.json; scan the shards without it and give --min-severity to the merge

            """)

        let notJSON = try Self.run(["merge", ".sockaudit.yml"], in: tree)
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.hasPrefix("sockaudit: cannot merge\n.sockaudit.yml: not a sockaudit JSON report"))

        let badShard = try Self.run(["scan", "repos", "--shard", "3/3"], in: tree)
        #expect(badShard.status == 2)
        #expect(badShard.stderr.contains("3/3"))
    }
}
