import SockAuditCore

/// SA304: seccomp turned off.
public struct SeccompUnconfinedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA304", slug: "seccomp-unconfined", severity: .high,
        summary: "The container runs without a seccomp filter.",
        rationale: """
            The default seccomp profile blocks the system calls most kernel escapes start with (unshare, \
            mount, keyctl, bpf, ptrace of the runtime). Unconfined, every kernel bug reachable from a \
            system call is reachable from the container.
            """,
        remediation: """
            Use the runtime's default profile (RuntimeDefault), or a custom profile that allows only what \
            the workload calls.
            """,
        references: RuleSupport.cis("5.22") + [.podSecurity("Baseline: Seccomp")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.seccomp.security.alpha.kubernetes.io/legacy: ↓unconfined
                spec:
                  securityContext:
                    seccompProfile:
                      type: ↓Unconfined
                  containers:
                  - name: inherits
                    image: busybox
                  - name: own
                    image: busybox
                    securityContext:
                      seccompProfile: {type: ↓Unconfined}
                  - name: legacy
                    image: busybox
                """),
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: ↓unconfined
                spec:
                  containers:
                  - name: a
                    image: busybox
                """),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["↓seccomp=unconfined"]),
                ])),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt: [↓"seccomp:unconfined"]
                  b:
                    image: busybox
                    security_opt:
                      - no-new-privileges:true
                      - ↓seccomp=unconfined
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--security-opt seccomp=unconfined alpine
                docker run ↓--security-opt=seccomp:unconfined alpine
                """#),
        ] + InputExamples.firing("SA304"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                securityContext:
                  seccompProfile: {type: Unconfined}
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                - name: b
                  image: busybox
                  securityContext:
                    seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["seccomp=/etc/docker/seccomp/strict.json", "no-new-privileges"]),
                ])),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt: ["seccomp=./profile.json", "no-new-privileges"]
                    labels: ["seccomp:unconfined"]
                  # Docker reads "Unconfined" as the name of a profile file, not as no profile
                  b:
                    image: busybox
                    security_opt: ["seccomp=Unconfined"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt seccomp=/etc/docker/seccomp.json alpine
                docker run --security-opt seccomp=Unconfined alpine
                docker run --security-opt Seccomp=unconfined alpine
                """#),
            Example("api.json", """
                {"Id": "4b1c2d3e", "Name": "/api", "Config": {"Image": "example/api"},
                 "HostConfig": {"Privileged": false, "SecurityOpt": ["seccomp=Unconfined"]}}
                """),
        ] + InputExamples.silent("SA304"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let seccomp = container.seccomp, seccomp.value == .unconfined else { return [] }
        return [Self.description.finding(
            at: seccomp.location, "\(container.subject) runs without seccomp (\(seccomp.spelling))",
            subject: container.subject, evidence: "seccomp")]
    }
}
