import Foundation
import Testing

@Suite struct ScanCommandTests {
    @Test func scansTheBundledKubernetesExamples() throws {
        let run = try CLI.run(["scan", "examples/kubernetes"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("examples/kubernetes/ci-runner.yaml:37:17: high SA101 runtime-socket-mount: container \"runner\" in Deployment/ci/ci-runner can reach the Docker daemon socket /var/run/docker.sock") })
        #expect(lines.contains("examples/kubernetes/node-agent.yaml:14:16: high SA401 host-pid: DaemonSet/monitoring/node-agent shares the host's PID namespace (hostPID: true): it sees every host process and, as root, can enter them through /proc/<pid>/root"))
        #expect(!run.stdout.contains("web.yaml"))
        #expect(lines.allSatisfy { $0.wholeMatch(of: /[^:]+:\d+:\d+: (info|low|medium|high|critical) SA\d{3} [a-z0-9-]+: .+/) != nil })
        #expect(!run.stdout.contains("\u{1B}["), "no colour in a pipe")
        #expect(run.stderr == "sockaudit: scanned 3 files (k8s 3), 0 not in scope; findings: 0 critical, 8 high, 2 medium, 5 low, 0 info\n")
    }

    @Test func failOnDecidesTheExitCode() throws {
        #expect(try CLI.run(["scan", "examples/kubernetes", "--fail-on", "critical"]).status == 0)
        #expect(try CLI.run(["scan", "examples/kubernetes", "--fail-on", "high"]).status == 1)
        #expect(try CLI.run(["scan", "examples/kubernetes/web.yaml"]).status == 0)
    }

    @Test func errorsOfTheRunExitTwo() throws {
        let missing = try CLI.run(["scan", "no/such/folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/folder: no such file or directory"))
        #expect(missing.stdout.isEmpty)
        let usage = try CLI.run(["scan", "--fail-on", "severe"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("severe"))
        let format = try CLI.run(["scan", "--format", "yaml"])
        #expect(format.status == 2)
    }

    @Test func standardInput() throws {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: a, securityContext: {privileged: true}}
            """
        let run = try CLI.run(["scan", "-", "--fail-on", "high"], stdin: pod)
        #expect(run.status == 1)
        #expect(run.stdout.contains("-:6:45: high SA301 privileged"))
    }

    @Test func jsonAndSarifToAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = folder.appendingPathComponent("out.sarif").path
        let run = try CLI.run(["scan", "examples/kubernetes", "--format", "sarif", "--output", sarif])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any]
        #expect(report?["version"] as? String == "2.1.0")

        let json = try CLI.run(["scan", "examples/kubernetes", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? String == "2.2")
        #expect((object?["findings"] as? [Any])?.count == 15)
        let again = try CLI.run(["scan", "examples/kubernetes", "--format", "json"])
        #expect(again.stdout == json.stdout, "same input, same bytes")
    }

    @Test func unwritableOutputIsAnErrorOfTheRun() throws {
        let run = try CLI.run(["scan", "examples/kubernetes", "--output", "/nonexistent-dir/out.txt"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write /nonexistent-dir/out.txt"))
    }

    @Test func helmChartWithRenderingSwitchedOffIsNamedWithItsRenderCommand() throws {
        let run = try CLI.run(["scan", "examples/helm", "--helm-engine", "none"])
        #expect(run.status == 3, "the templates were not scanned: incomplete, not clean")
        #expect(run.stdout == "examples/helm/ci-runner/Chart.yaml:1:1: high SA901 unscannable-file: not scanned: Helm chart not rendered: rendering is switched off (--helm-engine none); or scan the rendered manifests with: helm template examples/helm/ci-runner | sockaudit scan -\n")
    }

    @Test func kustomizeOverlayIsBuiltAndJudgedAtThePatchLine() throws {
        guard let engine = KustomizeEngineForCLI.path() else { return }
        let run = try CLI.run(["scan", "examples/kustomize", "--kustomize-engine", engine])
        #expect(run.status == 1)
        #expect(run.stdout.contains("examples/kustomize/base/deployment.yaml:21:19: high SA101 runtime-socket-mount: container \"runner\" in Deployment/ci/ci-runner-prod "))
        #expect(run.stdout.contains("examples/kustomize/overlays/production/privileged.yaml:11:25: high SA301 privileged: "))
        #expect(run.stdout.contains("examples/kustomize/overlays/production/kustomization.yaml:28:16: medium SA403 host-ipc: "))
        #expect(run.stderr.contains(", 1 Kustomize overlay built by "))
        #expect(!run.stdout.contains("SA901"))
    }

    @Test func kustomizeOverlayWithBuildingSwitchedOffSaysHowToBuildIt() throws {
        let run = try CLI.run(["scan", "examples/kustomize", "--kustomize-engine", "none"])
        #expect(run.status == 1, "the base's socket mount is judged as written")
        #expect(run.stdout.contains("examples/kustomize/overlays/production/kustomization.yaml:1:1: high SA901 unscannable-file: partly scanned: Kustomize overlay not built: building is switched off (--kustomize-engine none); its resources were scanned as plain manifests and its patches were not judged; or scan the built output with: kubectl kustomize examples/kustomize/overlays/production | sockaudit scan -\n"))
        #expect(run.stderr.contains("Kustomize patches not judged on their own"))
        #expect(try CLI.run(["scan", "examples/kustomize", "--kustomize-engine", "examples/kustomize/no-such-engine"]).status == 2)
    }

    @Test func helmChartIsRenderedAndJudgedAtTheTemplateLine() throws {
        guard let library = HelmLibraryForCLI.path() else { return }
        let run = try CLI.run(["scan", "examples/helm", "--helm-engine", library])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("examples/helm/ci-runner/templates/deployment.yaml:33:17: high SA101 runtime-socket-mount: "))
        #expect(run.stdout.hasSuffix("(the value comes from examples/helm/ci-runner/values.yaml:7)\n"))
        #expect(run.stderr.contains(", 1 Helm chart rendered by libhelm_c "))
        let piped = try CLI.run(["scan", "-"], stdin: """
            ---
            # Source: ci-runner/templates/deployment.yaml
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: c
                  image: busybox
                  volumeMounts:
                    - name: s
                      mountPath: /var/run/docker.sock
              volumes:
                - name: s
                  hostPath:
                    path: /var/run/docker.sock

            """)
        #expect(piped.stdout.contains("-:17:15: high SA101"), "helm template ... | sockaudit scan - keeps working")
    }
}
