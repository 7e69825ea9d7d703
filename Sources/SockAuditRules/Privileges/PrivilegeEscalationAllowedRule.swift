import SockAuditCore

/// SA306: no-new-privileges not set.
public struct PrivilegeEscalationAllowedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA306", slug: "privilege-escalation-allowed", severity: .medium,
        summary: "Processes in the container may gain privileges through setuid binaries or file capabilities.",
        rationale: """
            Without no-new-privileges, a setuid-root binary in the image (or one an attacker writes) turns a \
            non-root process into root inside the container, one step closer to the host.
            """,
        remediation: """
            Set no-new-privileges on the container (Kubernetes: allowPrivilegeEscalation: false).
            """,
        references: RuleSupport.cis("5.26") + [.podSecurity("Restricted: Privilege Escalation")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - ↓name: unset
                    image: busybox
                  - name: allowed
                    image: busybox
                    securityContext:
                      allowPrivilegeEscalation: ↓true
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
            Example("explicit.json", """
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
                            "CapAdd": null,
                            "CapDrop": null,
                            "IpcMode": "private",
                            "PidMode": "",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [
                                ↓"no-new-privileges:false"
                            ],
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
                  api:
                    image: example/api
                    security_opt: [↓"no-new-privileges:false"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓--security-opt no-new-privileges=false alpine
                """#),
        ] + InputExamples.firing("SA306"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: busybox
                    securityContext: {allowPrivilegeEscalation: false}
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
                            "CapAdd": null,
                            "CapDrop": null,
                            "IpcMode": "private",
                            "PidMode": "",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [
                                "no-new-privileges:true"
                            ],
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
            Example("bare.json", """
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
                            "CapAdd": null,
                            "CapDrop": null,
                            "IpcMode": "private",
                            "PidMode": "",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [
                                "no-new-privileges"
                            ],
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
            Example("mounts.json", """
                [{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"},{"Type":"volume","Name":"data","Source":"/var/lib/docker/volumes/data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}]
                """),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt: [no-new-privileges]
                  b:
                    image: busybox
                    security_opt: ["no-new-privileges:true"]
                  c:
                    image: busybox
                    security_opt: ["no-new-privileges=true"]
                  d:
                    image: busybox
                    security_opt: ["no-new-privileges=1"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt no-new-privileges alpine
                docker run --security-opt=no-new-privileges:true alpine
                docker run --security-opt no-new-privileges=1 alpine
                """#),
            // Go's ParseBool reads 1 and T as true in every input, docker inspect output included
            Example("api.json", """
                [{"Id": "4b1c2d3e", "Name": "/api", "Config": {"Image": "example/api"},
                  "HostConfig": {"Privileged": false, "SecurityOpt": ["no-new-privileges=1"]}},
                 {"Id": "5c2d3e4f", "Name": "/worker", "Config": {"Image": "example/worker"},
                  "HostConfig": {"Privileged": false, "SecurityOpt": ["no-new-privileges:T"]}}]
                """),
        ] + InputExamples.silent("SA306"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let setting = container.noNewPrivileges else {
            guard container.isComplete else { return [] }
            return [Self.description.finding(
                at: container.location,
                "\(container.subject) allows privilege escalation: set \(container.dialect.noNewPrivileges)",
                subject: container.subject)]
        }
        guard !setting.value else { return [] }
        return [Self.description.finding(
            at: setting.location, "\(container.subject) allows privilege escalation (\(setting.spelling))",
            subject: container.subject)]
    }
}
