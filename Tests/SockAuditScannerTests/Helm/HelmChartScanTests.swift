import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

@Suite struct HelmChartScanTests {
    static func tree(_ files: [String: String]...) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        for set in files {
            for (path, text) in set { try tree.write(path, text) }
        }
        return tree
    }

    static func scan(_ paths: [String], renderer: (any ChartRenderer)?, settings: HelmSettings = HelmSettings()) throws -> ScanResult {
        var options = ScanOptions(rules: BuiltInRules.all)
        options.helm = settings
        options.helm.renderer = renderer
        // No engine: discovery finds none where nothing is searched.
        if renderer == nil { options.helm.pythonPrefixes = [] }
        return try Scanner(options: options).scan(paths)
    }

    static func line(_ finding: Finding, relativeTo tree: TemporaryTree) -> String {
        "\(finding.location.path.dropFirst(tree.root.count + 1)):\(finding.location.line):\(finding.location.column) \(finding.ruleID)"
    }

    @Test func findingsPointAtTheTemplateLineThatWroteTheValue() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.agent)
        let result = try Self.scan([tree.root], renderer: engine)
        let lines = result.findings.filter { $0.ruleID != "SA303" && $0.ruleID != "SA306" && $0.ruleID != "SA307" && $0.ruleID != "SA308" && $0.ruleID != "SA501" && $0.ruleID != "SA502" }
            .map { Self.line($0, relativeTo: tree) }
        #expect(lines == [
            "agent/Chart.yaml:8:5 SA901",
            // The subchart renders with its parent and points at its own template.
            "agent/charts/builder/templates/deployment.yaml:12:25 SA301",
            // `include` of a named template: the include's line here, never _helpers.tpl.
            "agent/templates/daemonset.yaml:16:7 SA402",
            // `toYaml . | nindent` under `with .Values.securityContext`: the toYaml line.
            "agent/templates/daemonset.yaml:22:13 SA301",
            // The template's directive names SA405, which nothing at its lines raises: unused.
            "agent/templates/daemonset.yaml:38:13 SA903",
            // A static key whose value is an action: the value's column.
            "agent/templates/daemonset.yaml:39:19 SA101",
            // A `range` over values: the line in the range body.
            "agent/templates/daemonset.yaml:45:19 SA405",
        ])
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(socket.message.hasSuffix("(the value comes from \(tree.path("agent/values.yaml")):6)"))
        let privileged = try #require(result.findings.first { $0.ruleID == "SA301" && $0.location.path.hasSuffix("daemonset.yaml") })
        #expect(privileged.message.hasSuffix("(the value comes from \(tree.path("agent/values.yaml")):8)"))
        let proc = try #require(result.findings.first { $0.ruleID == "SA405" })
        #expect(proc.message.hasSuffix("(the value comes from \(tree.path("agent/values.yaml")):11)"))
        let missing = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(missing.message.contains("\"redis\" (18.1.0 from https://charts.example.com/stable)"))
        #expect(missing.message.contains("helm dependency build"))
        // Switched off by its condition, or by its only tag: Helm would not render them either.
        #expect(result.findings.filter { $0.ruleID == "SA901" }.count == 1)
        #expect(!result.findings.contains { $0.message.contains("postgresql") || $0.message.contains("\"metrics\"") })
        // Written by a named template: the include line here, and the named template's own line and value.
        let hostNetwork = try #require(result.findings.first { $0.ruleID == "SA402" })
        #expect(hostNetwork.message.hasSuffix(
            "(written by the named template \"agent.hostNamespaces\" at \(tree.path("agent/templates/_helpers.tpl")):12) "
                + "(the value comes from \(tree.path("agent/values.yaml")):12)"))
        #expect(result.filesScanned["helm"] == 1)
        #expect(result.chartsRendered == [engine.engineName: 1])
        // The container sits at its `- name:` line; nothing points past the template's last line.
        let container = try #require(result.findings.first { $0.ruleID == "SA501" && $0.location.path.hasSuffix("daemonset.yaml") })
        #expect((container.location.line, container.location.column) == (18, 11))
    }

    @Test func aDependencySwitchedOnByTheUserIsReportedMissing() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.agent)
        var settings = HelmSettings()
        settings.sets = ["tags.monitoring=true", "redis.enabled=false"]
        let result = try Self.scan([tree.root], renderer: engine, settings: settings)
        let missing = result.findings.filter { $0.ruleID == "SA901" }
        #expect(missing.map { Self.line($0, relativeTo: tree) } == ["agent/Chart.yaml:16:5 SA901"])
        #expect(missing.first?.message.contains("its dependency \"metrics\" (1.0.0) is listed") == true)
    }

    /// The shapes of promtail, Falco and the node exporter: the pod built in a named template and
    /// included, a `range` over host paths inside a nested named template, `range $_, $m :=` lists.
    @Test func valuesInsideNamedTemplatesAndRangesCiteTheirOwnLines() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.collector)
        let result = try Self.scan([tree.root], renderer: engine)
        let judged = result.findings.filter { !["SA303", "SA306", "SA307", "SA308", "SA501", "SA502"].contains($0.ruleID) }
        let values = tree.path("collector/values.yaml")
        let pod = tree.path("collector/templates/_pod.tpl")
        #expect(judged.map { Self.line($0, relativeTo: tree) + " " + Self.cited($0) } == [
            // Everything the named template wrote sits at the include line of the DaemonSet.
            "collector/templates/daemonset.yaml:10:5 SA101 \(pod):33 \(values):8",
            "collector/templates/daemonset.yaml:10:5 SA301 \(pod):13 \(values):3",
            "collector/templates/daemonset.yaml:10:5 SA401 \(pod):7 \(values):1",
            "collector/templates/daemonset.yaml:10:5 SA405 \(pod):33 \(values):10",
            // `range $_, $mount :=` in the template itself: each item its own line.
            "collector/templates/sidecar.yaml:20:19 SA101 - \(values):15",
            "collector/templates/sidecar.yaml:20:19 SA405 - \(values):13",
        ])
    }

    /// The named template's line and the values line a finding's message cites ("-" for none).
    static func cited(_ finding: Finding) -> String {
        func after(_ marker: String, until end: String) -> String? {
            guard let start = finding.message.range(of: marker) else { return nil }
            let rest = finding.message[start.upperBound...]
            return rest.range(of: end).map { String(rest[..<$0.lowerBound]) }
        }
        let written = finding.message.range(of: "(written by the named template ").flatMap { start in
            finding.message[start.upperBound...].range(of: " at ").flatMap { at in
                finding.message[at.upperBound...].firstIndex(of: ")").map { String(finding.message[at.upperBound..<$0]) }
            }
        } ?? "-"
        return "\(written) \(after("(the value comes from ", until: ")") ?? "-")"
    }

    @Test func aListFromTheUsersValuesFileCitesThatFilesItemLine() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.collector)
        let values = try tree.write("site/collector-values.yaml", """
            hostPID: false
            hostPaths:
              - name: logs
                path: /var/log
              - name: docker
                path: /var/run/docker.sock

            """)
        var settings = HelmSettings()
        settings.valuesFiles = [values]
        let result = try Self.scan([tree.path("collector")], renderer: engine, settings: settings)
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" && $0.location.path.hasSuffix("daemonset.yaml") })
        #expect(socket.message.hasSuffix("(the value comes from \(values):6)"))
        #expect(!result.findings.contains { $0.ruleID == "SA401" })
        // The chart's own values still cite values.yaml where the user's file does not set them.
        let privileged = try #require(result.findings.first { $0.ruleID == "SA301" })
        #expect(privileged.message.hasSuffix("(the value comes from \(tree.path("collector/values.yaml")):3)"))
    }

    @Test func aDirectiveInTheNamedTemplateCoversWhatItWrote() throws {
        guard let engine = HelmTestEngine.required() else { return }
        var files = HelmFixtures.collector
        files["collector/templates/_pod.tpl"] = files["collector/templates/_pod.tpl"]!.replacingOccurrences(
            of: "spec:\n  hostPID:", with: "spec:\n  # sockaudit:ignore SA401 -- the collector reads every process's logs\n  hostPID:")
        let tree = try Self.tree(files)
        let result = try Self.scan([tree.root], renderer: engine)
        let hostPID = try #require(result.findings.first { $0.ruleID == "SA401" })
        #expect(Self.line(hostPID, relativeTo: tree) == "collector/templates/daemonset.yaml:10:5 SA401")
        #expect(hostPID.suppression?.reason == "the collector reads every process's logs")
        #expect(hostPID.suppression?.source == "\(tree.path("collector/templates/_pod.tpl")):7")
        // Nothing else at the include line is covered by it.
        #expect(result.findings.filter { $0.suppression != nil }.count == 1)
        #expect(!result.findings.contains { $0.ruleID == "SA903" })
    }

    @Test func anItemFromTheUsersExtraListCitesThatFileAndTheActionThatWroteIt() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.shipper)
        let values = try tree.write("site/shipper-values.yaml", """
            extraVolumes:
              - name: docker-sock
                hostPath:
                  path: /var/run/docker.sock
            extraVolumeMounts:
              - name: docker-sock
                mountPath: /var/run/docker.sock

            """)
        var settings = HelmSettings()
        settings.valuesFiles = [values]
        let result = try Self.scan([tree.path("shipper")], renderer: engine, settings: settings)
        let pod = tree.path("shipper/templates/_pod.tpl")
        let lines = result.findings.filter { $0.ruleID == "SA101" || $0.ruleID == "SA405" }.map { Self.line($0, relativeTo: tree) + " " + Self.cited($0) }
        #expect(lines == [
            "shipper/templates/daemonset.yaml:7:5 SA101 \(pod):23 \(values):4",
            "shipper/templates/daemonset.yaml:7:5 SA405 \(pod):20 \(tree.path("shipper/values.yaml")):7",
        ])
    }

    @Test func outputThatIsNotYAMLIsSA901AtTheTemplateLineThatWroteIt() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree([
            "labels/Chart.yaml": "apiVersion: v2\nname: labels\nversion: 0.1.0\n",
            "labels/values.yaml": "extraLabels:\n  team: platform\n",
            "labels/templates/pod.yaml": """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: labelled
                  labels:
                    {{- toYaml .Values.extraLabels | nindent 4 }}
                  owner
                spec:
                  containers:
                    - name: app
                      image: registry.example.com/app:1.0

                """,
        ])
        let result = try Self.scan([tree.root], renderer: engine)
        let failure = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(failure, relativeTo: tree) == "labels/templates/pod.yaml:7:3 SA901")
        #expect(failure.message.contains("could not find expected ':' (while scanning a simple key) (rendered line 7: \"owner\")"))
    }

    @Test func aTemplateThatDoesNotParseIsNotBlamedOnValues() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree([
            "typo/Chart.yaml": "apiVersion: v2\nname: typo\nversion: 0.1.0\n",
            "typo/templates/pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }\n",
        ])
        let result = try Self.scan([tree.root], renderer: engine)
        let failure = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(failure.message.contains("parse error"))
        #expect(!failure.message.contains("--helm-values"))
    }

    @Test func directivesInTemplatesAndValuesFilesSuppress() throws {
        guard let engine = HelmTestEngine.required() else { return }
        var files = HelmFixtures.agent
        files["agent/values.yaml"] = files["agent/values.yaml"]!.replacingOccurrences(
            of: "securityContext:\n  privileged: true",
            with: "securityContext:\n  # sockaudit:ignore SA301 -- the agent loads eBPF probes\n  privileged: true")
        let tree = try Self.tree(files)
        let result = try Self.scan([tree.root], renderer: engine)
        let privileged = try #require(result.findings.first { $0.ruleID == "SA301" && $0.location.path.hasSuffix("daemonset.yaml") })
        #expect(privileged.suppression?.reason == "the agent loads eBPF probes")
        #expect(privileged.suppression?.source == "\(tree.path("agent/values.yaml")):8")
        // The template's own directive names SA405, which nothing at its lines raises: reported unused.
        #expect(result.findings.contains { $0.ruleID == "SA903" && $0.location.path.hasSuffix("daemonset.yaml") && $0.location.line == 38 })
    }

    @Test func scenariosAreRenderedAndSharedFindingsReportedOnce() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.agent)
        var settings = HelmSettings()
        settings.scenarios = true
        let result = try Self.scan([tree.root], renderer: engine, settings: settings)
        let socket = result.findings.filter { $0.ruleID == "SA101" }
        #expect(socket.count == 1)
        #expect(socket.first?.message.hasSuffix("[values: the default values]") == true)
        let dind = result.findings.filter { $0.ruleID == "SA301" && $0.location.path.hasSuffix("builder/templates/deployment.yaml") }
        #expect(dind.count == 1)
        #expect(dind.first?.message.hasSuffix("[every values scenario]") == true)
    }

    @Test func valuesFilesAndSetsChangeWhatIsRendered() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.agent)
        let values = try tree.write("prod-values.yaml", "docker:\n  socket: /run/docker.sock\n")
        var settings = HelmSettings()
        settings.valuesFiles = [values]
        settings.sets = ["hostNetwork=false"]
        let result = try Self.scan([tree.path("agent")], renderer: engine, settings: settings)
        let socket = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(socket.message.contains("/run/docker.sock"))
        #expect(socket.message.hasSuffix("(the value comes from \(values):2)"))
        #expect(!result.findings.contains { $0.ruleID == "SA402" })
    }

    @Test func aTemplateErrorIsSA901AtTheTemplateLineTheEngineNames() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.broken)
        let result = try Self.scan([tree.root], renderer: engine)
        let errors = result.findings.filter { $0.ruleID == "SA901" }
        #expect(errors.map { Self.line($0, relativeTo: tree) } == ["broken/templates/configmap.yaml:6:18 SA901"])
        #expect(errors.first?.message.contains("nil pointer evaluating interface {}.cert") == true)
    }

    @Test func defaultValuesThatCannotRenderNameTheCIFilesThatCan() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.needsValues)
        let result = try Self.scan([tree.root], renderer: engine)
        let error = try #require(result.findings.first { $0.ruleID == "SA901" })
        #expect(Self.line(error, relativeTo: tree) == "runner/templates/pod.yaml:6:14 SA901")
        #expect(error.message.contains("registrationToken is required"))
        #expect(error.message.hasSuffix("; it renders with \(tree.path("runner/ci/token-values.yaml")): scan with --helm-scenarios, "
            + "or give the values it needs with --helm-values FILE or --helm-set key=value"))
        var settings = HelmSettings()
        settings.scenarios = true
        let scenarios = try Self.scan([tree.root], renderer: engine, settings: settings)
        #expect(scenarios.findings.contains { $0.ruleID == "SA308" && $0.message.hasSuffix("[values: \(tree.path("runner/ci/token-values.yaml"))]") })
    }

    @Test func renderingIsDeterministic() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try Self.tree(HelmFixtures.agent)
        let first = try Self.scan([tree.root], renderer: engine)
        let second = try Self.scan([tree.root], renderer: engine)
        #expect(first.findings == second.findings)
    }

    @Test func withoutAnEngineTheChartIsSA901NamingBothWaysToGetOne() throws {
        let tree = try Self.tree(HelmFixtures.agent)
        let result = try Self.scan([tree.root], renderer: nil)
        let notices = result.findings.filter { $0.ruleID == "SA901" }
        #expect(notices.map { Self.line($0, relativeTo: tree) } == ["agent/Chart.yaml:1:1 SA901"])
        #expect(notices.first?.message.contains("install helm (on PATH) or the helm-python-sdk package (pip install helm-python-sdk)") == true)
        #expect(notices.first?.message.contains("helm template \(tree.path("agent")) | sockaudit scan -") == true)
        #expect(result.chartsRendered.isEmpty)
    }
}

