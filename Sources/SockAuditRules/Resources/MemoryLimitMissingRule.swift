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
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - ↓name: a
                  image: busybox
                  resources:
                    requests: {memory: 64Mi}
                    limits: {cpu: 500m}
                """)),
            Example("inspect.json", InspectDocument.container(marked: true)),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                    cpus: 0.5
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run --cpus 1 alpine
                """#),
        ] + InputExamples.firing("SA501"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  resources:
                    limits: {memory: 128Mi}
                """)),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""Memory": 536870912"#])),
            Example("mounts.json", """
                [{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"},{"Type":"volume","Name":"data","Source":"/var/lib/docker/volumes/data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}]
                """),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    mem_limit: 256m
                  api:
                    image: example/api
                    deploy:
                      resources:
                        limits:
                          memory: 512M
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run -m 512m alpine
                docker run --memory=1g alpine
                docker run -dm 512m alpine
                docker service create --limit-memory 256m nginx
                """#),
        ] + InputExamples.silent("SA501"))
}
