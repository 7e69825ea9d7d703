import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// The path a finding is known by across runs: relative to the git top level, else to the scanned
/// folder, through symbolic links in the folders above it.
@Suite struct PathIdentityTests {
    func identities(_ targets: [String]) -> Set<String> {
        let result = try? Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan(targets)
        return Set((result?.findings ?? []).map { $0.identityPath ?? $0.location.path })
    }

    @Test func aLinkToTheRepositoryIsTheRepository() throws {
        let tree = try TemporaryTree()
        try tree.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        try tree.write("repo/deploy/pod.yaml", ScannerTests.socketPod)
        try FileManager.default.createSymbolicLink(atPath: tree.path("link"), withDestinationPath: tree.path("repo"))
        #expect(identities([tree.path("repo")]) == ["deploy/pod.yaml"])
        #expect(identities([tree.path("link/deploy")]) == ["deploy/pod.yaml"])
        #expect(identities([tree.path("link/deploy/../deploy/pod.yaml")]) == ["deploy/pod.yaml"])
    }

    @Test func aGitFileMarksAWorktreeOrSubmoduleTopLevel() throws {
        let tree = try TemporaryTree()
        try tree.write("outer/.git/HEAD", "ref: refs/heads/main\n")
        try tree.write("outer/vendor/inner/.git", "gitdir: ../../.git/modules/inner\n")
        try tree.write("outer/vendor/inner/k8s/pod.yaml", ScannerTests.socketPod)
        #expect(identities([tree.path("outer")]) == ["k8s/pod.yaml"])
    }

    @Test func outsideGitTheNearestScannedFolderCounts() throws {
        let tree = try TemporaryTree()
        try tree.write("a/b/pod.yaml", ScannerTests.socketPod)
        #expect(identities([tree.path("a")]) == ["b/pod.yaml"])
        #expect(identities([tree.path("a/b/pod.yaml")]) == ["pod.yaml"])
        // Two targets, one inside the other: each file by the folder nearest to it.
        #expect(identities([tree.path("a"), tree.path("a/b")]) == ["pod.yaml"])
    }

    @Test func inMemoryScansKeepTheirPaths() {
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: "deploy/pod.yaml", bytes: Array(ScannerTests.socketPod.utf8))])
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.identityPath == nil })
    }
}
