import SockAuditCore

/// SA307: root filesystem not read-only.
public struct WritableRootFSRule: HardeningSwitchRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA307", slug: "writable-root-fs", severity: .low,
        summary: "The container's root filesystem is writable.",
        rationale: """
            A writable root lets an attacker replace the container's binaries, plant persistence and stage \
            tools for the next step; a read-only root with explicit writable volumes keeps the image as built.
            """,
        remediation: """
            Make the root filesystem read-only and mount a tmpfs or volume where the process must write.
            """,
        references: RuleSupport.cis("5.13"),
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - ↓name: unset
                  image: busybox
                - name: off
                  image: busybox
                  securityContext:
                    readOnlyRootFilesystem: ↓false
                """)),
            Example("inspect.json", InspectDocument.container(hostConfig: [#"↓"ReadonlyRootfs": false"#])),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                  api:
                    image: example/api
                    read_only: ↓false
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓--read-only=false alpine
                """#),
        ] + InputExamples.firing("SA307"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext: {readOnlyRootFilesystem: true}
                """)),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""ReadonlyRootfs": true"#])),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    read_only: true
                    tmpfs: [/tmp]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --read-only --tmpfs /tmp alpine
                """#),
        ] + InputExamples.silent("SA307"))

    static let risk = "has a writable root filesystem"

    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.readOnlyRootFilesystem }

    static func fix(in dialect: ContainerDialect) -> String { dialect.readOnlyRoot }
}
