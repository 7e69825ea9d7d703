import SockAuditCore

/// What the daemon-hardening rules (SA201-SA207) share.
enum DaemonSupport {
    /// A boolean daemon setting whose safe value is `safe`: an explicit unsafe value fires wherever
    /// it is written; an absent one fires only on a complete configuration (a `daemon.json`, or a
    /// host's files merged), at the configuration's opening brace.
    static func judge(
        _ description: RuleDescription, _ facts: Facts, _ keyPath: KeyPath<DaemonConfig, Setting<Bool>?>,
        safe: Bool, explicit: (DaemonConfig, Setting<Bool>) -> String, missing: (DaemonConfig) -> String
    ) -> [Finding] {
        facts.daemons.compactMap { daemon in
            if let setting = daemon[keyPath: keyPath] {
                guard setting.value != safe else { return nil }
                return description.finding(
                    at: setting.location, explicit(daemon, setting), subject: daemon.subject, evidence: setting.spelling)
            }
            guard daemon.isComplete else { return nil }
            return description.finding(at: daemon.location, missing(daemon), subject: daemon.subject)
        }
    }

    /// CIS Docker Benchmark section 2 items, numbered differently by v1.6.0 and v1.8.0.
    static func cis(v160: String, v180: String) -> [Reference] {
        [.cisDocker(v160, benchmark: "1.6.0"), .cisDocker(v180, benchmark: "1.8.0")]
    }

    /// The daemon runs rootless: said so, or it listens on a socket under `/run/user/`.
    static func isRootless(_ daemon: DaemonConfig) -> Bool {
        if daemon.rootless?.value == true { return true }
        return daemon.hosts.contains { host in
            let value = host.value.hasPrefix("unix://") ? String(host.value.dropFirst("unix://".count)) : host.value
            return value.hasPrefix("/run/user/") || value.hasPrefix("/var/run/user/")
        }
    }
}

extension DaemonSupport {
    /// `flag` given to dockerd where dockerd is started by a command line: a dind Compose service,
    /// a script, and (`pod: true`) a dind pod. A firing example writes `↓` before the flag.
    static func flagExamples(_ flag: String, pod: Bool = false) -> [Example] {
        var examples = [
            Example("compose.yaml", """
                services:
                  dind:
                    image: docker:27-dind
                    privileged: true
                    command:
                      - \(flag)
                """),
            Example("start-daemon.sh", "#!/bin/sh\nexec dockerd \(flag)\n"),
        ]
        if pod {
            examples.append(Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args:
                  - \(flag)
                """)))
        }
        return examples
    }
}
