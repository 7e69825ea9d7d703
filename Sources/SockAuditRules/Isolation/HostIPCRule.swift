import SockAuditCore

/// SA403: host IPC namespace.
public struct HostIPCRule: HostNamespaceRule {
    public init() {}
    static let namespace = "IPC namespace"
    static let consequence = "it reads and writes the host's shared memory and message queues"
    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.hostIPC }

    public static let description = RuleDescription(
        id: "SA403", slug: "host-ipc", severity: .medium,
        summary: "The container shares the host's IPC namespace.",
        rationale: """
            In the host IPC namespace a container reads and writes the shared memory segments, semaphores \
            and message queues of host processes.
            """,
        remediation: """
            Remove the host IPC setting; share IPC only between containers of one pod or service.
            """,
        references: RuleSupport.cis("5.17") + [.podSecurity("Baseline: Host Namespaces")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                hostIPC: ↓true
                containers:
                - {name: a, image: busybox}
                """)),
            Example("inspect.json", InspectDocument.container(hostConfig: [#"↓"IpcMode": "host""#])),
            Example("compose.yaml", """
                services:
                  shm:
                    image: example/shm
                    ipc: ↓host
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--ipc=host alpine
                """#),
        ] + InputExamples.firing("SA403"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                hostIPC: false
                containers:
                - {name: a, image: busybox}
                """)),
            Example("inspect.json", InspectDocument.container()),
            Example("shareable.json", InspectDocument.container(hostConfig: [#""IpcMode": "shareable""#])),
            Example("compose.yaml", """
                services:
                  shm:
                    image: example/shm
                    ipc: shareable
                  reader:
                    image: example/reader
                    ipc: "service:shm"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --ipc=private alpine
                docker run --ipc shareable alpine
                """#),
        ] + InputExamples.silent("SA403"))
}