/// The `helm` executable path, run with a stand-in that drives the same library: the same chart
/// gives the same findings through either engine (no real `helm` exists on the CI machines).
@Suite struct HelmExecutableEngineTests {
    @Test func theExecutableGivesTheSameFindingsAsTheLibrary() throws {
        guard let library = HelmTestEngine.required("(the helm stand-in drives the same library)") else { return }
        let tree = try HelmChartScanTests.tree(HelmFixtures.agent, HelmFixtures.broken)
        let bin = tree.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        guard let standIn = try HelmExecutableStandIn.install(in: bin) else {
            Issue.record("python3 cannot import helm_python although libhelm_c was found")
            return
        }
        // Found on PATH first, as a user's helm would be.
        let found = try #require(try HelmEngineDiscovery.find(explicit: nil, environment: ["PATH": bin], prefixes: []))
        #expect(found is HelmExecutableRenderer)
        #expect(found.engineName == "helm v4.2.3+stand-in")
        let charts = [tree.path("agent"), tree.path("broken")]
        let viaExecutable = try HelmChartScanTests.scan(charts, renderer: HelmExecutableRenderer(path: standIn))
        let viaLibrary = try HelmChartScanTests.scan(charts, renderer: library)
        #expect(!viaExecutable.findings.isEmpty)
        // The executable refuses the missing dependency by itself: the chart is rendered from a copy
        // that lists only the vendored one, so the findings match the library's.
        #expect(viaExecutable.findings.map { HelmChartScanTests.line($0, relativeTo: tree) } == viaLibrary.findings.map { HelmChartScanTests.line($0, relativeTo: tree) })
        #expect(viaExecutable.findings.map(\.message) == viaLibrary.findings.map(\.message))
    }

