import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Pods built by Argo Workflows, Tekton, OpenShift templates and Jenkins configuration as code,
/// and nodes that are containers (kind, Cluster API Docker), in the shapes real files take.
@Suite struct KubernetesLocationTests {
    func facts(_ text: String, path: String = "m.yaml", input: some DocumentInput = KubernetesInput()) -> Facts {
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        return input.facts(from: parsed.documents, file: file, context: .inMemory([:])) ?? Facts()
    }

    func mounts(_ facts: Facts) -> [String] {
        facts.containers.flatMap { spec in spec.mounts.map { "\(spec.subject) \($0.source) \($0.location.line):\($0.location.column)" } }
    }

    /// Two workflows in one stream, an anchored volume list reused by a template, comments between,
    /// and a template whose podSpecPatch (a block string) is placed at its own lines.
    @Test func argoAnchorsDocumentsAndPatches() {
        let found = facts("""
            # two workflows sharing the socket volume
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: one}
            spec:
              volumes: &socket
                - name: sock   # the daemon
                  hostPath: {path: /var/run/docker.sock}
              templates:
                - name: a
                  container:
                    image: docker:24-cli
                    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata: {name: two}
            spec:
              volumes: &socket
                - {name: sock, hostPath: {path: /run/docker.sock}}
              templates:
                - name: other
                  volumes: *socket
                  container: {image: alpine, volumeMounts: [{name: sock, mountPath: /s}]}
                - name: steps-only
                  steps: [[{name: x, template: b}]]
                - name: b
                  podSpecPatch: |
                    containers:
                      - name: main
                        securityContext: {privileged: true}
                  script:
                    image: docker:24-cli
                    source: docker ps
                    volumeMounts: [{name: sock, mountPath: /s}]
            """)
        #expect(mounts(found) == [
            "container \"main\" in Workflow/one template \"a\" /var/run/docker.sock 8:24",
            "container \"main\" in WorkflowTemplate/two template \"other\" /run/docker.sock 20:37",
            "script container \"main\" in WorkflowTemplate/two template \"b\" /run/docker.sock 20:37",
        ])
        let patched = found.containers.first { $0.subject.hasSuffix("podSpecPatch") }
        #expect(patched?.privileged?.location.line == 31)
        #expect(patched?.privileged?.location.column == 43)
        #expect(patched?.isComplete == false)
    }

    /// Windows line ends: the patch string is placed on the same lines as with LF.
    @Test func argoPatchWithWindowsLineEnds() {
        let text = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: w}
            spec:
              podSpecPatch: |
                hostNetwork: true
                containers:
                - name: main
                  securityContext:
                    privileged: true
              templates: []
            """.replacingOccurrences(of: "\n", with: "\r\n")
        let privileged = facts(text).containers.first?.privileged
        #expect(privileged?.location.line == 10)
        #expect(privileged?.location.column == 21)
    }

    /// A patch that is not YAML is SA901 for that string alone, at its place.
    @Test func argoPatchThatDoesNotParse() {
        let found = facts("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: w}
            spec:
              templates:
                - name: a
                  podSpecPatch: '{"containers": [ '
                  container: {image: alpine}
            """)
        #expect(found.unscannable.count == 1)
        #expect(found.unscannable.first?.location.line == 7)
        #expect(found.unscannable.first?.extent == .part)
    }

    /// The stepTemplate is under every step: mounts and env combined, securityContext merged with
    /// the step's own fields winning.
    @Test func tektonStepTemplateMerges() {
        let found = facts("""
            apiVersion: tekton.dev/v1
            kind: Task
            metadata: {name: t}
            spec:
              stepTemplate:
                securityContext: {privileged: true, runAsUser: 0}
                volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
              steps:
                - name: a
                  image: docker:24-cli
                  securityContext: {runAsUser: 1000}
                  volumeMounts: [{name: cache, mountPath: /cache}]
              sidecars:
                - name: b
                  image: redis:7
              volumes:
                - {name: sock, hostPath: {path: /run/docker.sock}}
                - {name: cache, hostPath: {path: /var/cache/build}}
            """)
        let step = found.containers.first { $0.name == "a" }
        #expect(step?.subject == "step \"a\" in Task/t")
        #expect(step?.mounts.map(\.source) == ["/run/docker.sock", "/var/cache/build"])
        #expect(step?.privileged?.value == true)
        #expect(step?.user?.value == "1000")
        let sidecar = found.containers.first { $0.name == "b" }
        #expect(sidecar?.subject == "sidecar \"b\" in Task/t")
        #expect(sidecar?.mounts.isEmpty == true)
    }

    /// A run that names its task by reference still has its podTemplate judged, for the pod whose
    /// steps are elsewhere: only what it states.
    @Test func tektonRunByReference() {
        let found = facts("""
            apiVersion: tekton.dev/v1beta1
            kind: PipelineRun
            metadata: {name: r}
            spec:
              pipelineRef: {name: release}
              podTemplate:
                hostNetwork: true
                volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]
            """)
        #expect(found.containers.count == 1)
        #expect(found.containers.first?.subject == "steps of \"release\" in PipelineRun/r podTemplate")
        #expect(found.containers.first?.hostNetwork?.value == true)
        #expect(found.containers.first?.isComplete == false)
    }

    /// Parameter defaults are read and said; a parameter without one stays as written.
    @Test func openShiftTemplateParameters() {
        let found = facts("""
            kind: Template
            apiVersion: v1
            metadata: {name: t}
            parameters:
            - {name: PRIVILEGED, value: "true"}
            - {name: SOCK, value: /var/run/docker.sock}
            - {name: DIR, generate: expression, from: "[a-z]{8}"}
            objects:
            - kind: Pod
              apiVersion: v1
              metadata: {name: p}
              spec:
                containers:
                - name: c
                  image: alpine
                  securityContext:
                    privileged: ${{PRIVILEGED}}
                  volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]
                volumes:
                - {name: a, hostPath: {path: "${SOCK}"}}
                - name: b
                  hostPath:
                    path: /srv/${DIR}
            """)
        let container = found.containers.first
        #expect(container?.subject == "container \"c\" in Pod/p in Template/t (parameter defaults used: PRIVILEGED=true, SOCK=/var/run/docker.sock)")
        #expect(container?.privileged?.value == true)
        #expect(container?.mounts.map(\.source) == ["/var/run/docker.sock", "/srv/${DIR}"])
    }

    /// kind nodes by role (the second worker numbered), a relative host path kept as written.
    @Test func kindNodes() {
        let found = facts("""
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
            # the control plane has no mounts
            - role: control-plane
            - role: worker
              extraMounts:
              - {hostPath: ./data, containerPath: /data}
            - role: worker
              extraMounts:
              - hostPath: /var/run/docker.sock
                containerPath: /var/run/docker.sock
                readOnly: true
            """)
        #expect(mounts(found) == [
            "kind node \"worker\" in Cluster/kind ./data 8:16",
            "kind node \"worker 2\" in Cluster/kind /var/run/docker.sock 11:15",
        ])
        #expect(found.containers.allSatisfy { !$0.isComplete && $0.privileged == nil })
        #expect(found.containers.last?.mounts.first?.readOnly == true)
    }

    /// The Cluster API Docker machine kinds, each at its own place of `extraMounts`.
    @Test func clusterAPIDockerMachines() {
        let found = facts("""
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerMachine
            metadata: {name: m}
            spec:
              extraMounts: [{containerPath: /var/run/docker.sock, hostPath: /var/run/docker.sock}]
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerMachinePool
            metadata: {name: p}
            spec:
              template:
                extraMounts: [{containerPath: /x, hostPath: /run/containerd}]
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerCluster
            metadata: {name: c}
            spec: {}
            """)
        #expect(mounts(found) == [
            "Docker machine \"machine\" in DockerMachine/m /var/run/docker.sock 5:65",
            "Docker machine \"machine\" in DockerMachinePool/p /run/containerd 12:49",
        ])
    }

    /// Jenkins pod templates: volumes reach every container, a template without containers has the
    /// agent's own, and the `yaml:` string's pod is read at its lines.
    @Test func jenkinsPodTemplates() {
        let found = facts("""
            jenkins:
              clouds:
                - kubernetes:
                    name: k8s
                    templates:
                      - name: a
                        volumes:
                          - hostPathVolume: {hostPath: /var/run/docker.sock, mountPath: /var/run/docker.sock}
                      - name: b
                        containers:
                          - {name: x, image: alpine, runAsUser: "0"}
                          - {name: y, image: alpine}
                        volumes:
                          - hostPathVolume: {hostPath: /run/containerd/containerd.sock, mountPath: /c.sock}
                        yaml: |
                          apiVersion: v1
                          kind: Pod
                          spec:
                            hostPID: true
                            containers:
                              - name: z
                                image: alpine
            unclassified:
              location: {url: "https://ci.example.com/"}
            """, input: JenkinsCasCInput())
        #expect(mounts(found) == [
            "container \"jnlp\" in pod template \"a\" of Jenkins cloud k8s /var/run/docker.sock 8:44",
            "container \"x\" in pod template \"b\" of Jenkins cloud k8s /run/containerd/containerd.sock 14:44",
            "container \"y\" in pod template \"b\" of Jenkins cloud k8s /run/containerd/containerd.sock 14:44",
        ])
        #expect(found.containers.first { $0.name == "x" }?.user?.value == "0")
        let embedded = found.containers.first { $0.name == "z" }
        #expect(embedded?.hostPID?.location.line == 19)
        #expect(embedded?.hostPID?.location.column == 26)
    }

    /// A file with `jenkins:` but no Kubernetes cloud is not this input's.
    @Test func jenkinsWithoutKubernetesCloud() {
        let parsed = YAMLParser.parse("jenkins:\n  clouds:\n    - docker:\n        name: d\n")
        let file = SourceFile(path: "jenkins.yaml", bytes: [])
        #expect(JenkinsCasCInput().facts(from: parsed.documents, file: file, context: .inMemory([:])).map { _ in true } == nil)
    }
}

