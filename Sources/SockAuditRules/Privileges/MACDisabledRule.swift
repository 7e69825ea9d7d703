import SockAuditCore

/// SA305: AppArmor unconfined or SELinux labelling disabled.
public struct MACDisabledRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA305", slug: "mac-disabled", severity: .medium,
        summary: "AppArmor is unconfined or SELinux labelling is disabled for the container.",
        rationale: """
            AppArmor and SELinux are the second wall behind namespaces: they stop a process that got out of \
            its mount namespace from writing host files, and have blocked several runc escapes outright. \
            `spc_t` is SELinux's unconfined container type.
            """,
        remediation: """
            Keep the runtime's default AppArmor profile and SELinux label; if a workload needs more, write a \
            profile that allows that, instead of turning confinement off.
            """,
        references: RuleSupport.cis("5.2") + RuleSupport.cis("5.3") + [.podSecurity("Baseline: AppArmor"), .podSecurity("Baseline: SELinux")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/old: ↓unconfined
                spec:
                  securityContext:
                    seLinuxOptions:
                      type: ↓spc_t
                  containers:
                  - name: new
                    image: busybox
                    securityContext:
                      appArmorProfile:
                        type: ↓Unconfined
                  - name: old
                    image: busybox
                    securityContext:
                      seLinuxOptions: {type: container_t}
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
                                ↓"apparmor=unconfined",
                                ↓"label=type:spc_t"
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
                  a:
                    image: busybox
                    security_opt:
                      - ↓apparmor:unconfined
                      - ↓label:disable
                  b:
                    image: busybox
                    security_opt: [↓"label=disable"]
                  c:
                    image: busybox
                    security_opt: [↓"label:type:spc_t"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--security-opt apparmor=unconfined alpine
                podman run ↓--security-opt label=disable alpine
                podman run ↓--security-opt label=type:spc_t alpine
                """#),
        ] + InputExamples.firing("SA305"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.apparmor.security.beta.kubernetes.io/a: runtime/default
                spec:
                  securityContext:
                    appArmorProfile: {type: Unconfined}
                  containers:
                  - name: a
                    image: busybox
                    securityContext:
                      seLinuxOptions: {type: container_t}
                      appArmorProfile: {type: RuntimeDefault}
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
                            "Privileged": true,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [
                                "label=disable"
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
            Example("host-pid.json", """
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
                            "PidMode": "host",
                            "Privileged": false,
                            "ReadonlyRootfs": false,
                            "SecurityOpt": [
                                "label=disable"
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
                  a:
                    image: busybox
                    security_opt:
                      - apparmor=docker-default
                      - label:level:s0:c100,c200
                      - label=type:container_t
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt apparmor=docker-default alpine
                podman run --security-opt label=type:container_t alpine
                """#),
        ] + InputExamples.silent("SA305"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        var findings: [Finding] = []
        if let appArmor = container.appArmor, appArmor.value == .unconfined {
            findings.append(Self.description.finding(
                at: appArmor.location, "\(container.subject) runs without AppArmor (\(appArmor.spelling))",
                subject: container.subject, evidence: "apparmor"))
        }
        if let seLinux = container.seLinux {
            let disabled: Bool
            switch seLinux.value {
            case .disabled: disabled = true
            case .type(let type): disabled = type == "spc_t" || type == "unconfined_t"
            }
            if disabled {
                findings.append(Self.description.finding(
                    at: seLinux.location, "\(container.subject) runs without SELinux confinement (\(seLinux.spelling))",
                    subject: container.subject, evidence: "selinux"))
            }
        }
        return findings
    }
}
