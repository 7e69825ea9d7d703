import SockAuditCore

/// SA106: users in the `docker` group, each of whom is root on the host without a password.
public struct DockerGroupMembersRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA106", slug: "docker-group-members", severity: .medium,
        summary: "A user is in the docker group: passwordless root on the host.",
        rationale: """
            Members of the docker group can use the daemon socket, and the daemon runs containers as root with \
            any mount they ask for: `docker run -v /:/host` gives them the host's files, with no sudo, no \
            password and no log in the places admins look. Each member is one more account whose compromise \
            is a root compromise.
            """,
        remediation: """
            Remove from the docker group (`gpasswd -d USER docker`) every user who should not be root; give the \
            others sudo with logging, or rootless Docker for their own daemon, and review the group regularly.
            """,
        references: [.cisDocker("1.1.2", benchmark: "1.6.0"), .cisDocker("1.1.2", benchmark: "1.8.0"),
                     .url("https://docs.docker.com/engine/security/#docker-daemon-attack-surface")],
        inputs: [.host],
        firingExamples: [
            Example("group.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "dockerGroup": {"file": "/etc/group", "gid": 998, "members": [↓"alice", ↓"ci-runner"]}
                }
                """),
        ],
        silentExamples: [
            Example("empty.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "dockerGroup": {"file": "/etc/group", "gid": 998, "members": []}
                }
                """),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.hosts.flatMap { host -> [Finding] in
            (host.dockerGroup?.members ?? []).map { member in
                Self.description.finding(
                    at: member.location,
                    "user \(member.value) is in the docker group (/etc/group): they control the daemon without a password, which is root on the host",
                    subject: "docker group", evidence: member.value)
            }
        }
    }
}
