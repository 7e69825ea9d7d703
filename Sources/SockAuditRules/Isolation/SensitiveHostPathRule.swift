import SockAuditCore

/// SA405: a sensitive host folder is mounted.
public struct SensitiveHostPathRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA405", slug: "sensitive-host-path", severity: .high,
        summary: "A host folder that hands over the host (/, /etc, /proc, the runtime's data) is mounted.",
        rationale: """
            Write access to /etc, /root or the runtime's data folders is root on the host; /proc and /sys \
            expose kernel knobs (core_pattern, release_agent) that run code as host root; even read-only, \
            these mounts leak credentials and keys.
            """,
        remediation: """
            Mount only the specific file or folder the workload needs, read-only where possible, or use a \
            volume instead of a host path.
            """,
        references: RuleSupport.cis("5.6") + [.podSecurity("Baseline: HostPath Volumes")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: busybox
                    volumeMounts:
                    - {name: root, mountPath: /host, readOnly: true}
                    - {name: etc, mountPath: /host-etc}
                    - {name: var-lib, mountPath: /var-lib}
                  volumes:
                  - {name: root, hostPath: {path: ↓/}}
                  - {name: etc, hostPath: {path: ↓/etc/}}
                  - {name: var-lib, hostPath: {path: ↓/var/lib}}
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
                            "Binds": [
                                ↓"/:/host:ro"
                            ],
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
                        "Mounts": [
                            {
                                "Type": "bind",
                                "Source": "/",
                                "Destination": "/host",
                                "Mode": "ro",
                                "RW": false,
                                "Propagation": "rprivate"
                            },
                            {
                                "Type": "bind",
                                ↓"Source": "/etc",
                                "Destination": "/host-etc",
                                "Mode": "",
                                "RW": true,
                                "Propagation": "rprivate"
                            }
                        ],
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
                  escape:
                    image: alpine
                    volumes:
                      - ↓/:/host:ro
                      - ↓/etc:/host/etc
                  bench:
                    image: docker/docker-bench-security
                    volumes:
                      - ↓/var/lib:/var/lib:ro
                      - type: bind
                        source: ↓/proc
                        target: /host/proc
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓-v /:/host alpine chroot /host
                docker run ↓-v /etc:/host-etc:ro alpine
                docker run ↓--mount type=bind,source=/var/lib/docker,target=/d alpine
                """#),
        ] + InputExamples.firing("SA405"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: busybox
                    volumeMounts:
                    - {name: certs, mountPath: /etc/ssl/certs, readOnly: true}
                    - {name: logs, mountPath: /logs}
                  volumes:
                  - {name: certs, hostPath: {path: /etc/ssl/certs}}
                  - {name: logs, hostPath: {path: /var/log/app}}
                  - {name: unused, hostPath: {path: /etc}}
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
                            "Binds": [
                                "/srv/www:/usr/share/nginx/html:ro"
                            ],
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
                        "Mounts": [
                            {
                                "Type": "bind",
                                "Source": "/srv/www",
                                "Destination": "/usr/share/nginx/html",
                                "Mode": "ro",
                                "RW": false,
                                "Propagation": "rprivate"
                            }
                        ],
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
                    volumes:
                      - /srv/www:/usr/share/nginx/html:ro
                      - ./etc:/etc/nginx/conf.d
                      - etc:/data
                volumes:
                  etc: {}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run -v /srv/app:/app alpine
                docker run -v etc:/etc alpine
                """#),
        ] + InputExamples.silent("SA405"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        container.mounts.compactMap { mount in
            guard let folder = HostPath.sensitiveFolder(in: mount.source) else { return nil }
            let normalized = HostPath.normalize(mount.source)
            let what = normalized == folder ? "host folder \(folder)" : "host folder \(normalized), which contains \(folder)"
            let access = mount.readOnly ? "read-only" : "writable"
            return Self.description.finding(
                at: mount.location, "\(container.subject) mounts \(what) (\(mount.spelling), \(access))",
                subject: container.subject, evidence: normalized)
        }
    }
}
