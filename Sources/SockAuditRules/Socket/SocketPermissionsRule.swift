import SockAuditCore

/// SA105: the daemon socket is not `root:docker` with mode 660 or stricter.
public struct SocketPermissionsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA105", slug: "socket-permissions", severity: .high,
        summary: "The Docker socket file is not root:docker with mode 660 or stricter.",
        rationale: """
            Whoever can connect to the daemon socket controls the daemon, and the daemon is root on the host: \
            one `docker run -v /:/host --privileged` away from everything. The file's owner, group and mode are \
            the only lock on it; a world-writable socket (0666, a common "fix" for permission errors) hands the \
            host to every local user and every process that runs under one.
            """,
        remediation: """
            Let the daemon create its socket as root:docker with mode 660 (remove chmod/chown workarounds and \
            `SocketMode=`/`SocketGroup=` overrides of docker.socket), keep the docker group empty of anyone who \
            should not be root, and prefer rootless Docker where users need their own daemon.
            """,
        references: [.cisDocker("3.15", benchmark: "1.6.0"), .cisDocker("3.16", benchmark: "1.6.0"),
                     .cisDocker("3.15", benchmark: "1.8.0"), .cisDocker("3.16", benchmark: "1.8.0"),
                     .url("https://docs.docker.com/engine/security/#docker-daemon-attack-surface")],
        inputs: [.host],
        firingExamples: [
            Example("world.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "socket": {
                    "path": "/var/run/docker.sock",
                    ↓"owner": "alice", "uid": 1000,
                    ↓"group": "staff", "gid": 50,
                    ↓"mode": "0666"
                  }
                }
                """),
        ],
        silentExamples: [
            Example("hardened.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "socket": {"path": "/run/docker.sock", "owner": "root", "uid": 0, "group": "docker", "gid": 998, "mode": "0660"}
                }
                """),
            Example("rootless.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "socket": {"path": "/run/user/1000/docker.sock", "owner": "alice", "uid": 1000, "group": "alice", "gid": 1000, "mode": "0600"},
                  "engine": {"info": {"SecurityOptions": ["name=seccomp,profile=builtin", "name=rootless"]}}
                }
                """),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.hosts.flatMap { host -> [Finding] in
            guard let socket = host.socket else { return [] }
            var findings: [Finding] = []
            let name = socket.path
            if let mode = socket.mode, mode.value & ~0o660 != 0 {
                let reach = mode.value & 0o006 != 0
                    ? "any local user can connect to it and control the daemon, which is root on the host"
                    : "it carries bits beyond rw-rw---- (execute or special bits)"
                findings.append(Self.description.finding(
                    at: mode.location, "docker.sock mode: \(name) has \(mode.spelling), wider than 660: \(reach)",
                    subject: "docker.sock mode", evidence: String(mode.value, radix: 8)))
            }
            // A rootless daemon's socket belongs to its user, by design.
            guard !host.rootless else { return findings }
            if let owner = socket.owner, socket.uid.map({ $0 != 0 }) ?? (owner.value != "root") {
                findings.append(Self.description.finding(
                    at: owner.location, "docker.sock owner: \(name) is owned by \(owner.value), not root: that user controls the daemon, which is root on the host",
                    subject: "docker.sock owner", evidence: owner.value))
            }
            if let group = socket.group, group.value != "docker", socket.gid != 0 {
                findings.append(Self.description.finding(
                    at: group.location, "docker.sock group: \(name) belongs to group \(group.value), not docker: every member of \(group.value) controls the daemon",
                    subject: "docker.sock group", evidence: group.value))
            }
            return findings
        }
    }
}
