import Foundation
import SockAuditCore
import SockAuditReporters
import SockAuditRules
import SockAuditScanner
import Testing

/// A streamed report (findings written as the scan goes) has the bytes of the whole-result report
/// of the same scan, in every format.
@Suite struct StreamingReportTests {
    static let settings = [
        ReporterSettings(baseURI: Fixture.baseURI, tool: Fixture.tool),
        ReporterSettings(color: true, grouped: true, baseURI: Fixture.baseURI, tool: Fixture.tool),
    ]

    /// The reporters' own fixtures (hostile characters, suppressions, a baseline) through both paths.
    @Test(arguments: ReporterName.allCases)
    func fixturesGiveTheSameBytes(format: ReporterName) {
        for settings in Self.settings {
            for result in [Fixture.result, Fixture.gating, Fixture.empty, Self.hostile] {
                var streaming = format.streamingReporter(settings)
                #expect(streaming.render(result) == format.reporter(settings).render(result), "\(format)")
            }
        }
    }

    /// Control characters, quotes and markup in every string a report carries, and a finding of a
    /// rule the result does not list.
    static let hostile = Fixture.result([
        Fixture.finding("SA101", .high, path: "we\"ird\t/x\u{1}.yaml", line: 0, column: 0, message: "a\u{0}b\u{8}c\u{c}\r\n\\/</x>"),
        Fixture.finding("SA999", .info, path: "/abs/path", message: "é ✓ \u{2028} \u{7F}"),
        Fixture.finding("SA101", .critical, path: "../up.yaml", message: "%0A::error"),
    ], rules: [Fixture.socketMount])

    /// A real scan: the streamed report equals the whole-result report of `Scanner.scan`, with
    /// suppressions, a baseline, one host's daemon files merged, SA901 and paths whose walk order is
    /// not their sorted order (`a-b/` is walked after `a/` but sorts before it).
    @Test(arguments: ReporterName.allCases)
    func scanGivesTheSameBytes(format: ReporterName) throws {
        let tree = try Tree()
        let first = try Self.options(tree, baseline: nil)
        let recorded = try Scanner(options: first).scan([tree.root])
        // A baseline of some of today's findings: the rest are new, and one recorded entry is gone.
        var entries = recorded.findings.filter { $0.location.path.hasSuffix("deploy.yaml") }
        entries.append(Fixture.finding("SA301", path: tree.root + "/gone.yaml"))
        let options = try Self.options(tree, baseline: Baseline(findings: entries))
        let whole = try Scanner(options: options).scan([tree.root])
        #expect(whole.findings.contains { $0.ruleID == "SA901" })
        #expect(whole.findings.contains { $0.suppression != nil })
        #expect(whole.findings.contains { $0.isBaselined })
        #expect(whole.findings.contains { $0.subject.hasPrefix("dockerd configured by") })
        for settings in Self.settings {
            var bytes: [UInt8] = []
            let out = ReportStream { bytes += $0 }
            var streaming = format.streamingReporter(settings)
            streaming.begin(ReportStart(rules: options.rules.map { $0.description }, comparedWithBaseline: true), to: out)
            let summary = try Scanner(options: options).stream([tree.root]) { streaming.write($0, to: out) }
            streaming.end(summary, to: out)
            out.flush()
            let streamed = String(decoding: bytes, as: UTF8.self)
            let expected = format.reporter(settings).render(whole)
            #expect(streamed == expected, "\(format): \(Self.firstDifference(expected, streamed))")
            #expect(summary.tally == FindingTally(whole.findings))
            #expect(summary.filesScanned == whole.filesScanned && summary.filesSkipped == whole.filesSkipped)
            #expect(summary.fixedSinceBaseline == whole.fixedSinceBaseline)
        }
    }

    /// The streamed order is the documented one (path, line, column, rule) however many workers run.
    @Test func streamedOrderIsReportOrderWithAnyWorkers() throws {
        let tree = try Tree()
        for workers in [1, 2, 7] {
            var options = try Self.options(tree, baseline: nil)
            options.workers = workers
            var streamed: [Finding] = []
            _ = try Scanner(options: options).stream([tree.root]) { streamed.append($0) }
            #expect(streamed == streamed.sorted(by: Finding.ordered))
            #expect(streamed == (try Scanner(options: options).scan([tree.root])).findings)
        }
    }

    /// A tree several times larger than the window of files in flight, so the walk streams the
    /// files across many windows: at every level, names whose walk order is not their sorted order
    /// (`a`, `a-b`, `a.b`, `a0`: `a/` sorts after all of them), links followed into the tree (a
    /// folder reached by two paths is walked once), one host's daemon files far apart in the walk,
    /// a Kustomize patch (not judged), an excluded folder, and targets given out of order and
    /// overlapping. The streamed bytes are the whole-result reporter's, in every format, with one
    /// worker and with two.
    @Test func largeTreeStreamsAcrossWindows() throws {
        let folder = TemporaryFolder()
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: c, image: busybox, securityContext: {privileged: true}}

