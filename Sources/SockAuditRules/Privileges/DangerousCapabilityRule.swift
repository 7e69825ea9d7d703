import SockAuditCore

/// SA302: a capability that opens a path to the host is added.
public struct DangerousCapabilityRule: ContainerRule {
    public init() {}

    /// Each capability with what it hands over.
    static let dangerous: [String: String] = [
        "ALL": "every capability",
        "SYS_ADMIN": "mount, namespaces and cgroup control (the classic release_agent escape)",
        "SYS_MODULE": "loading kernel modules",
        "SYS_PTRACE": "tracing and injecting into other processes",
        "SYS_RAWIO": "raw I/O ports and memory",
        "SYS_BOOT": "rebooting the host",
        "DAC_READ_SEARCH": "reading any host file by handle (the shocker escape)",
        "NET_ADMIN": "reconfiguring the network stack",
        "BPF": "loading BPF programs into the kernel",
    ]

    public static let description = RuleDescription(
        id: "SA302", slug: "dangerous-capability", severity: .high,
        summary: "The container adds a capability that opens a path to the host.",
        rationale: """
            ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, DAC_READ_SEARCH, NET_ADMIN and BPF \
            each give a container a known route out of its namespaces: mounting filesystems, loading kernel \
            code, reading host files by handle, or tampering with other processes.
            """,
        remediation: """
            Remove the capability; if one narrow privilege is needed, add only that one and drop ALL the rest.
            """,
        references: RuleSupport.cis("5.4") + [.podSecurity("Baseline: Capabilities")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    capabilities:
                      add: [↓SYS_ADMIN, NET_BIND_SERVICE, ↓"cap_sys_ptrace"]
                      drop: [ALL]
                - name: b
                  image: busybox
                  securityContext:
                    capabilities:
                      add:
                      - ↓ALL
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("CapAdd", ["↓NET_ADMIN", "↓SYS_PTRACE"]),
                ])),
            Example("compose.yaml", """
                services:
                  vpn:
                    image: example/vpn
                    cap_add:
                      - ↓NET_ADMIN
                      - NET_BIND_SERVICE
                  debug:
                    image: busybox
                    cap_add: [↓CAP_SYS_ADMIN, ↓sys_ptrace]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--cap-add SYS_ADMIN alpine
                docker run ↓--cap-add=net_admin ↓--cap-add CAP_SYS_PTRACE alpine
                """#),
        ] + InputExamples.firing("SA302"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    capabilities:
                      add: [NET_BIND_SERVICE, CHOWN]
                      drop: [SYS_ADMIN]
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("CapAdd", ["NET_BIND_SERVICE"]),
                    InspectDocument.array("CapDrop", ["ALL"]),
                ])),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    cap_drop: [ALL]
                    cap_add: [NET_BIND_SERVICE, CHOWN]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE alpine
                docker run --cap-drop SYS_ADMIN alpine
                """#),
        ] + InputExamples.silent("SA302"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        container.capabilitiesAdded.compactMap { added in
            let capability = added.value
            guard let grants = Self.dangerous[capability] else { return nil }
            return Self.description.finding(
                at: added.location, "\(container.subject) adds \(capability) (\(added.spelling)), which grants \(grants)",
                subject: container.subject, evidence: capability, written: added.spelling)
        }
    }
}
