import SockAuditCore

/// SA404: user namespace remapping bypassed.
public struct HostUsernsRule: HostNamespaceRule {
    public init() {}
    static let namespace = "user namespace"
    static let consequence = "root in the container is root on the host even where the daemon remaps users"
    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.hostUserNamespace }

    public static let description = RuleDescription(
        id: "SA404", slug: "host-userns", severity: .medium,
        summary: "The container opts out of the daemon's user-namespace remapping.",
        rationale: """
            With userns-remap the daemon maps container root to an unprivileged host uid; `--userns=host` \
            turns that off for one container, so its root is the host's root again.
            """,
        remediation: """
            Remove the host user-namespace setting so the daemon's remapping applies.
            """,
        references: RuleSupport.cis("5.31"),
        inputs: [.compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("compose.yaml", """
                services:
                  agent:
                    image: example/agent
                    userns_mode: ↓host
                  sidecar:
                    image: example/sidecar
                    userns_mode: ↓"${USERNS:-host}"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--userns=host alpine
                """#),
            Example("inspect.json", InspectDocument.container(hostConfig: [#"↓"UsernsMode": "host""#])),
        ] + InputExamples.firing("SA404"),
        silentExamples: [
            Example("compose.yaml", """
                services:
                  agent:
                    image: example/agent
                    userns_mode: ""
                    labels:
                      note: "userns_mode: host"
                  # userns_mode: host
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run alpine
                podman run --userns=keep-id alpine
                """#),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""UsernsMode": """#])),
        ] + InputExamples.silent("SA404"))
}
