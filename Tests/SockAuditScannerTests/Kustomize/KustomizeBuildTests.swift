import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Overlays built by the real engine, judged on what they build, and every finding moved back to
/// the base, component, patch file or inline patch that wrote it.
@Suite struct KustomizeBuildTests {
    static func tree(_ files: [String: String]...) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        for set in files {
            for (path, text) in set { try tree.write(path, text) }
        }
        return tree
    }

    static func scan(_ paths: [String], builder: (any KustomizeBuilder)?, enginePath: String? = nil) throws -> ScanResult {
        var options = ScanOptions(rules: BuiltInRules.all)
        options.kustomize = KustomizeSettings(enginePath: enginePath ?? (builder == nil ? "none" : nil))
        options.kustomize.builder = builder
        return try Scanner(options: options).scan(paths)
    }

    static func line(_ finding: Finding, relativeTo tree: TemporaryTree) -> String {
        "\(finding.location.path.dropFirst(tree.root.count + 1)):\(finding.location.line):\(finding.location.column) \(finding.ruleID)"
    }

    static let containerDefaults: Set<String> = ["SA303", "SA306", "SA307", "SA308", "SA501", "SA502"]

    @Test func findingsPointAtTheFileAndLineThatDeclaredThem() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        let tree = try Self.tree(KustomizeFixtures.base, KustomizeFixtures.production)
        let result = try Self.scan([tree.root], builder: engine)
        #expect(result.findings.filter { !Self.containerDefaults.contains($0.ruleID) }.map { Self.line($0, relativeTo: tree) } == [
            // The socket mount is the base's, renamed by the overlay (nameSuffix, namespace).
            "deploy/base/deployment.yaml:21:19 SA101",
            // A component's strategic-merge patch.
            "deploy/components/host-network/host-network.yaml:8:20 SA402",
            // A JSON 6902 patch file: the operation's value.
            "deploy/overlays/production/host-pid.yaml:3:10 SA401",
            // An inline JSON 6902 patch inside kustomization.yaml: its line in that file.
            "deploy/overlays/production/kustomization.yaml:28:16 SA403",
            // A strategic-merge patch file: the value it sets.
            "deploy/overlays/production/privileged.yaml:11:25 SA301",
        ])
        // A setting no layer writes is reported at the container, where the base declares it.
        let defaults = result.findings.filter { Self.containerDefaults.contains($0.ruleID) }
        #expect(defaults.count == 6)
        #expect(defaults.allSatisfy { Self.line($0, relativeTo: tree).hasPrefix("deploy/base/deployment.yaml:10:11 ") })
        #expect(result.findings.first { $0.ruleID == "SA101" }?.message.contains("Deployment/ci/ci-runner-prod") == true)
        #expect(result.overlaysBuilt == [engine.engineName: 1])
        #expect(result.filesScanned["kustomize"] == 1)
        #expect(result.patchesNotJudged.isEmpty, "patches are judged as part of the build")
        #expect(!result.findings.contains { $0.ruleID == "SA901" })
    }

    @Test func overlaysThatShareABaseReportItsFindingOnceNamingThem() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        let tree = try Self.tree(KustomizeFixtures.base, KustomizeFixtures.production, KustomizeFixtures.staging)
        let result = try Self.scan([tree.root], builder: engine)
        let production = tree.path("deploy/overlays/production")
        let staging = tree.path("deploy/overlays/staging")
        // Staging removes the socket: the base's mount is reported for production only.
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(socket.message.hasSuffix(" [overlay: \(production)]"))
        #expect(result.findings.filter { $0.ruleID == "SA101" }.count == 1)
        let memory = result.findings.filter { $0.ruleID == "SA501" }
        #expect(memory.count == 1)
        #expect(memory.first?.message.hasSuffix(" [every overlay: \(production), \(staging)]") == true)
        #expect(result.overlaysBuilt == [engine.engineName: 2])
        #expect(!result.findings.contains { $0.location.path.hasSuffix("no-socket.yaml") })
    }

    @Test func sameTreeSameFindings() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        let tree = try Self.tree(KustomizeFixtures.base, KustomizeFixtures.production, KustomizeFixtures.staging)
        let first = try Self.scan([tree.root], builder: engine)
        let second = try Self.scan([tree.root], builder: engine)
        #expect(first.findings == second.findings)
    }

    @Test func aSingleOverlayScannedOnItsOwnReadsItsBaseOutsideTheFolder() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        let tree = try Self.tree(KustomizeFixtures.base, KustomizeFixtures.production)
        let result = try Self.scan([tree.path("deploy/overlays/production")], builder: engine)
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(socket.location.line == 21)
        #expect(Discovery.realPath(socket.location.path) == Discovery.realPath(tree.path("deploy/base/deployment.yaml")))
    }

    @Test func aSuppressionInTheBaseCoversTheBuiltFinding() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        var base = KustomizeFixtures.base
        base["deploy/base/deployment.yaml"] = base["deploy/base/deployment.yaml"]!.replacingOccurrences(
            of: "        path: /var/run/docker.sock\n",
            with: "        path: /var/run/docker.sock # sockaudit:ignore SA101 -- the runner builds images for this cluster only\n")
        let tree = try Self.tree(base, KustomizeFixtures.production)
        let result = try Self.scan([tree.root], builder: engine)
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(socket.suppression != nil)
        #expect(!result.findings.contains { $0.ruleID == "SA903" })
    }

    @Test func aBuildErrorIsSA901AtTheEntryItNamesAndTheBaseIsStillScanned() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        var production = KustomizeFixtures.production
        production["deploy/overlays/production/privileged.yaml"] = nil
        let tree = try Self.tree(KustomizeFixtures.base, production)
        let result = try Self.scan([tree.root], builder: engine)
        let failure = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(failure, relativeTo: tree) == "deploy/overlays/production/kustomization.yaml:13:5 SA901")
        #expect(failure.message.hasPrefix("partly scanned: Kustomize could not build overlay"))
        #expect(failure.message.contains("privileged.yaml"))
        #expect(!failure.message.contains("sockaudit-kustomize."), "the temporary kustomization is not named")
        // Its manifests are judged as written.
        #expect(result.findings.contains { $0.ruleID == "SA101" && Self.line($0, relativeTo: tree) == "deploy/base/deployment.yaml:21:19 SA101" })
        #expect(result.overlaysBuilt.isEmpty)
    }

    @Test func helmChartsInAKustomizationSayWhatToDoAtTheirEntry() throws {
        guard let engine = KustomizeTestEngine.required() else { return }
        let tree = try Self.tree([
            "deploy/monitoring/kustomization.yaml": """
                namespace: monitoring
                resources:
                  - namespace.yaml
                helmCharts:
                  - name: node-agent
                    repo: https://charts.example.com/stable
                    version: 2.1.0
                    releaseName: agent
                    valuesInline:
                      hostNetwork: true

                """,
            "deploy/monitoring/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: monitoring\n",
        ])
        let result = try Self.scan([tree.root], builder: engine)
        let failure = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(failure, relativeTo: tree) == "deploy/monitoring/kustomization.yaml:5:5 SA901")
        #expect(failure.message.contains("helmCharts entry \"node-agent\" from https://charts.example.com/stable is inflated only by kustomize build --enable-helm with a helm executable"))
        #expect(failure.message.contains("helm pull --repo https://charts.example.com/stable node-agent --untar --untardir charts"))
        #expect(failure.message.hasSuffix("kubectl kustomize --enable-helm \(tree.path("deploy/monitoring")) | sockaudit scan -"))
    }

    /// A remote base is never fetched: an engine that is asked to build fails the test.
    struct NeverBuilds: KustomizeBuilder {
        let engineName = "never"
        func build(folder: String) -> KustomizeBuildOutcome {
            Issue.record("a tree with a remote base was built")
            return .failed("built")
        }
    }

    @Test func aRemoteBaseIsReportedAndNotFetched() throws {
        let tree = try Self.tree(KustomizeFixtures.base, [
            "deploy/overlays/edge/kustomization.yaml": """
                resources:
                  - ../../base
                  - github.com/example-org/platform//deploy/runner?ref=v1.4.0
                  - https://raw.example.com/manifests/v2/install.yaml

                """,
        ])
        let result = try Self.scan([tree.root], builder: NeverBuilds())
        let remote = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(remote, relativeTo: tree) == "deploy/overlays/edge/kustomization.yaml:3:5 SA901")
        #expect(remote.message.contains("github.com/example-org/platform//deploy/runner?ref=v1.4.0"))
        #expect(remote.message.contains("not fetch"))
        #expect(result.findings.contains { Self.line($0, relativeTo: tree) == "deploy/base/deployment.yaml:21:19 SA101" })
    }

    @Test func withoutAnEngineTheOverlayIsPartlyScannedAndSaysSo() throws {
        let tree = try Self.tree(KustomizeFixtures.base, KustomizeFixtures.production)
        var options = ScanOptions(rules: BuiltInRules.all)
        options.kustomize = KustomizeSettings(environment: ["PATH": tree.root])
        let result = try Scanner(options: options).scan([tree.root])
        let notBuilt = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(notBuilt, relativeTo: tree) == "deploy/overlays/production/kustomization.yaml:1:1 SA901")
        #expect(notBuilt.message.contains("no Kustomize engine was found"))
        #expect(notBuilt.message.contains("--kustomize-engine"))
        #expect(notBuilt.message.contains("kubectl kustomize \(tree.path("deploy/overlays/production")) | sockaudit scan -"))
        #expect(result.patchesNotJudged.contains(tree.path("deploy/overlays/production/privileged.yaml")))
        #expect(result.findings.contains { Self.line($0, relativeTo: tree) == "deploy/base/deployment.yaml:21:19 SA101" })
        #expect(result.overlaysBuilt.isEmpty)
    }

    @Test func aBaseThatOnlyListsResourcesNeedsNoEngine() throws {
        let tree = try Self.tree(KustomizeFixtures.base)
        let result = try Self.scan([tree.root], builder: nil)
        #expect(!result.findings.contains { $0.ruleID == "SA901" }, "a plain scan of its files is what it builds")
        #expect(result.findings.contains { $0.ruleID == "SA101" })
    }

    @Test func anEngineThatCannotBeRunIsAnErrorOfTheRun() throws {
        let tree = try Self.tree(KustomizeFixtures.base)
        #expect(throws: ScanError.kustomizeEngine("--kustomize-engine: \(tree.path("nothing-here")): no such file")) {
            try Self.scan([tree.root], builder: nil, enginePath: tree.path("nothing-here"))
        }
    }
}

