import SockAuditCore

/// SA603: auditd does not watch the daemon's binaries, data root, configuration, units and socket.
public struct DaemonAuditRulesMissingRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA603", slug: "daemon-audit-rules-missing", severity: .low,
        summary: "auditd rules do not watch a Docker daemon file: binary, data root, configuration, unit or socket.",
        rationale: """
            The daemon runs as root and anyone who reaches it can change the host. Without audit watches on \
            its binary, data root, configuration, unit files and socket, a replaced runc, an edited \
            daemon.json or a new client of the socket leaves no record to investigate after an incident.
            """,
        remediation: """
            Add an auditd watch for each listed path, e.g. `-w /usr/bin/dockerd -k docker` in \
            /etc/audit/rules.d/docker.rules, then load the rules with `augenrules --load`.
            """,
        references: [.cisDocker("1.1.3-1.1.18", benchmark: "1.6.0"), .cisDocker("1.1.3-1.1.18", benchmark: "1.8.0"),
                     .url("https://man7.org/linux/man-pages/man7/audit.rules.7.html")],
        inputs: [.host],
        firingExamples: [
            Example("audit.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "socket": {"path": "/var/run/docker.sock", "owner": "root", "uid": 0, "group": "docker", "gid": 998, "mode": "0660"},
                  "dataRoot": {"path": "/var/lib/docker", "mountPoint": "/var/lib/docker", "source": "/proc/self/mountinfo"},
                  "audit": {
                    "ruleFiles": ["/etc/audit/rules.d/docker.rules"],
                    "watched": ["/usr/bin/dockerd", "/etc/docker/"],
                    "present": ["/usr/bin/dockerd", "/etc/docker", "/etc/docker/daemon.json", ↓"/var/lib/docker", ↓"/var/run/docker.sock"]
                  }
                }
                """),
        ],
        silentExamples: [
            Example("audited.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "audit": {
                    "ruleFiles": ["/etc/audit/audit.rules"],
                    "watched": ["/usr/bin/dockerd", "/etc/docker", "/var/lib/docker", "/run/docker.sock", "/usr/bin/runc"],
                    "present": ["/usr/bin/dockerd", "/etc/docker/daemon.json", "/var/lib/docker", "/var/run/docker.sock", "/usr/bin/runc"]
                  }
                }
                """),
        ])

    /// `/var/run` is `/run`; trailing slashes do not matter.
    static func normalized(_ path: String) -> String {
        var result = HostPath.droppingTrailingSlashes(path)
        if result == "/var/run" || result.hasPrefix("/var/run/") { result = String(result.dropFirst("/var".count)) }
        return result
    }

    /// A watch on a directory covers everything under it.
    static func isWatched(_ path: String, by watched: [String]) -> Bool {
        let target = normalized(path)
        return watched.map(normalized).contains { $0 == target || $0 == "/" || target.hasPrefix($0 + "/") }
    }

    public func check(_ facts: Facts) -> [Finding] {
        facts.hosts.flatMap { host -> [Finding] in
            guard let audit = host.audit else { return [] }
            let noRules = audit.ruleFiles.isEmpty
                ? "; no auditd rules were found (/etc/audit/rules.d/*.rules, /etc/audit/audit.rules)" : ""
            return audit.present.compactMap { target in
                guard !Self.isWatched(target.value, by: audit.watched) else { return nil }
                let item = HostAuditTargets.cisItem(for: target.value, dataRoot: host.dataRoot?.path.value, socket: host.socket?.path)
                    .map { " (CIS \($0))" } ?? ""
                return Self.description.finding(
                    at: target.location, "auditd does not watch \(target.value)\(item)\(noRules)",
                    subject: "auditd rules", evidence: target.value)
            }
        }
    }
}