/// Argo's `templateDefaults` and a controller's `workflowDefaults`, Tekton's `taskRunSpecs`, ctlptl
/// clusters and the jenkins chart's values.
@Suite struct KubernetesDefaultsLocationTests {
    func facts(_ text: String, path: String = "m.yaml", input: some DocumentInput = KubernetesInput()) -> Facts {
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        return input.facts(from: parsed.documents, file: file, context: .inMemory([:])) ?? Facts()
    }

    /// Every container template inherits what templateDefaults states; it is judged on the
    /// defaults' own site and left out of each template's (`judgedElsewhere`), while a template's
    /// own settings and the hardening it inherits stay its own.
    @Test func templateDefaultsJudgedOnce() throws {
        let found = facts("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {name: ci}
            spec:
              volumes:
                - {name: sock, hostPath: {path: /var/run/docker.sock}}
              templateDefaults:
                securityContext: {runAsUser: 0}
                container:
                  securityContext: {privileged: true, readOnlyRootFilesystem: true}
                  volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                sidecars:
                  - {name: dind, image: docker:24-dind}
              templates:
                - name: a
                  container: {image: alpine}
                - name: b
                  container:
                    image: alpine
                    securityContext: {privileged: false}
                - name: s
                  script: {image: alpine, source: echo}
            """)
        let subjects = found.containers.map(\.subject)
        #expect(subjects == [
            "container \"main\" in Workflow/ci templateDefaults",
            "sidecar \"dind\" in Workflow/ci templateDefaults",
            "container \"main\" in Workflow/ci template \"a\"", "sidecar \"dind\" in Workflow/ci template \"a\"",
            "container \"main\" in Workflow/ci template \"b\"", "sidecar \"dind\" in Workflow/ci template \"b\"",
            "script container \"main\" in Workflow/ci template \"s\"", "sidecar \"dind\" in Workflow/ci template \"s\"",
        ])
        let defaults = found.containers[0]
        #expect(defaults.privileged?.location.line == 10 && !defaults.isComplete)
        #expect(defaults.mounts.map(\.location.line) == [6])
        let a = try #require(found.containers.first { $0.subject.hasSuffix("template \"a\"") && $0.name == "main" })
        // inherited: privileged, read-only root, the mount, the pod's runAsUser; all left to the defaults
        #expect(a.privileged?.value == true && a.readOnlyRootFilesystem?.value == true && a.mounts.count == 1)
        #expect(Set(a.judgedElsewhere.map(\.line)) == [6, 8, 10])
        let b = try #require(found.containers.first { $0.subject.hasSuffix("template \"b\"") && $0.name == "main" })
        #expect(b.privileged?.value == false && b.privileged?.location.line == 20)
        #expect(!b.judgedElsewhere.contains { $0.line == 20 })
        let script = try #require(found.containers.first { $0.subject.hasPrefix("script container") })
        // the container defaults are no script's
        #expect(script.privileged == nil && script.mounts.isEmpty && script.user?.location.line == 8)
        let sidecar = try #require(found.containers.first { $0.subject.hasPrefix("sidecar \"dind\" in Workflow/ci template \"a\"") })
        #expect(sidecar.judgedElsewhere.contains(sidecar.location))
    }

    /// A podSpecPatch that sets the limits and hardening a template lacks: the template is not
    /// reported for lacking them, and what the patch sets is judged once, on the patch.
    @Test func podSpecPatchFillsInTheTemplate() throws {
        let found = facts("""
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata: {generateName: p-}
            spec:
              podSpecPatch: |
                containers:
                  - name: main
                    resources:
                      limits: {memory: "{{workflow.parameters.mem}}"}
              templates:
                - name: a
                  podSpecPatch: '{"containers":[{"name":"main","securityContext":{"privileged":true,"readOnlyRootFilesystem":true}}]}'
                  container:
                    image: busybox
                    resources: {limits: {cpu: 100m}}
            """)
        let template = try #require(found.containers.first { $0.subject.hasSuffix("template \"a\"") })
        #expect(template.memoryLimit?.value == "{{workflow.parameters.mem}}" && template.cpuLimit?.value == "100m")
        #expect(template.readOnlyRootFilesystem?.value == true)
        // the patch's privileged is the patch site's finding, at its exact column, not the template's
        #expect(template.judgedElsewhere.contains(try #require(template.privileged?.location)))
        let patchSites = found.containers.filter { $0.subject.hasSuffix("podSpecPatch") }
        #expect(patchSites.compactMap(\.privileged).map { "\($0.location.line):\($0.location.column)" } == ["12:84"])
    }

    @Test func workflowDefaultsInTheControllerConfigMap() {
        let found = facts("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: workflow-controller-configmap}
            data:
              config: |
                containerRuntimeExecutor: emissary
                workflowDefaults:
                  spec:
                    podSpecPatch: '{"hostNetwork": true}'
                    templateDefaults:
                      container:
                        securityContext: {privileged: true}
            """)
        #expect(found.containers.compactMap(\.privileged).map { "\($0.location.line):\($0.location.column)" } == ["12:43"])
        #expect(found.containers.compactMap(\.hostNetwork).map { "\($0.location.line):\($0.location.column)" } == ["9:40"])
    }