@Suite struct KustomizationReadingTests {
    @Test(arguments: [
        ("github.com/example-org/platform//deploy?ref=v1", true),
        ("https://github.com/example-org/platform/deploy", true),
        ("git@github.com:example-org/platform.git//deploy", true),
        ("gitlab.example.com/team/infra/base?ref=main", true),
        ("../../base", false),
        ("deployment.yaml", false),
        ("v1.2/manifests", true),
        ("missing-folder/deployment.yaml", false),
    ])
    func remoteEntries(entry: String, remote: Bool) {
        #expect(Kustomization.isRemote(entry) == remote)
    }

    @Test func relativePaths() {
        #expect(KustomizeExecutable.relative("/srv/repo/deploy/prod", from: "/tmp/sockaudit-kustomize.x") == "../../srv/repo/deploy/prod")
        #expect(KustomizeExecutable.relative("/tmp/a/b", from: "/tmp/a") == "b")
    }

    @Test func engineMessagesLoseTheLogPrefixAndTheTemporaryFolder() {
        let errors = """
            # Warning: 'commonLabels' is deprecated. Please use 'labels' instead.
            E1207 15:42:57.419654   16749 run.go:72] "command failed" err=<
            \taccumulating resources: accumulation err='accumulating resources from '../srv/prod': '/srv/prod' must resolve to a file': recursed accumulation of path '/srv/prod': trouble configuring builtin PatchTransformer with config: `
            \tpath: missing.yaml
            \t`: failed to get the patch file from path(missing.yaml)
             >
            """
        #expect(KustomizeExecutable.message(errors, status: 1)
            == "trouble configuring builtin PatchTransformer with config: ` path: missing.yaml `: failed to get the patch file from path(missing.yaml)")
        #expect(KustomizeExecutable.message("Error: no such file\n", status: 1) == "no such file")
        #expect(KustomizeExecutable.message("", status: 3) == "the engine exited with status 3")
    }

    @Test func originPathsAreTakenLexically() {
        #expect(KustomizeBuildScan.normalized("/tmp/x/../../srv/repo/./base/d.yaml") == "/srv/repo/base/d.yaml")
    }
}
