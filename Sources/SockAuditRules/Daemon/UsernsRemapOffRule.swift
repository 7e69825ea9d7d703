import SockAuditCore

/// SA201: no user-namespace remapping, and the daemon is not rootless.
public struct UsernsRemapOffRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA201", slug: "userns-remap-off", severity: .medium,
        summary: "The Docker daemon neither remaps user namespaces nor runs rootless.",
        rationale: """
            Without userns-remap, root in a container is root on the host: a process that escapes the \
            container (a kernel bug, a mounted socket, a writable host path) keeps UID 0 and owns the machine. \
            With remapping, or with a rootless daemon, the same escape lands as an unprivileged user.
            """,
        remediation: """
            Set "userns-remap": "default" in daemon.json (or --userns-remap=default), or run the daemon \
            rootless (dockerd-rootless-setuptool.sh install).
            """,
        references: DaemonSupport.cis(v160: "2.9", v180: "2.10") + DaemonSupport.cis(v160: "2.1", v180: "2.1")
            + [.url("https://docs.docker.com/engine/security/userns-remap/")],
        inputs: [.daemon],
        firingExamples: [
            Example("daemon.json", """
                ↓{
                  "log-driver": "json-file",
                  "live-restore": true
                }
                """),
            Example("etc/docker/daemon.json", """
                {
                  ↓"userns-remap": "",
                  "icc": false
                }
                """),
        ],
        silentExamples: [
            Example("daemon.json", """
                {
                  "userns-remap": "default",
                  "live-restore": true
                }
                """),
            Example("daemon.json", """
                {
                  "hosts": ["unix:///run/user/1000/docker.sock"]
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [--icc=false]
                """)),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.compactMap { daemon in
            guard !DaemonSupport.isRootless(daemon) else { return nil }
            if let remap = daemon.usernsRemap {
                guard remap.value.trimming(" ").isEmpty else { return nil }
                return Self.description.finding(
                    at: remap.location,
                    "\(daemon.subject) turns user-namespace remapping off (\(remap.spelling)): root in a container is root on the host",
                    subject: daemon.subject, evidence: remap.spelling)
            }
            guard daemon.isComplete else { return nil }
            return Self.description.finding(
                at: daemon.location,
                "\(daemon.subject) sets no userns-remap and is not rootless: root in a container is root on the host; set \"userns-remap\": \"default\"",
                subject: daemon.subject)
        }
    }
}