    /// A task's podTemplate is laid over the run's: its volumes join the run's, its fields win.
    @Test func tektonTaskRunSpecsOverTheRunsPodTemplate() {
        let found = facts("""
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata: {name: r}
            spec:
              taskRunTemplate:
                podTemplate:
                  hostNetwork: true
                  volumes: [{name: cache, hostPath: {path: /var/cache/ci}}]
              taskRunSpecs:
                - pipelineTaskName: build
                  podTemplate:
                    hostNetwork: false
                    volumes: [{name: sock, hostPath: {path: /var/run/docker.sock}}]
              pipelineSpec:
                tasks:
                  - name: build
                    taskSpec:
                      steps:
                        - name: b
                          image: docker:24-cli
                          volumeMounts: [{name: sock, mountPath: /s}, {name: cache, mountPath: /c}]
                  - name: test
                    taskSpec:
                      steps:
                        - {name: t, image: alpine, volumeMounts: [{name: sock, mountPath: /s}]}
            """)
        let build = found.containers.filter { $0.subject.contains("\"build\"") }
        #expect(build.flatMap(\.mounts).map(\.source) == ["/var/run/docker.sock", "/var/cache/ci"])
        #expect(build.first?.hostNetwork?.value == false)
        let test = found.containers.filter { $0.subject.contains("\"test\"") }
        #expect(test.flatMap(\.mounts).isEmpty && test.first?.hostNetwork?.value == true)
    }

