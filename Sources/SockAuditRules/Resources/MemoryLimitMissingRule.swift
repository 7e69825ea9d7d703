import SockAuditCore

/// SA501: no memory limit.
public struct MemoryLimitMissingRule: LimitRule {
    public init() {}
    static let resource = "memory"
    static func limit(of container: ContainerSpec) -> Setting<String>? { container.memoryLimit }
    static func advice(for container: ContainerSpec) -> String { container.dialect.memoryLimit }

    public static let description = RuleDescription(
        id: "SA501", slug: "memory-limit-missing", severity: .low,
        summary: "The container has no memory limit.",
        rationale: """
            Without a memory limit one compromised or runaway container can exhaust the host's memory and \
            take every other workload, and the daemon, down with it.
            """,
        remediation: """
            Set a memory limit sized to the workload.
            """,
        references: RuleSupport.cis("5.11"),
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
                    resources:
                      requests: {memory: 64Mi}
                      limits: {cpu: 500m}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run --cpus 1 alpine
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
                    resources:
                      limits: {memory: 128Mi}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run -m 512m alpine
                docker run --memory=1g alpine
                docker run -dm 512m alpine
                docker service create --limit-memory 256m nginx
                """#),
        ])
}
