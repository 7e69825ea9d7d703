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
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - ↓name: a
                    image: busybox
                  - ↓name: b
                    image: busybox
                    securityContext:
                      capabilities:
                        drop: [NET_RAW]
                """),
            Example("inspect.json", """
                [
                    ↓{
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
                            "NetworkMode": "default",
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
            Example("podman.json", """
                [
                    ↓{
                        "Id": "3f2a9c1b0d4e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a",
                        "Path": "/docker-entrypoint.sh",
                        "Args": [
                            "nginx",
                            "-g",
                            "daemon off;"
                        ],
                        "Image": "sha256:a8758716bb6aa4d90071160d27028fe4eaee7ce8166221a97d30440c8eac2be6",
                        "Name": "/builder",
                        "HostConfig": {
                            "Binds": null,
                            "NetworkMode": "default",
                            "PortBindings": {},
                            "CapAdd": null,
                            "CapDrop": [
                                "CAP_AUDIT_WRITE",
                                "CAP_MKNOD",
                                "CAP_NET_RAW"
                            ],
                            "IpcMode": "private",
                            "PidMode": "private",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [],
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
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
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
                            "NetworkMode": "default",
                            "PortBindings": {},
                            "CapAdd": [
                                "NET_BIND_SERVICE"
                            ],
                            "CapDrop": [
                                "ALL"
                            ],
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
