import SockAuditCore

/// SA308: no non-root user.
public struct RunsAsRootRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA308", slug: "runs-as-root", severity: .low,
        summary: "The container may run as root.",
        rationale: """
            Root in the container is root on the host's kernel unless user namespaces remap it: every \
            escape bug lands with uid 0, and files on any host mount are owned by root.
            """,
        remediation: """
            Run as a non-root user: set a non-zero user and make the runtime refuse root.
            """,
        references: RuleSupport.cis("4.1") + [.podSecurity("Restricted: Running as Non-root")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsUser: ↓0
                  containers:
                  - name: inherits-root
                    image: busybox
                  - name: null-user-inherits
                    image: busybox
                    securityContext: {runAsUser: null}
                  - name: explicit
                    image: busybox
                    securityContext:
                      runAsNonRoot: true
                      runAsUser: ↓0
                """),
            Example("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j}
                spec:
                  template:
                    spec:
                      containers:
                      - name: nonroot-false
                        image: busybox
                        securityContext:
                          runAsNonRoot: ↓false
                      - ↓name: unset
                        image: busybox
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
            Example("root.json", """
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
                            ↓"User": "0:0",
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
                    user: ↓root
                  job:
                    image: example/job
                    user: ↓"0:0"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓-u 0 alpine
                docker run ↓--user root:root alpine
                """#),
        ] + InputExamples.firing("SA308"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: inherits
                    image: busybox
                  - name: own-uid
                    image: busybox
                    securityContext: {runAsUser: 1000, runAsNonRoot: false}
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
                            "User": "101:101",
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
                    user: "1000:1000"
                  api:
                    image: example/api
                    user: app
                  job:
                    image: example/job
                    user: ${APP_UID:-1001}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --user 1000:1000 alpine
                docker run -u app alpine
                """#),
            Example("Jenkinsfile", #"""
                node {
                  docker.image('node:20').inside('-e CI=1') {
                    sh 'npm test'
                  }
                }
                """#),
        ] + InputExamples.silent("SA308"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        if let user = container.user {
            guard RuleSupport.isRoot(user.value) else { return [] }
            return [Self.description.finding(
                at: user.location, "\(container.subject) runs as root (\(user.spelling))", subject: container.subject)]
        }
        if let nonRoot = container.runAsNonRoot {
            if nonRoot.value { return [] }
            return [Self.description.finding(
                at: nonRoot.location, "\(container.subject) may run as root (\(nonRoot.spelling))",
                subject: container.subject)]
        }
        guard container.isComplete else { return [] }
        return [Self.description.finding(
            at: container.location,
            "\(container.subject) sets no non-root user, so it runs as the image's user (root unless the image says otherwise): set \(container.dialect.nonRootUser)",
            subject: container.subject)]
    }
}
