import SockAuditCore

/// SA401: host PID namespace.
public struct HostPIDRule: HostNamespaceRule {
    public init() {}
    static let namespace = "PID namespace"
    static let consequence = "it sees every host process and, as root, can enter them through /proc/<pid>/root"
    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.hostPID }

    public static let description = RuleDescription(
        id: "SA401", slug: "host-pid", severity: .high,
        summary: "The container shares the host's PID namespace.",
        rationale: """
            In the host PID namespace a container sees and signals every host process; with root or \
            SYS_PTRACE it reads their memory and environment and walks into the host filesystem through \
            /proc/1/root.
            """,
        remediation: """
            Remove the host PID setting; debug tools that need it belong in short-lived, reviewed pods.
            """,
        references: RuleSupport.cis("5.16") + [.podSecurity("Baseline: Host Namespaces")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                hostPID: ↓true
                containers:
                - {name: a, image: busybox}
                - {name: b, image: busybox}
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    #"↓"PidMode": "host""#,
                    InspectDocument.array("SecurityOpt", ["label=disable"]),
                ])),
            Example("compose.yaml", """
                services:
                  bench:
                    image: docker/docker-bench-security
                    pid: ↓host
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--pid=host alpine
                docker run ↓--pid host alpine
                """#),
        ] + InputExamples.firing("SA401"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                hostPID: false
                containers:
                - {name: a, image: busybox}
                """)),
            Example("inspect.json", InspectDocument.container()),
            Example("podman.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("CapDrop", ["CAP_AUDIT_WRITE", "CAP_MKNOD"]),
                    #""PidMode": "private""#,
                    #""SecurityOpt": []"#,
                ])),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                  sidecar:
                    image: busybox
                    pid: "service:web"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --pid=container:app alpine
                docker run alpine ps --pid=host
                """#),
        ] + InputExamples.silent("SA401"))
}
