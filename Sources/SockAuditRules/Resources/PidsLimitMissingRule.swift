import SockAuditCore

/// SA503: no PIDs limit (not k8s: the kubelet sets it per node).
public struct PidsLimitMissingRule: LimitRule {
    public init() {}
    static let resource = "PIDs"
    static func limit(of container: ContainerSpec) -> Setting<String>? { container.pidsLimit }
    static func advice(for container: ContainerSpec) -> String { container.dialect.pidsLimit }
    static func applies(to container: ContainerSpec) -> Bool { container.pidsLimitApplies }

    public static let description = RuleDescription(
        id: "SA503", slug: "pids-limit-missing", severity: .low,
        summary: "The container has no PIDs limit.",
        rationale: """
            Without a PIDs limit a fork bomb, or a runaway worker pool, in one container exhausts the host's \
            process table and takes down every other workload and the daemon with it.
            """,
        remediation: """
            Set a PIDs limit sized to the workload (a few hundred is plenty for most services).
            """,
        references: RuleSupport.cis("5.29"),
        inputs: [.compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx:1.27
                    mem_limit: 256m
                    cpus: 0.5
                """),
            Example("stack.yml", """
                version: "3.8"
                services:
                  ↓api:
                    image: example/api
                    deploy:
                      resources:
                        limits: {memory: 256M, cpus: "0.5"}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                """#),
            Example("inspect.json", InspectDocument.container(marked: true)),
        ] + InputExamples.firing("SA503"),
        silentExamples: [
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx:1.27
                    pids_limit: 200
                  api:
                    image: example/api
                    deploy:
                      resources:
                        limits: {pids: 100}
                """),
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                """)),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --pids-limit 100 alpine
                """#),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""PidsLimit": 100"#])),
        ] + InputExamples.silent("SA503"))
}
