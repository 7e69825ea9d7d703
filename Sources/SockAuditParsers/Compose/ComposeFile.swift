/// Recognising Compose and Swarm stack files, by name and by shape.
public enum ComposeFile {
    /// `compose.yaml`, `docker-compose.yml`, `docker-compose.prod.yaml`, `web.compose.yml`.
    public static func isComposeName(_ name: String) -> Bool {
        let lower = name.lowercased()
        for ext in [".yaml", ".yml"] where lower.hasSuffix(ext) {
            let stem = String(lower.dropLast(ext.count))
            return stem == "compose" || stem.hasPrefix("docker-compose") || stem.hasSuffix(".compose")
        }
        return false
    }

    /// Keys a Compose service may have; a mapping under `services:` with none of them is some
    /// other tool's configuration, not a Compose service.
    static let serviceKeys: Set<String> = [
        "image", "build", "extends", "command", "entrypoint", "volumes", "volumes_from", "ports", "expose",
        "environment", "env_file", "deploy", "container_name", "restart", "networks", "network_mode",
        "depends_on", "labels", "healthcheck", "privileged", "user", "cap_add", "cap_drop", "security_opt",
        "pid", "ipc", "userns_mode", "read_only", "mem_limit", "cpus", "pids_limit", "devices", "logging",
        "working_dir", "hostname", "tmpfs", "secrets", "configs", "ulimits", "sysctls", "stop_signal",
        "profiles", "platform", "links", "dns", "extra_hosts", "init", "tty", "stdin_open", "shm_size",
        "runtime", "scale", "group_add", "cgroup", "cgroup_parent", "memswap_limit", "mem_reservation",
        "cpu_shares", "cpu_quota", "cpuset", "domainname", "external_links", "isolation", "mac_address",
        "oom_score_adj", "pull_policy", "stop_grace_period", "storage_opt", "uts", "volume_driver", "net",
    ]

    /// Compose shape: a top-level mapping whose `services:` is a mapping of service mappings. A file
    /// not named like a Compose file must also have a recognisable Compose key in every service.
    public static func isCompose(_ document: Node, namedAsCompose: Bool) -> Bool {
        guard let services = document["services"]?.pairs, !services.isEmpty else {
            // A Compose-named file that only includes others.
            return namedAsCompose && document["include"]?.sequence != nil
        }
        return services.allSatisfy { pair in
            guard let keys = pair.value.pairs else { return false }
            return namedAsCompose || keys.contains { $0.key.string.map(serviceKeys.contains) ?? false }
        }
    }
}
