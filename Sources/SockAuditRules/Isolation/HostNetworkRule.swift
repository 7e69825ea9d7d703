import SockAuditCore

/// SA402: host network namespace.
public struct HostNetworkRule: HostNamespaceRule {
    public init() {}
    static let namespace = "network namespace"
    static let consequence = "it reaches every service bound to the host's loopback, a daemon on tcp://127.0.0.1:2375 included, and can sniff host traffic"
    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.hostNetwork }

    public static let description = RuleDescription(
        id: "SA402", slug: "host-network", severity: .medium,
        summary: "The container shares the host's network namespace.",
        rationale: """
            On the host network a container reaches everything bound to the host's loopback (a Docker daemon \
            or containerd shim API there is root), binds host ports, and sees host traffic.
            """,
        remediation: """
            Use the default network and publish only the ports the service needs.
            """,
        references: RuleSupport.cis("5.10") + [.podSecurity("Baseline: Host Namespaces")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      hostNetwork: ↓true
                      containers:
                      - {name: a, image: busybox}
                """),
            Example("inspect.json", InspectDocument.container(hostConfig: [#"↓"NetworkMode": "host""#])),
            Example("compose.yaml", """
                services:
                  bench:
                    image: docker/docker-bench-security
                    network_mode: ↓host
                  legacy:
                    image: busybox
                    net: ↓"host"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--net=host alpine
                docker run ↓--network host alpine
                """#),
        ] + InputExamples.firing("SA402"),
        silentExamples: [
            Example("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    metadata:
                      labels: {hostNetwork: "true"}
                    spec:
                      containers:
                      - {name: a, image: busybox}
                """),
            Example("inspect.json", InspectDocument.container(hostConfig: [#""NetworkMode": "bridge""#])),
            Example("containers.json", InspectDocument.summary()),
            Example("compose.yaml", """
                services:
                  vpn:
                    image: example/vpn
                    network_mode: bridge
                  app:
                    image: example/app
                    network_mode: "service:vpn"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --network bridge alpine
                docker network create host-net
                """#),
        ] + InputExamples.silent("SA402"))
}
