/// Recognising Compose and Swarm stack files, by name and by shape.
public enum ComposeFile {
    /// `compose.yaml`, `compose.override.yaml`, `docker-compose.yml`, `docker-compose.prod.yaml`,
    /// `web.compose.yml`.
    public static func isComposeName(_ name: String) -> Bool {
        let lower = name.lowercased()
        for ext in [".yaml", ".yml"] where lower.hasSuffix(ext) {
            let stem = String(lower.dropLast(ext.count))
            return stem == "compose" || stem.hasPrefix("compose.") || stem.hasPrefix("docker-compose") || stem.hasSuffix(".compose")
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

    /// Compose shape: a top-level mapping whose `services:` is a mapping with at least one service
    /// mapping. A file named like a Compose file is Compose whatever its services hold (a service
    /// that is not a mapping is reported, not read); a file not named so must also have a
    /// recognisable Compose key in every service mapping that is not empty, and services that
    /// are not mappings are let through only beside such services.
    public static func isCompose(_ document: Node, namedAsCompose: Bool) -> Bool {
        guard let services = document["services"]?.pairs, !services.isEmpty else {
            // A Compose-named file that only includes others.
            return namedAsCompose && document["include"]?.sequence != nil
        }
        if namedAsCompose { return true }
        let mappings = services.compactMap { $0.value.pairs }.filter { !$0.isEmpty }
        return !mappings.isEmpty && mappings.allSatisfy { keys in
            keys.contains { $0.key.string.map(serviceKeys.contains) ?? false }
        }
    }

    /// What a value that should be a mapping is instead, for messages: `null`, `a string`, `a list`.
    static func shapeName(_ node: Node) -> String {
        if node.isNull { return "null" }
        if node.sequence != nil { return "a list" }
        if node.isMapping { return "a mapping" }
        return "a string"
    }

    /// Why a document of a file named like a Compose file is not read as a project: its top level or
    /// its `services:` is not a mapping. Nil when it is read (an empty document has nothing to read).
    static func unreadableShape(_ document: Node) -> (node: Node, reason: String)? {
        if document.isNull { return nil }
        guard document.isMapping else {
            return (document, "the top level is \(shapeName(document)), not a mapping of Compose keys, so nothing in it is judged")
        }
        guard let services = document.keyNode("services"), let value = document["services"], !value.isNull, !value.isMapping else {
            return nil
        }
        return (services, "services: is \(shapeName(value)), not a mapping of service names, so no service in it is judged")
    }
}
