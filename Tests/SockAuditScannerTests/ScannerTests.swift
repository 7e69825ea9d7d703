import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

@Suite struct ScannerTests {
    static let socketPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: a
            volumeMounts: [{name: s, mountPath: /s}]
          volumes:
          - {name: s, hostPath: {path: /var/run/docker.sock}}
        """

    func scan(_ targets: [String], excludes: [String] = [], maxFileSize: Int = 1 << 20) throws -> ScanResult {
        try Scanner(options: ScanOptions(excludes: excludes, maxFileSize: maxFileSize, rules: BuiltInRules.all)).scan(targets)
    }

    @Test func walksFoldersSkipsGitAndCountsOutOfScope() throws {
        let tree = try TemporaryTree()
        try tree.write("k8s/pod.yaml", Self.socketPod)
        try tree.write(".git/config.yaml", Self.socketPod)
        try tree.write("src/main.swift", "print(\"/var/run/docker.sock\")")
        try tree.write("docs/notes.yaml", "title: not a manifest\n")
        let result = try scan([tree.root])
        #expect(result.filesScanned == ["k8s": 1])
        #expect(result.filesSkipped == 2)
        let sa101 = result.findings.filter { $0.ruleID == "SA101" }
        #expect(sa101.map(\.location.path) == [tree.path("k8s/pod.yaml")])
        #expect(sa101.first?.location.line == 9)
    }

    @Test func excludeGlobsMatchRelativePathsAndNames() throws {
        let tree = try TemporaryTree()
        try tree.write("a/pod.yaml", Self.socketPod)
        try tree.write("vendor/x/pod.yaml", Self.socketPod)
        try tree.write("b/test-pod.yaml", Self.socketPod)
        let result = try scan([tree.root], excludes: ["vendor", "test-*.yaml"])
        #expect(Set(result.findings.map(\.location.path)) == [tree.path("a/pod.yaml")])
    }

    @Test func helmChartWithoutAnEngineIsReportedOnceNotPerTemplate() throws {
        let tree = try TemporaryTree()
        try tree.write("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
        try tree.write("chart/templates/a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.x }}\n")
        try tree.write("chart/templates/b.yaml", "{{- if .Values.y }}\nkind: Pod\n{{- end }}\n")
        try tree.write("chart/crds/crd.yaml", Self.socketPod)
        var options = ScanOptions(rules: BuiltInRules.all)
        options.helm.pythonPrefixes = []
        let result = try Scanner(options: options).scan([tree.root])
        let notices = result.findings.filter { $0.ruleID == "SA901" }
        #expect(notices.count == 1)
        #expect(notices.first?.location.path == tree.path("chart/Chart.yaml"))
        #expect(notices.first?.message.contains("helm template \(tree.path("chart")) | sockaudit scan -") == true)
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.path.hasSuffix("crds/crd.yaml") })
    }

    @Test func oversizedAndUnreadableFilesAreSA901NotDropped() throws {
        let tree = try TemporaryTree()
        try tree.write("big.yaml", String(repeating: "# padding\n", count: 200))
        let locked = try tree.write("locked.yaml", Self.socketPod)
        chmod(locked, 0)
        let result = try scan([tree.root], maxFileSize: 1_000)
        let sa901 = result.findings.filter { $0.ruleID == "SA901" }
        #expect(sa901.contains { $0.location.path.hasSuffix("big.yaml") && $0.message.contains("over the 1000-byte limit") })
        if getuid() == 0 {
            // Root reads past the mode bits: the file is scanned, not lost.
            #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.path.hasSuffix("locked.yaml") })
        } else {
            #expect(sa901.contains { $0.location.path.hasSuffix("locked.yaml") && $0.message.contains("could not be read") })
        }
    }

    @Test func fifosAndSymlinksAreNeverOpened() throws {
        let tree = try TemporaryTree()
        try tree.write("real/pod.yaml", Self.socketPod)
        #expect(mkfifo(tree.path("pipe.yaml"), 0o644) == 0)
        #expect(symlink(tree.path("real"), tree.path("link")) == 0)
        #expect(symlink("/etc/passwd", tree.path("outside.yaml")) == 0)
        let result = try scan([tree.root])
        #expect(result.filesScanned == ["k8s": 1])
        #expect(result.filesSkipped == 1)
        #expect(result.linksNotFollowed == [tree.path("link"), tree.path("outside.yaml")])
        #expect(Set(result.findings.map(\.location.path)) == [tree.path("real/pod.yaml")])
    }

    @Test func missingPathIsAnErrorOfTheRun() {
        #expect(throws: ScanError.pathNotFound("/nonexistent/sockaudit")) {
            try scan(["/nonexistent/sockaudit"])
        }
    }

    @Test func standardInputIsScannedAsAFile() throws {
        let result = try Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(["-"], standardInput: { Array(Self.socketPod.utf8) })
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location == SourceLocation(path: "-", line: 9, column: 32) })
    }

    @Test func invalidUTF8AndBinaryAreReportedWithPositions() throws {
        let tree = try TemporaryTree()
        try Data([0x61, 0x3A, 0x20, 0x0A, 0x62, 0xFF]).write(to: URL(fileURLWithPath: tree.path("bad.yaml")))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: URL(fileURLWithPath: tree.path("elf.yml")))
        let result = try scan([tree.root])
        let bad = result.findings.first { $0.location.path.hasSuffix("bad.yaml") }
        #expect(bad?.ruleID == "SA901")
        #expect(bad.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (2, 2))
        #expect(result.findings.first { $0.location.path.hasSuffix("elf.yml") }?.message.contains("binary") == true)
    }

    @Test func utf16WithBOMIsRead() throws {
        let tree = try TemporaryTree()
        var data = Data([0xFF, 0xFE])
        data.append(Self.socketPod.data(using: .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: tree.path("utf16.yaml")))
        let result = try scan([tree.root])
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.line == 9 })
    }

    @Test func outputOrderIsDeterministic() throws {
        let tree = try TemporaryTree()
        for name in ["c", "a", "b"] { try tree.write("\(name).yaml", Self.socketPod) }
        let first = try scan([tree.root]).findings
        let second = try scan([tree.root]).findings
        #expect(first == second)
        #expect(first == first.sorted(by: Finding.ordered))
        #expect(first.first?.location.path == tree.path("a.yaml"))
    }

    @Test func parallelScanIsByteForByteTheSequentialOne() throws {
        let tree = try TemporaryTree()
        for index in 0..<60 {
            let text = index % 7 == 0 ? "apiVersion: v1\nkind: Pod\nspec: [broken\n" : Self.socketPod
            try tree.write("d\(index % 5)/pod\(index).yaml", text)
        }
        var options = ScanOptions(rules: BuiltInRules.all)
        options.workers = 1
        let sequential = try Scanner(options: options).scan([tree.root])
        options.workers = 6
        let parallel = try Scanner(options: options).scan([tree.root])
        #expect(sequential.findings == parallel.findings)
        #expect(sequential.filesScanned == parallel.filesScanned)
        #expect(sequential.findings.count > 60 * 6)
    }

    @Test func progressCountsEveryFileAndFinding() throws {
        let tree = try TemporaryTree()
        for index in 0..<10 { try tree.write("pod\(index).yaml", Self.socketPod) }
        try tree.write("notes.md", "# not in scope")
        let seen = Locked<[ScanProgress.Snapshot]>([])
        var options = ScanOptions(rules: BuiltInRules.all)
        options.progress = ScanProgress { snapshot in seen.mutate { $0.append(snapshot) } }
        let result = try Scanner(options: options).scan([tree.root])
        let last = try #require(seen.value.max { $0.filesDone < $1.filesDone })
        #expect(last.filesDone == 11 && last.filesFound == 11)
        #expect(last.findings == result.findings.count)
    }

    @Test func aValueThatCannotBeReadIsPartlyScannedNotSkipped() {
        let script = "#!/bin/sh\necho 'unclosed\ndocker run --privileged alpine\n"
        let findings = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: "deploy.sh", bytes: Array(script.utf8))]).findings
        let sa901 = findings.filter { $0.ruleID == "SA901" }
        #expect(sa901.count == 1)
        #expect(sa901.first?.message.hasPrefix("partly scanned: ") == true, "\(sa901.map(\.message))")
        #expect(sa901.first?.location.line == 2)
        #expect(findings.contains { $0.ruleID == "SA301" && $0.location.line == 3 })
    }
}

/// A value shared with a callback that may run on any thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ change: (inout Value) -> Void) { lock.lock(); change(&stored); lock.unlock() }
}
