import SockAuditCore

/// SA502: no CPU limit.
public struct CPULimitMissingRule: LimitRule {
    public init() {}
    static let resource = "CPU"
    static func limit(of container: ContainerSpec) -> Setting<String>? { container.cpuLimit }
    static func advice(for container: ContainerSpec) -> String { container.dialect.cpuLimit }

    public static let description = RuleDescription(
        id: "SA502", slug: "cpu-limit-missing", severity: .low,
        summary: "The container has no CPU limit.",
        rationale: """
            Without a CPU limit one container can starve its neighbours and the host's own services.
            """,
        remediation: """
            Set a CPU limit (or CPU shares) sized to the workload.
            """,
        references: RuleSupport.cis("5.12"),
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - ↓name: a
                  image: busybox
                  resources:
                    limits: {memory: 128Mi}
                """)),
            Example("inspect.json", InspectDocument.container(marked: true)),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                    mem_limit: 256m
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run -m 512m alpine
                """#),
        ] + InputExamples.firing("SA502"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  resources:
                    limits: {cpu: "1"}
                """)),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""NanoCpus": 1500000000"#])),
            Example("quota.json", InspectDocument.container(hostConfig: [#""CpuQuota": 50000"#])),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    cpus: "0.5"
                  api:
                    image: example/api
                    deploy:
                      resources:
                        limits: {cpus: "1.0"}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --cpus=1.5 alpine
                docker service create --limit-cpu 0.5 nginx
                """#),
        ] + InputExamples.silent("SA502"))
}
