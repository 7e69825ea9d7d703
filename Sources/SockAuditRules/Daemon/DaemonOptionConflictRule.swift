import SockAuditCore

/// SA208: an option set both as a dockerd flag and in daemon.json (a catalogue extension).
public struct DaemonOptionConflictRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA208", slug: "daemon-option-conflict", severity: .medium,
        summary: "An option is set both as a dockerd flag and in daemon.json, so dockerd refuses to start.",
        rationale: """
            dockerd stops with "the following directives are specified both as a flag and in the \
            configuration file" when one option appears in both places. The next restart (an upgrade, a \
            reboot) leaves the host without a daemon, and whoever fixes it in a hurry tends to drop the \
            hardened file rather than the flag.
            """,
        remediation: """
            Keep each option in one place: remove the flag from the unit's ExecStart (a drop-in with an empty \
            ExecStart= and a new one) or from DOCKER_OPTS, or remove the key from daemon.json.
            """,
        references: DaemonSupport.cis(v160: "1.1.11", v180: "1.1.11")
            + [.url("https://docs.docker.com/engine/daemon/#configure-the-docker-daemon")],
        inputs: [.daemon],
        firingExamples: [
            Example("etc/default/docker", """
                # Options for dockerd
                DOCKER_OPTS="--dns 8.8.8.8 ↓--icc=false"
                """, companions: ["etc/docker/daemon.json": """
                {
                  "icc": false,
                  "userns-remap": "default"
                }
                """]),
        ],
        silentExamples: [
            Example("etc/default/docker", """
                DOCKER_OPTS="--dns 8.8.8.8 --icc=false"
                """, companions: ["etc/docker/daemon.json": """
                {
                  "userns-remap": "default"
                }
                """]),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.flatMap { daemon in
            daemon.conflicts.map { conflict in
                Self.description.finding(
                    at: conflict.flag,
                    "\(daemon.subject) sets \(conflict.option) both as a flag (\(conflict.flagSpelling)) and in \(conflict.file.path) line \(conflict.file.line): dockerd refuses to start",
                    subject: daemon.subject, evidence: conflict.option)
            }
        }
    }
}
