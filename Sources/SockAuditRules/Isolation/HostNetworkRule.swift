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
        inputs: ["k8s", "compose", "cli", "inspect"],
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
            Example("inspect.json", """
                [
                    {
                        "Id": "3f2a9c1b0d4e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a",
                        "Path": "/docker-entrypoint.sh",
                        "Args": [
                            "nginx",
                            "-g",
                            "daemon off;"
                        ],
                        "Image": "sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6",
                        "Name": "/web",
                        "HostConfig": {
                            "Binds": null,
                            ↓"NetworkMode": "host",
                            "PortBindings": {},
                            "CapAdd": null,
                            "CapDrop": null,
                            "IpcMode": "private",
                            "PidMode": "",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": null,
                            "UsernsMode": "",
                            "Memory": 0,
                            "NanoCpus": 0,
                            "CpuQuota": 0,
                            "PidsLimit": null
                        },
                        "Mounts": [],
                        "Config": {
                            "Hostname": "3f2a9c1b0d4e",
                            "User": "",
                            "Env": [
                                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                "NGINX_VERSION=1.25.3"
                            ],
                            "Cmd": [
                                "nginx",
                                "-g",
                                "daemon off;"
                            ],
                            "Image": "nginx:1.25",
                            "Entrypoint": [
                                "/docker-entrypoint.sh"
                            ]
                        }
                    }
                ]
                """),
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
            Example("inspect.json", """
                [
                    {
                        "Id": "3f2a9c1b0d4e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a",
                        "Path": "/docker-entrypoint.sh",
                        "Args": [
                            "nginx",
                            "-g",
                            "daemon off;"
                        ],
                        "Image": "sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6",
                        "Name": "/web",
                        "HostConfig": {
                            "Binds": null,
                            "NetworkMode": "bridge",
                            "PortBindings": {},
                            "CapAdd": null,
                            "CapDrop": null,
                            "IpcMode": "private",
                            "PidMode": "",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": null,
                            "UsernsMode": "",
                            "Memory": 0,
                            "NanoCpus": 0,
                            "CpuQuota": 0,
                            "PidsLimit": null
                        },
                        "Mounts": [],
                        "Config": {
                            "Hostname": "3f2a9c1b0d4e",
                            "User": "",
                            "Env": [
                                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                "NGINX_VERSION=1.25.3"
                            ],
                            "Cmd": [
                                "nginx",
                                "-g",
                                "daemon off;"
                            ],
                            "Image": "nginx:1.25",
                            "Entrypoint": [
                                "/docker-entrypoint.sh"
                            ]
                        }
                    }
                ]
                """),
            Example("containers.json", """
                [
                  {
                    "Id": "9b1f0c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
                    "Names": [
                      "/portainer_agent"
                    ],
                    "Image": "portainer/agent:2.19.4",
                    "ImageID": "sha256:5e3a8f7c1d2b4a6e9f0c8b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e",
                    "Command": "./agent",
                    "Created": 1715678497,
                    "Ports": [
                      {
                        "IP": "0.0.0.0",
                        "PrivatePort": 9001,
                        "PublicPort": 9001,
                        "Type": "tcp"
                      }
                    ],
                    "Labels": {},
                    "State": "running",
                    "Status": "Up 2 hours",
                    "HostConfig": {
                      "NetworkMode": "default"
                    },
                    "NetworkSettings": {
                      "Networks": {
                        "bridge": {
                          "IPAddress": "172.17.0.3"
                        }
                      }
                    },
                    "Mounts": [
                      {
                        "Type": "bind",
                        "Source": "/var/run/docker.sock",
                        "Destination": "/var/run/docker.sock",
                        "Mode": "",
                        "RW": true,
                        "Propagation": "rprivate"
                      }
                    ]
                  }
                ]
                """),
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
