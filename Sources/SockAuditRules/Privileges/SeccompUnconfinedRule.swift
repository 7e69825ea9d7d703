import SockAuditCore

/// SA304: seccomp turned off.
public struct SeccompUnconfinedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA304", slug: "seccomp-unconfined", severity: .high,
        summary: "The container runs without a seccomp filter.",
        rationale: """
            The default seccomp profile blocks the system calls most kernel escapes start with (unshare, \
            mount, keyctl, bpf, ptrace of the runtime). Unconfined, every kernel bug reachable from a \
            system call is reachable from the container.
            """,
        remediation: """
            Use the runtime's default profile (RuntimeDefault), or a custom profile that allows only what \
            the workload calls.
            """,
        references: RuleSupport.cis("5.22") + [.podSecurity("Baseline: Seccomp")],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    container.seccomp.security.alpha.kubernetes.io/legacy: ↓unconfined
                spec:
                  securityContext:
                    seccompProfile:
                      type: ↓Unconfined
                  containers:
                  - name: inherits
                    image: busybox
                  - name: own
                    image: busybox
                    securityContext:
                      seccompProfile: {type: ↓Unconfined}
                  - name: legacy
                    image: busybox
                """),
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    seccomp.security.alpha.kubernetes.io/pod: ↓unconfined
                spec:
                  containers:
                  - name: a
                    image: busybox
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
                                ↓"seccomp=unconfined"
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
                    security_opt: [↓"seccomp:unconfined"]
                  b:
                    image: busybox
                    security_opt:
                      - no-new-privileges:true
                      - ↓seccomp=unconfined
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓--security-opt seccomp=unconfined alpine
                docker run ↓--security-opt=seccomp:unconfined alpine
                """#),
        ] + InputExamples.firing("SA304"),
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    seccompProfile: {type: Unconfined}
                  containers:
                  - name: a
                    image: busybox
                    securityContext:
                      seccompProfile: {type: RuntimeDefault}
                  - name: b
                    image: busybox
                    securityContext:
                      seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
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
                                "seccomp=/etc/docker/seccomp/strict.json",
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
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt: ["seccomp=./profile.json", "no-new-privileges"]
                    labels: ["seccomp:unconfined"]
                  # Docker reads "Unconfined" as the name of a profile file, not as no profile
                  b:
                    image: busybox
                    security_opt: ["seccomp=Unconfined"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt seccomp=/etc/docker/seccomp.json alpine
                docker run --security-opt seccomp=Unconfined alpine
                docker run --security-opt Seccomp=unconfined alpine
                """#),
            Example("api.json", """
                {"Id": "4b1c2d3e", "Name": "/api", "Config": {"Image": "example/api"},
                 "HostConfig": {"Privileged": false, "SecurityOpt": ["seccomp=Unconfined"]}}
                """),
        ] + InputExamples.silent("SA304"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let seccomp = container.seccomp, seccomp.value == .unconfined else { return [] }
        return [Self.description.finding(
            at: seccomp.location, "\(container.subject) runs without seccomp (\(seccomp.spelling))",
            subject: container.subject, evidence: "seccomp")]
    }
}