            """
        for repository in ["r0", "r1", "r1-x", "r1.x", "r2"] {
            for name in ["a", "a-b", "a.b", "a0", "a_b", "A"] {
                for index in 0..<24 {
                    try folder.write("\(repository)/\(name)/d\(index % 3)/p\(index).yaml", pod)
                }
                try folder.write("\(repository)/\(name)-run.sh", "#!/bin/sh\ndocker run -v /var/run/docker.sock:/var/run/docker.sock x\n")
                try folder.write("\(repository)/\(name)/skipped/p.yaml", pod)
            }
        }
        try folder.write("r2/host/etc/docker/daemon.json", "{\n  \"icc\": true\n}\n")
        try folder.write("r2/host/lib/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375\n")
        try folder.write("r2/host/etc/default/docker", "DOCKER_OPTS=\"--tlsverify=false\"\n")
        try folder.write("r0/kustomize/kustomization.yaml", "resources: [pod.yaml]\npatches:\n- path: patch.yaml\n")
        try folder.write("r0/kustomize/pod.yaml", pod)
        try folder.write("r0/kustomize/patch.yaml", pod)
        // `0link` is walked before `a` (which is then not walked again); `a.link` after it by
        // name but before it by path: the first walk's decision holds.
        #expect(symlink(folder.root + "/r1/a", folder.root + "/r1/0link") == 0)
        #expect(symlink(folder.root + "/r1/a", folder.root + "/r1/a.link") == 0)
        #expect(symlink(folder.root + "/r1/a0/d0/p0.yaml", folder.root + "/r1/p-link.yaml") == 0)
        let root = folder.root
        for targets in [[root], [root + "/r2", root + "/r1", root + "/r0/a", root + "/r1-x"]] {
            for workers in [1, 2] {
                var options = ScanOptions(excludes: ["skipped"], rules: BuiltInRules.all)
                options.workers = workers
                options.followSymlinks = true
                options.kustomize.enginePath = "none"
                let whole = try Scanner(options: options).scan(targets)
                // Several windows of 64 files per worker.
                #expect(whole.filesScanned.values.reduce(0, +) > 2 * 64 * workers)
                #expect(whole.findings.contains { $0.subject.hasPrefix("dockerd configured by") })
                #expect(whole.findings.contains { $0.location.path.hasSuffix("r1/0link/d0/p0.yaml") })
                #expect(!whole.findings.contains { $0.location.path.contains("r1/a.link/") })
                #expect(!whole.findings.contains { $0.location.path.hasSuffix("patch.yaml") || $0.location.path.contains("skipped") })
                for format in ReporterName.allCases {
                    let settings = Self.settings[0]
                    var bytes: [UInt8] = []
                    let out = ReportStream { bytes += $0 }
                    var streaming = format.streamingReporter(settings)
                    streaming.begin(ReportStart(rules: options.rules.map { $0.description }, comparedWithBaseline: false), to: out)
                    let summary = try Scanner(options: options).stream(targets) { streaming.write($0, to: out) }
                    streaming.end(summary, to: out)
                    out.flush()
                    let expected = format.reporter(settings).render(whole)
                    let streamed = String(decoding: bytes, as: UTF8.self)
                    let difference = Self.firstDifference(expected, streamed)
                    #expect(difference == "same", "\(format) \(targets.count) \(workers)")
                    #expect(summary.filesScanned == whole.filesScanned && summary.filesSkipped == whole.filesSkipped)
                    #expect(summary.linksNotFollowed == whole.linksNotFollowed && summary.patchesNotJudged == whole.patchesNotJudged)
                }
            }
        }
    }

    static func options(_ tree: Tree, baseline: Baseline?) throws -> ScanOptions {
        var configuration = Configuration()
        configuration.suppressions = [PathSuppression(
            paths: ["run.sh"], rules: ["SA308"], reason: "build hosts run as root by design", expires: nil,
            location: SourceLocation(path: tree.root + "/.sockaudit.yml", line: 3, column: 3))]
        return ScanOptions(rules: BuiltInRules.all, configuration: configuration, today: "2026-01-01", baseline: baseline)
    }

    /// A tree in the shapes real repositories take.
    final class Tree {
        let folder = TemporaryFolder()
        var root: String { folder.root }

        init() throws {
            try folder.write("a/deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        # sockaudit-ignore SA301: the agent needs the devices
                        securityContext: {privileged: true}
                        volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]
                      volumes:
                      - {name: s, hostPath: {path: /var/run/docker.sock}}
                """)
            try folder.write("a-b/compose.yaml", """
                services:
                  agent:
                    image: agent:1
                    # sockaudit-ignore SA101
                    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
                  db:
                    image: postgres:16
                    network_mode: host
                """)
            try folder.write("a/broken.yaml", "apiVersion: v1\nkind: Pod\nkind: Pod\n")
            try folder.write("scripts/run.sh", "#!/bin/sh\ndocker run -d --privileged -p 2375:2375 agent\nsocat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock\n")
            try folder.write("host/etc/docker/daemon.json", "{\n  \"icc\": true,\n  \"hosts\": [\"unix:///var/run/docker.sock\"]\n}\n")
            try folder.write("host/etc/systemd/system/docker.service", "[Service]\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2375\n")
            try folder.write("host/etc/zz.sh", "#!/bin/sh\ndocker run -v /:/host alpine\n")
            try folder.write("host/aa.sh", "#!/bin/sh\nexport DOCKER_HOST=tcp://10.0.0.1:2375\n")
            try folder.write("z/ci.yml", """
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker run --rm -v /var/run/docker.sock:/var/run/docker.sock scanner
                """)
            try folder.write("z/.github/workflows/ci.yml", """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker run --rm -v /var/run/docker.sock:/var/run/docker.sock scanner
                """)
        }
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) {
            let wanted = index < want.count ? String(want[index]) : "<end>"
            let gotten = index < got.count ? String(got[index]) : "<end>"
            if wanted != gotten { return "line \(index + 1): expected \(wanted) got \(gotten)" }
        }
        return "same"
    }
}

/// A folder of files made for one test and removed after it.
final class TemporaryFolder {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-stream-\(UUID().uuidString)").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