    @Test func jenkinsChartValuesAndUmbrellaCharts() {
        let values = """
            jenkins:
              controller:
                installPlugins: [kubernetes:4306.vc91e951ea_eb_d]
              agent:
                runAsUser: 0
                workspaceVolume:
                  type: HostPath
                  hostPath: /var/lib/jenkins-ws
                additionalContainers:
                  - sideContainerName: dind
                    privileged: true
              additionalAgents:
                docker:
                  podName: docker
                  volumes:
                    - {type: HostPath, hostPath: /var/run/docker.sock, mountPath: /var/run/docker.sock}
            """
        let found = facts(values, input: JenkinsCasCInput())
        #expect(found.containers.map(\.subject) == [
            "container \"jnlp\" in default agent pod template (agent) of the jenkins chart",
            "container \"dind\" in default agent pod template (agent) of the jenkins chart",
            "container \"jnlp\" in agent pod template additionalAgents.docker of the jenkins chart",
        ])
        #expect(found.containers[0].user?.value == "0" && found.containers[1].privileged?.location.line == 11)
        #expect(found.containers[0].mounts.map { "\($0.source) \($0.location.line)" } == ["/var/lib/jenkins-ws 8"])
        #expect(found.containers[2].mounts.map { "\($0.source) \($0.location.line)" } == ["/var/run/docker.sock 16"])
        let casc = facts("""
            jenkins:
              clouds:
                - kubernetes:
                    name: k8s
                    templates:
                      - name: builds
                        workspaceVolume:
                          hostPathWorkspaceVolume: {hostPath: /var/lib/docker/jenkins-ws}
            """, input: JenkinsCasCInput())
        #expect(casc.containers.flatMap(\.mounts).map { "\($0.source) \($0.location.line):\($0.location.column)" } == ["/var/lib/docker/jenkins-ws 8:51"])
        // the JCasC root key is no chart values
        #expect(!JenkinsChartValues.isChartValues(YAMLParser.parse("jenkins:\n  agentProtocols: [JNLP4-connect]\n").documents[0]))
    }
}
