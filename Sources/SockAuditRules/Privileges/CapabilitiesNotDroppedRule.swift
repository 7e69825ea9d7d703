import SockAuditCore

/// SA303: the default capabilities are kept.
public struct CapabilitiesNotDroppedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA303", slug: "capabilities-not-dropped", severity: .low,
        summary: "The container keeps the runtime's default capabilities instead of dropping them all.",
        rationale: """
            The default set (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, MKNOD and more) is far \
            more than most workloads use, and each one widens what an attacker inside can do next to a \
            kernel bug.
            """,
        remediation: """
            Drop ALL capabilities and add back only the ones the process needs.
            """,
        references: RuleSupport.cis("5.4") + [.podSecurity("Restricted: Capabilities")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - ↓name: a
                    image: busybox
                  - ↓name: b
                    image: busybox
                    securityContext:
                      capabilities:
                        drop: [NET_RAW]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                sudo ↓docker run --cap-drop=NET_RAW alpine
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    ↓container: example/builder:1
                    steps:
                      - run: make
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
                    securityContext:
                      capabilities:
                        drop: ["ALL"]
                  - name: b
                    image: busybox
                    securityContext:
                      capabilities: {drop: [all], add: [NET_BIND_SERVICE]}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --cap-drop=ALL alpine
                docker run --cap-drop all --cap-add NET_BIND_SERVICE alpine
                """#),
        ])

    public func check(_ container: ContainerSpec) -> [Finding] {
        if container.capabilitiesDropped.contains(where: { RuleSupport.canonicalCapability($0.value) == "ALL" }) {
            return []
        }
        let dropped = container.capabilitiesDropped.map { RuleSupport.canonicalCapability($0.value) }
        let detail = dropped.isEmpty ? "drops no capabilities" : "drops only \(dropped.joined(separator: ", "))"
        return [Self.description.finding(
            at: container.location, "\(container.subject) \(detail): add \(container.dialect.dropAllCapabilities)",
            subject: container.subject)]
    }
}
