import SockAuditCore

/// SA305: AppArmor unconfined or SELinux labelling disabled.
public struct MACDisabledRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA305", slug: "mac-disabled", severity: .medium,
        summary: "AppArmor is unconfined or SELinux labelling is disabled for the container.",
        rationale: """
            AppArmor and SELinux are the second wall behind namespaces: they stop a process that got out of \
            its mount namespace from writing host files, and have blocked several runc escapes outright. \
            `spc_t` is SELinux's unconfined container type.
            """,
        remediation: """
            Keep the runtime's default AppArmor profile and SELinux label; if a workload needs more, write a \
            profile that allows that, instead of turning confinement off.
            """,
        references: RuleSupport.cis("5.2") + RuleSupport.cis("5.3") + [.podSecurity("Baseline: AppArmor"), .podSecurity("Baseline: SELinux")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/old: ↓unconfined
                spec:
                  securityContext:
                    seLinuxOptions:
                      type: ↓spc_t
                  containers:
                  - name: new
                    image: busybox
                    securityContext:
                      appArmorProfile:
                        type: ↓Unconfined
                  - name: old
                    image: busybox
                    securityContext:
                      seLinuxOptions: {type: container_t}
                """),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["↓apparmor=unconfined", "↓label=type:spc_t"]),
                ])),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt:
                      - ↓apparmor:unconfined
                      - ↓label:disable
                  b:
                    image: busybox
                    security_opt: [↓"label=disable"]
                  c:
                    image: busybox
                    security_opt: [↓"label:type:spc_t"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--security-opt apparmor=unconfined alpine
                podman run ↓--security-opt label=disable alpine
                podman run ↓--security-opt label=type:spc_t alpine
                """#),
        ] + InputExamples.firing("SA305"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/a: runtime/default
                spec:
                  securityContext:
                    appArmorProfile: {type: Unconfined}
                  containers:
                  - name: a
                    image: busybox
                    securityContext:
                      seLinuxOptions: {type: container_t}
                      appArmorProfile: {type: RuntimeDefault}
                """),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    #""Privileged": true"#,
                    InspectDocument.array("SecurityOpt", ["label=disable"]),
                ])),
            Example("host-pid.json", InspectDocument.container(
                hostConfig: [
                    #""PidMode": "host""#,
                    InspectDocument.array("SecurityOpt", ["label=disable"]),
                ])),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt:
                      - apparmor=docker-default
                      - label:level:s0:c100,c200
                      - label=type:container_t
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt apparmor=docker-default alpine
                podman run --security-opt label=type:container_t alpine
                """#),
        ] + InputExamples.silent("SA305"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        var findings: [Finding] = []
        if let appArmor = container.appArmor, appArmor.value == .unconfined {
            findings.append(Self.description.finding(
                at: appArmor.location, "\(container.subject) runs without AppArmor (\(appArmor.spelling))",
                subject: container.subject, evidence: "apparmor"))
        }
        if let seLinux = container.seLinux {
            let disabled: Bool
            switch seLinux.value {
            case .disabled: disabled = true
            case .type(let type): disabled = type == "spc_t" || type == "unconfined_t"
            }
            if disabled {
                findings.append(Self.description.finding(
                    at: seLinux.location, "\(container.subject) runs without SELinux confinement (\(seLinux.spelling))",
                    subject: container.subject, evidence: "selinux"))
            }
        }
        return findings
    }
}
