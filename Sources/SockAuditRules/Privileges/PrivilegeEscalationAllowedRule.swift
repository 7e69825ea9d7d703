import SockAuditCore

/// SA306: no-new-privileges not set.
public struct PrivilegeEscalationAllowedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA306", slug: "privilege-escalation-allowed", severity: .medium,
        summary: "Processes in the container may gain privileges through setuid binaries or file capabilities.",
        rationale: """
            Without no-new-privileges, a setuid-root binary in the image (or one an attacker writes) turns a \
            non-root process into root inside the container, one step closer to the host.
            """,
        remediation: """
            Set no-new-privileges on the container (Kubernetes: allowPrivilegeEscalation: false).
            """,
        references: RuleSupport.cis("5.26") + [.podSecurity("Restricted: Privilege Escalation")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - ↓name: unset
                    image: busybox
                  - name: allowed
                    image: busybox
                    securityContext:
                      allowPrivilegeEscalation: ↓true
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓--security-opt no-new-privileges=false alpine
                """#),
        ],
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: busybox
                    securityContext: {allowPrivilegeEscalation: false}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt no-new-privileges alpine
                docker run --security-opt=no-new-privileges:true alpine
                """#),
        ])

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let setting = container.noNewPrivileges else {
            return [Self.description.finding(
                at: container.location,
                "\(container.subject) allows privilege escalation: set \(container.dialect.noNewPrivileges)",
                subject: container.subject)]
        }
        guard !setting.value else { return [] }
        return [Self.description.finding(
            at: setting.location, "\(container.subject) allows privilege escalation (\(setting.spelling))",
            subject: container.subject)]
    }
}
