import SockAuditCore
import Testing
@testable import SockAuditParsers

@Suite struct KubernetesAdapterTests {
    func containers(_ text: String) -> [ContainerSpec] {
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        return KubernetesAdapter.containers(in: parsed.documents, path: "m.yaml")
    }

    /// `subPathExpr` is followed like `subPath` where the container's literal env resolves it; a
    /// `valueFrom` name is not known at scan time and stays `$(NAME)`, said in the spelling.
    @Test func subPathExpressionsAreFollowedWhereKnown() throws {
        let specs = containers("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: busybox
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
                - {name: SOCK, value: docker.sock}
                - {name: SOCK_PATH, value: docker/$(SOCK)}
                volumeMounts:
                - {name: run, mountPath: /a, subPathExpr: $(POD_NAME)}
                - {name: run, mountPath: /b, subPathExpr: docker.sock}
                - {name: run, mountPath: /c, subPathExpr: $(SOCK)}
                - {name: run, mountPath: /d, subPathExpr: logs/$(POD_NAME)/$(POD_NAME)}
                - {name: run, mountPath: /e, subPathExpr: $(SOCK_PATH)}
                - {name: run, mountPath: /f, subPathExpr: $$(SOCK)}
                - {name: run, mountPath: /g, subPath: app, subPathExpr: $(SOCK)}
              volumes:
              - name: run
                hostPath: {path: /var/run}
            """)
        let mounts = try #require(specs.first).mounts
        #expect(mounts.map(\.source) == [
            "/var/run/$(POD_NAME)", "/var/run/docker.sock", "/var/run/docker.sock", "/var/run/logs/$(POD_NAME)/$(POD_NAME)",
            "/var/run/docker/docker.sock", "/var/run/$(SOCK)", "/var/run/app",
        ])
        #expect(mounts[0].spelling.contains("$(POD_NAME) not known at scan time"))
        #expect(!mounts[1].spelling.contains("not known"))
        #expect(SubPathExpression.expand("$(A)$(B)$(A)x$(", environment: [:]).unresolved == ["A", "B"])
        #expect(SubPathExpression.expand("$(A)$(B)$(A)x$(", environment: [:]).value == "$(A)$(B)$(A)x$(")
    }

    @Test func everyPodSpecCarrier() {
        let specs = containers("""
            apiVersion: v1
            kind: PodTemplate
            metadata: {name: pt}
            template:
              spec:
                containers: [{name: a, image: x}]
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: cj, namespace: ops}
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: b, image: x}]
            ---
            apiVersion: apps.kruise.io/v1alpha1
            kind: CloneSet
            metadata: {name: cs}
            spec:
              template:
                spec:
                  initContainers: [{name: c, image: x}]
                  containers: [{name: d, image: x}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm}
            data: {spec: "containers"}
            ---
            kind: Pod
            spec:
              containers: [{name: no-api-version}]
            """)
        #expect(specs.map(\.subject) == [
            "container \"a\" in PodTemplate/pt",
            "container \"b\" in CronJob/ops/cj",
            "initContainer \"c\" in CloneSet/cs",
            "container \"d\" in CloneSet/cs",
        ])
    }

    @Test func listItemsAreWalked() {
        let specs = containers("""
            apiVersion: v1
            kind: DeploymentList
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: one}
              spec: {template: {spec: {containers: [{name: a}]}}}
            - apiVersion: v1
              kind: Pod
              metadata: {name: two}
              spec: {containers: [{name: b}], ephemeralContainers: [{name: dbg}]}
            """)
        #expect(specs.map(\.subject) == [
            "container \"a\" in Deployment/one", "container \"b\" in Pod/two", "ephemeralContainer \"dbg\" in Pod/two",
        ])
    }

    @Test func securityContextInheritsLikeTheKubelet() throws {
        let specs = containers("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                runAsUser: 1000
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
                privileged: true
              containers:
              - name: inherits
              - name: overrides
                securityContext:
                  runAsUser: 0
                  seccompProfile: {type: Unconfined}
            """)
        let inherits = try #require(specs.first)
        #expect(inherits.user?.value == "1000")
        #expect(inherits.user?.spelling == "pod securityContext.runAsUser: 1000")
        #expect(inherits.runAsNonRoot?.value == true)
        #expect(inherits.seccomp?.value == .runtimeDefault)
        #expect(inherits.privileged == nil, "privileged is a container-only field")
        let overrides = specs[1]
        #expect(overrides.user?.value == "0")
        #expect(overrides.user?.location.line == 14)
        #expect(overrides.seccomp?.value == .unconfined)
    }

    @Test func mountsFollowSubPathAndOnlyMountedVolumes() {
        let specs = containers("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                volumeMounts:
                - {name: run, mountPath: /s, subPath: docker.sock, readOnly: true}
                - {name: missing, mountPath: /m}
              volumes:
              - name: run
                hostPath: {path: /var/run}
              - name: unused
                hostPath: {path: /}
            """)
        #expect(specs.first?.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(specs.first?.mounts.first?.readOnly == true)
        #expect(specs.first?.mounts.first?.location.line == 12)
    }

    @Test func hostPortsCommandAndEnvironment() {
        let specs = containers("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                command: [dockerd]
                args: ["-H", "tcp://0.0.0.0:2375"]
                env:
                - {name: A, value: "1"}
                - name: B
                  valueFrom: {secretKeyRef: {name: s, key: k}}
                ports:
                - {containerPort: 2375, hostPort: 2375, hostIP: 10.0.0.1}
                - {containerPort: 80}
            """)
        let spec = specs.first
        #expect(spec?.command.map(\.value) == ["dockerd", "-H", "tcp://0.0.0.0:2375"])
        #expect(spec?.environment.map(\.value) == ["A=1", "B="])
        #expect(spec?.publishedPorts.map(\.value.hostIP) == ["10.0.0.1"])
    }
}
