import SockAuditCore

/// `daemon.json` -> a complete daemon configuration. Every setting points at its key (where a
/// reader looks for it); the configuration itself (for missing settings) at the opening brace.
public enum DaemonJSONAdapter {
    /// Top-level keys dockerd reads from `daemon.json` (Engine 20.10 to 27), for recognising a
    /// daemon configuration saved under another name.
    public static let knownKeys: Set<String> = [
        "allow-nondistributable-artifacts", "api-cors-header", "authorization-plugins", "bip", "bip6", "bridge",
        "builder", "cdi-spec-dirs", "cgroup-parent", "containerd", "containerd-namespace",
        "containerd-plugins-namespace", "data-root", "debug", "default-address-pools", "default-cgroupns-mode",
        "default-gateway", "default-gateway-v6", "default-ipc-mode", "default-network-opts", "default-runtime",
        "default-shm-size", "default-ulimits", "dns", "dns-opts", "dns-search", "exec-opts", "exec-root",
        "experimental", "features", "fixed-cidr", "fixed-cidr-v6", "group", "host-gateway-ip", "hosts",
        "http-proxy", "https-proxy", "icc", "init", "init-path", "insecure-registries", "ip", "ip-forward",
        "ip-masq", "ip6tables", "iptables", "ipv6", "labels", "live-restore", "log-driver", "log-format",
        "log-level", "log-opts", "max-concurrent-downloads", "max-concurrent-uploads", "max-download-attempts",
        "metrics-addr", "mtu", "no-new-privileges", "no-proxy", "node-generic-resources", "oom-score-adjust",
        "pidfile", "raw-logs", "registry-mirrors", "rootless", "runtimes", "seccomp-profile", "selinux-enabled",
        "shutdown-timeout", "storage-driver", "storage-opts", "swarm-default-advertise-addr", "tls", "tlscacert",
        "tlscert", "tlskey", "tlsverify", "userland-proxy", "userland-proxy-path", "userns-remap",
        "deprecated-key-path", "cluster-store", "cluster-advertise", "cluster-store-opts", "graph",
        "disable-legacy-registry", "proxies",
    ]

    /// Whether a parsed JSON document is a daemon configuration: named `daemon.json`, or an object
    /// whose keys are mostly dockerd's (and that is not a container's inspect output).
    public static func isDaemonConfiguration(_ document: Node, fileName: String) -> Bool {
        guard let pairs = document.pairs else { return false }
        if fileName == "daemon.json" { return true }
        let keys = pairs.compactMap { $0.key.string }
        guard !keys.isEmpty, !keys.contains("HostConfig"), !keys.contains("Id") else { return false }
        let known = keys.filter(knownKeys.contains).count
        return known >= 2 && known * 2 > keys.count || (known == 1 && keys.count == 1 && ["hosts", "userns-remap", "insecure-registries", "seccomp-profile", "icc", "live-restore", "userland-proxy", "no-new-privileges", "tlsverify"].contains(keys[0]))
    }

    /// The configuration, or a parse error when the document is not an object (dockerd refuses it).
    public static func config(from document: Node, path: String) -> Result<DaemonConfig, ParseError> {
        guard document.isMapping else {
            return .failure(ParseError("daemon.json must be a JSON object; dockerd refuses anything else", line: document.line, column: document.column))
        }
        var config = DaemonConfig(subject: "dockerd configured by \(path)", location: document.location(in: path), isComplete: true)
        config.origin = DaemonOrigin.locate(path) ?? DaemonOrigin(hostRoot: nil, kind: .daemonJSON)
        config.origin?.kind = .daemonJSON

        func key(_ name: String) -> (key: Node, value: Node)? {
            document.pairs?.last(where: { $0.key.string == name }).map { ($0.key, $0.value) }
        }
        func bool(_ name: String) -> Setting<Bool>? {
            guard let (keyNode, value) = key(name), let flag = value.bool else { return nil }
            return Setting(flag, at: keyNode.location(in: path), spelling: "\"\(name)\": \(flag)")
        }
        func string(_ name: String) -> Setting<String>? {
            guard let (keyNode, value) = key(name), let text = value.string, value.scalar?.isPlain == false else { return nil }
            return Setting(text, at: keyNode.location(in: path), spelling: "\"\(name)\": \"\(text)\"")
        }
        func strings(_ name: String) -> [Setting<String>] {
            guard let (keyNode, value) = key(name) else { return [] }
            return (value.sequence ?? []).compactMap { item in
                guard let text = item.string, item.scalar?.isPlain == false else { return nil }
                return Setting(text, at: keyNode.location(in: path), spelling: "\"\(name)\": [\"\(text)\"]")
            }
        }

        config.hosts = strings("hosts")
        config.tls = bool("tls")
        config.tlsVerify = bool("tlsverify")
        config.usernsRemap = string("userns-remap")
        config.rootless = bool("rootless")
        config.liveRestore = bool("live-restore")
        config.icc = bool("icc")
        config.noNewPrivileges = bool("no-new-privileges")
        config.seccompProfile = string("seccomp-profile")
        config.insecureRegistries = strings("insecure-registries")
        config.userlandProxy = bool("userland-proxy")
        return .success(config)
    }
}
