import SockAuditCore

/// act_runner's `container.docker_host`: the daemon the runner drives, and whether the runner
/// mounts that daemon's socket into every job and service container. The two runners read the same
/// key differently:
/// - Gitea's act_runner: empty (`""`, or the key left out) finds the local daemon and mounts its
///   socket; `"-"` finds it and does not mount it; `unix://PATH` mounts PATH; another scheme
///   (`tcp://`) is driven over the network and not mounted.
/// - Forgejo's runner (since `automount` exists): empty and `"-"` mount nothing; `automount` finds
///   the local daemon and mounts its socket; `unix://PATH` mounts PATH.
/// The file says which runner reads it only through keys one of them alone has (`Flavour`); where it
/// does not, an empty value written out is read as Gitea's (the message says what Forgejo does),
/// and a key left out is not judged.
enum ActRunnerDockerHost {
    enum Flavour {
        case gitea, forgejo, unknown

        /// Keys only Forgejo's runner reads (`log.job_level`, `cache.proxy_port`, …) or only
        /// Gitea's (`container.require_docker`, `runner.log_report_interval`, …).
        init(of document: Node) {
            func has(_ section: String, _ keys: Set<String>) -> Bool {
                document[section]?.pairs?.contains { $0.key.string.map(keys.contains) == true } == true
            }
            if document["server"] != nil || has("log", ["job_level"]) || has("runner", ["report_interval", "report_retry"])
                || has("cache", ["proxy_port", "secret", "actions_cache_url_override"]) {
                self = .forgejo
            } else if document["metrics"] != nil || document["health_check"] != nil || document["kubernetes"] != nil
                || has("container", ["require_docker", "docker_timeout", "bind_workdir", "network_create_options"])
                || has("runner", ["fetch_interval_max", "log_report_interval", "state_report_interval", "github_mirror", "default_image"])
                || has("cache", ["external_secret", "external_secret_file", "offline_mode"]) {
                self = .gitea
            } else {
                self = .unknown
            }
        }
    }

    /// The socket the runner mounts into every job container, at the value that makes it (or at
    /// `container:` when Gitea's runner mounts it because the key is left out).
    static func socketMount(container: Node, key: Node, flavour: Flavour, path: String) -> HostMount? {
        let node = container["docker_host"]
        guard let node, !node.isNull else {
            guard flavour == .gitea else { return nil }
            return autodetected(at: key, path: path, spelling: "container.docker_host (not set: Gitea's act_runner finds the local daemon and mounts its socket into every job container; \"-\" keeps it out)")
        }
        guard let text = node.string else { return nil }
        let value = text.trimming(" \t")
        let shown = "container.docker_host: \"\(text)\""
        if value.isEmpty {
            guard flavour != .forgejo else { return nil }
            let forgejo = flavour == .unknown ? "; Forgejo's runner mounts nothing for it" : ""
            return autodetected(at: node, path: path, spelling: "\(shown) (empty: Gitea's act_runner finds the local daemon and mounts its socket into every job container\(forgejo); \"-\" keeps it out)")
        }
        if value == "automount", flavour != .gitea {
            return autodetected(at: node, path: path, spelling: "\(shown) (Forgejo's runner finds the local daemon and mounts its socket into every job container; \"-\" keeps it out)")
        }
        if value.lowercased().hasPrefix("unix://") {
            return HostMount(
                source: String(value.dropFirst("unix://".count)), target: "/var/run/docker.sock", readOnly: false,
                location: node.location(in: path), spelling: "\(shown) (mounted into every job container; \"-\" keeps it out)")
        }
        return nil
    }

    /// The runner finds the daemon at `DOCKER_HOST` or a standard socket; the first it tries is
    /// `/var/run/docker.sock`, which stands for whichever it finds.
    private static func autodetected(at node: Node, path: String, spelling: String) -> HostMount {
        HostMount(source: "/var/run/docker.sock", target: "/var/run/docker.sock", readOnly: false, location: node.location(in: path), spelling: spelling)
    }

    /// `tcp://…`: the daemon the runner drives over the network. TLS settings are the runner's
    /// environment (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), not this file: 2376 is Docker's TLS
    /// port, anything else is taken as plain.
    static func client(_ text: String, at node: Node, path: String) -> ClientEndpoint? {
        let value = text.trimming(" \t")
        guard value.lowercased().hasPrefix("tcp://") else { return nil }
        return ClientEndpoint(
            address: Setting(value, at: node.location(in: path), spelling: "container.docker_host: \"\(text)\""),
            usesTLS: value.hasSuffix(":2376"), subject: "the Gitea/Forgejo runner configured here")
    }
}
