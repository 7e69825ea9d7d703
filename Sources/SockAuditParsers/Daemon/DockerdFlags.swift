import SockAuditCore

/// `dockerd` command-line flags -> daemon settings. Words arrive located, one per shell word, so
/// every setting points at the flag that made it. Used for systemd units, scripts, DOCKER_OPTS and
/// dind container commands alike.
public enum DockerdFlags {
    /// Flags that take no value (`--tls`, `--tls=false` are both bool spellings); any other flag
    /// without `=` consumes the next word.
    static let booleanFlags: Set<String> = [
        "tls", "tlsverify", "live-restore", "icc", "no-new-privileges", "userland-proxy", "rootless",
        "debug", "D", "experimental", "ip-forward", "iptables", "ip6tables", "ipv6", "ip-masq",
        "selinux-enabled", "raw-logs", "validate", "version", "v", "help", "init", "bridge-nf-call-iptables",
        "disable-legacy-registry", "userland-proxy-path-disabled", "h",
    ]

    /// Applies the flags to `config`. Unknown flags are skipped with their value.
    public static func apply(_ words: [Setting<String>], to config: inout DaemonConfig) {
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.value.hasPrefix("-"), word.value.count > 1 else { continue }
            var name = String(word.value.drop(while: { $0 == "-" }))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if booleanFlags.contains(name) {
                // bare is true; a value is read by Go's ParseBool, and dockerd refuses any other
                let parsed: Bool? = if let inlineValue { BooleanSpelling.go(inlineValue) } else { true }
                guard let value = parsed else { continue }
                let setting = Setting(value, at: word.location, spelling: word.value)
                applyBoolean(name, setting, to: &config)
                continue
            }
            var value = inlineValue
            var spelling = word.value
            if value == nil, index < words.count {
                value = words[index].value
                spelling += " " + words[index].value
                index += 1
            }
            guard let value else { continue }
            applyValued(name, Setting(value, at: word.location, spelling: spelling), to: &config)
        }
    }

    private static func applyBoolean(_ name: String, _ setting: Setting<Bool>, to config: inout DaemonConfig) {
        switch name {
        case "tls": config.tls = setting
        case "tlsverify": config.tlsVerify = setting
        case "live-restore": config.liveRestore = setting
        case "icc": config.icc = setting
        case "no-new-privileges": config.noNewPrivileges = setting
        case "userland-proxy": config.userlandProxy = setting
        case "rootless": config.rootless = setting
        default: break
        }
    }

    private static func applyValued(_ name: String, _ setting: Setting<String>, to config: inout DaemonConfig) {
        switch name {
        case "H", "host": config.hosts.append(setting)
        case "userns-remap": config.usernsRemap = setting
        case "seccomp-profile": config.seccompProfile = setting
        case "insecure-registry": config.insecureRegistries.append(setting)
        default: break
        }
    }
}
