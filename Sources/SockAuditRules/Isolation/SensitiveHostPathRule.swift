import SockAuditCore

/// SA405: a sensitive host folder is mounted.
public struct SensitiveHostPathRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA405", slug: "sensitive-host-path", severity: .high,
        summary: "A host folder that hands over the host (/, /etc, /proc, the runtime's data, or anything inside a root-equivalent tree) is mounted.",
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
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
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
                """)),
            Example("inspect.json", InspectDocument.container(
                top: [
                    InspectDocument.bindMounts([
                        .init(source: "/", destination: "/host", mode: "ro", readWrite: false),
                        .init(source: "↓/etc", destination: "/host-etc", mode: "", readWrite: true),
                    ]),
                ],
                hostConfig: [
                    InspectDocument.array("Binds", ["↓/:/host:ro"]),
                ])),
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
                  cadvisor:
                    image: gcr.io/cadvisor/cadvisor:v0.49.1
                    volumes:
                      - ↓/var/lib/docker/volumes:/volumes:ro
                      - ↓/sys/fs/cgroup:/sys/fs/cgroup:ro
                      - ↓/proc/sys/kernel:/host/kernel
                      - ↓/etc/systemd/system:/units
                      - /dev/disk/:/dev/disk:ro
                """),
            Example("node-agent.yaml", PodDocument.workload("DaemonSet", name: "node-agent", spec: """
                containers:
                - name: agent
                  image: example/agent:2
                  volumeMounts:
                  - {name: pods, mountPath: /pods}
                  - {name: containers, mountPath: /containers, readOnly: true}
                volumes:
                - name: pods
                  hostPath: {path: ↓/var/lib/kubelet/pods}
                - name: containers
                  hostPath: {path: ↓/var/lib/docker/containers/}
                """)),
            Example("run.sh", #"""
                #!/bin/sh
                docker run ↓-v /:/host alpine chroot /host
                docker run ↓-v /etc:/host-etc:ro alpine
                docker run ↓--mount type=bind,source=/var/lib/docker,target=/d alpine
                """#),
        ] + InputExamples.firing("SA405"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
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
                """)),
            Example("inspect.json", InspectDocument.container(
                top: [
                    InspectDocument.bindMounts([.init(source: "/srv/www", destination: "/usr/share/nginx/html", mode: "ro", readWrite: false)]),
                ],
                hostConfig: [
                    InspectDocument.array("Binds", ["/srv/www:/usr/share/nginx/html:ro"]),
                ])),
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
                docker run -v /etc/ssl/certs:/etc/ssl/certs:ro -v /dev/fuse:/dev/fuse -v /home/ci/cache:/cache alpine
                docker run -v /var/lib/dockerd-backup:/backup -v /etc/docker-compose:/cfg -v /proc-stats:/p alpine
                """#),
        ] + InputExamples.silent("SA405"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        container.mounts.compactMap { mount in
            guard let (folder, relation) = HostPath.sensitiveMatch(in: mount.source) else { return nil }
            let normalized = HostPath.normalize(mount.source)
            let what = switch relation {
            case .equal: "host path \(folder)"
            case .contains: "host folder \(normalized), which contains \(folder)"
            case .inside: "host path \(normalized), inside \(folder), where any file or folder is root-equivalent"
            }
            let access = mount.readOnly ? "read-only" : "writable"
            return Self.description.finding(
                at: mount.location, "\(container.subject) mounts \(what) (\(mount.spelling), \(access))",
                subject: container.subject, evidence: normalized, written: mount.source)
        }
    }
}
