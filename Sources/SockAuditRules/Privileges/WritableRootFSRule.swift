import SockAuditCore

/// SA307: root filesystem not read-only.
public struct WritableRootFSRule: ContainerRule {
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
                  - name: off
                    image: busybox
                    securityContext:
                      readOnlyRootFilesystem: ↓false
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
                            ↓"ReadonlyRootfs": false,
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
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: busybox
                    securityContext: {readOnlyRootFilesystem: true}
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
                            "ReadonlyRootfs": true,
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

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let setting = container.readOnlyRootFilesystem else {
            guard container.isComplete else { return [] }
            return [Self.description.finding(
                at: container.location,
                "\(container.subject) has a writable root filesystem: set \(container.dialect.readOnlyRoot)",
                subject: container.subject)]
        }
        guard !setting.value else { return [] }
        return [Self.description.finding(
            at: setting.location, "\(container.subject) has a writable root filesystem (\(setting.spelling))",
            subject: container.subject)]
    }
}