    @Test func anExplicitEngineThatIsNoneIsAnErrorOfTheRun() throws {
        let tree = try HelmChartScanTests.tree(HelmFixtures.agent)
        let notLibrary = try tree.write("libhelm_c.so", "not a library\n")
        #expect(throws: HelmEngineDiscovery.Failure.self) { try HelmEngineDiscovery.open(notLibrary) }
        #expect(throws: HelmEngineDiscovery.Failure.self) { try HelmEngineDiscovery.open(tree.path("missing/helm")) }
        var options = ScanOptions(rules: BuiltInRules.all)
        options.helm.enginePath = tree.path("missing/helm")
        #expect(throws: ScanError.self) { try Scanner(options: options).scan([tree.root]) }
    }
}

/// `--helm-set` expressions build on each other the way `helm --set` does.
@Suite struct HelmSetMergeTests {
    @Test func aListIndexReachesIntoTheElementAlreadySet() throws {
        let first: [String: Any] = ["hostMounts": [["path": "/var/run"]]]
        let second: [String: Any] = ["hostMounts": [["name": "run"]]]
        let merged = HelmLibraryRenderer.mergeSet(HelmLibraryRenderer.mergeSet([:], first), second)
        let element = try #require((merged["hostMounts"] as? [Any])?.first as? [String: Any])
        #expect(element["path"] as? String == "/var/run")
        #expect(element["name"] as? String == "run")
    }

    @Test func placeholdersKeepWhatIsThereAndNewIndexesAppend() throws {
        let base: [String: Any] = ["list": ["a", "b"], "image": ["tag": "1"]]
        let overlay: [String: Any] = ["list": [NSNull(), "B", "c"], "image": ["repository": "r"]]
        let merged = HelmLibraryRenderer.mergeSet(base, overlay)
        #expect((merged["list"] as? [String]) == ["a", "B", "c"])
        #expect((merged["image"] as? [String: String]) == ["tag": "1", "repository": "r"])
    }

    @Test func separateSetsOnOneElementRenderIt() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try HelmChartScanTests.tree(HelmFixtures.agent)
        var settings = HelmSettings()
        settings.sets = ["hostMounts[0].path=/var/run", "hostMounts[0].name=run"]
        let result = try HelmChartScanTests.scan([tree.path("agent")], renderer: engine, settings: settings)
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.message.contains("/var/run") && $0.message.contains("\"run\"") })
    }
}
