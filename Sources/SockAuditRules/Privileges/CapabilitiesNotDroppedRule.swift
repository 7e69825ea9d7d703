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
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - ↓name: a
                  image: busybox
                - ↓name: b
                  image: busybox
                  securityContext:
                    capabilities:
                      drop: [NET_RAW]
                """)),
            Example("inspect.json", InspectDocument.container(marked: true)),
            Example("podman.json", InspectDocument.container(
                name: "builder",
                hostConfig: [
                    InspectDocument.array("CapDrop", ["CAP_AUDIT_WRITE", "CAP_MKNOD", "CAP_NET_RAW"]),
                    #""PidMode": "private""#,
                    #""SecurityOpt": []"#,
                ],
                marked: true)),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                  ↓api:
                    image: example/api
                    cap_drop: [NET_RAW]
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
        ] + InputExamples.firing("SA303"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
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
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("CapAdd", ["NET_BIND_SERVICE"]),
                    InspectDocument.array("CapDrop", ["ALL"]),
                ])),
            Example("containers.json", InspectDocument.summary()),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    cap_drop: [ALL]
                  api:
                    image: example/api
                    cap_drop:
                      - all
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --cap-drop=ALL alpine
                docker run --cap-drop all --cap-add NET_BIND_SERVICE alpine
                """#),
        ] + InputExamples.silent("SA303"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        if !container.isComplete || container.capabilitiesDropped.contains(where: { $0.value == "ALL" }) {
            return []
        }
        let dropped = container.capabilitiesDropped.map { $0.value }
        let detail = dropped.isEmpty ? "drops no capabilities" : "drops only \(dropped.joined(separator: ", "))"
        return [Self.description.finding(
            at: container.location, "\(container.subject) \(detail): add \(container.dialect.dropAllCapabilities)",
            subject: container.subject)]
    }
}
