import SockAuditCore

/// `docker` / `podman` / `nerdctl` `run`, `create`, `container run|create` and `service create`
/// -> a ContainerSpec. The flag table says which flags take a value, so the image (the first word
/// that is not a flag or a flag's value) is found right, and what follows it (the container's own
/// command) is never read as flags.
public enum DockerRunCommand {
    public static let programs: Set<String> = ["docker", "podman", "nerdctl"]

    /// Global client options that take a value (`docker -H tcp://… run`).
    static let globalValued: Set<String> = [
        "-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey",
        "--url", "--connection", "--identity", "--root", "--runroot", "--storage-driver", "--namespace", "-n",
        "--address", "-a", "--cgroup-manager", "--remote", "--runtime", "--cni-path", "--data-root", "--snapshotter",
    ]

    /// Long flags of `run`/`create`/`service create` that take a value (docker, podman, nerdctl).
    static let valuedLong: Set<String> = [
        "add-host", "annotation", "attach", "blkio-weight", "blkio-weight-device", "cap-add", "cap-drop",
        "cgroup-parent", "cgroupns", "cgroups", "cidfile", "cpu-count", "cpu-percent", "cpu-period", "cpu-quota",
        "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems", "detach-keys", "device",
        "device-cgroup-rule", "device-read-bps", "device-read-iops", "device-write-bps", "device-write-iops", "dns",
        "dns-opt", "dns-option", "dns-search", "domainname", "entrypoint", "env", "env-file", "expose", "gpus",
        "group-add", "health-cmd", "health-interval", "health-retries", "health-start-interval", "health-start-period",
        "health-timeout", "hostname", "io-maxbandwidth", "io-maxiops", "ip", "ip6", "ipc", "isolation", "kernel-memory",
        "label", "label-file", "link", "link-local-ip", "log-driver", "log-opt", "mac-address", "memory",
        "memory-reservation", "memory-swap", "memory-swappiness", "mount", "name", "net", "network", "net-alias",
        "network-alias", "oom-score-adj", "pid", "pids-limit", "platform", "publish", "pull", "restart", "runtime",
        "security-opt", "shm-size", "stop-signal", "stop-timeout", "storage-opt", "sysctl", "tmpfs", "ulimit", "user",
        "userns", "uts", "volume", "volume-driver", "volumes-from", "workdir",
        // podman
        "pod", "secret", "uidmap", "gidmap", "subuidname", "subgidname", "arch", "os", "variant", "authfile", "creds",
        "cert-dir", "pidfile", "conmon-pidfile", "requires", "umask", "passwd-entry", "group-entry", "chrootdirs",
        "personality", "preserve-fds", "timeout", "sdnotify", "seccomp-policy", "init-path", "decryption-key",
        "image-volume", "hostuser", "shm-size-systemd", "pod-id-file", "log-level",
        "hosts-file", "retry", "retry-delay", "rdt-class", "mask", "unmask",
        // service create
        "mode", "replicas", "replicas-max-per-node", "max-concurrent", "constraint", "placement-pref", "config",
        "endpoint-mode", "limit-cpu", "limit-memory", "limit-pids", "reserve-cpu", "reserve-memory", "restart-condition",
        "restart-delay", "restart-max-attempts", "restart-window", "rollback-delay", "rollback-failure-action",
        "rollback-max-failure-ratio", "rollback-monitor", "rollback-order", "rollback-parallelism", "update-delay",
        "update-failure-action", "update-max-failure-ratio", "update-monitor", "update-order", "update-parallelism",
        "host", "generic-resource", "credential-spec", "container-label", "group", "stop-grace-period",
    ]

    /// Short flags that take a value.
    static let valuedShort: Set<Character> = ["a", "c", "e", "h", "l", "m", "p", "u", "v", "w"]

    /// The words of a recognised command: from the subcommand's first flag on.
    public struct Invocation: Sendable {
        public var program: ShellWord
        /// `run`, `create`, `container run`, `service create`.
        public var subcommand: String
        public var arguments: [ShellWord]
    }

    /// Finds `run`/`create` after the program and its global options.
    public static func invocation(_ words: [ShellWord]) -> Invocation? {
        guard let first = words.first, programs.contains(first.basename) else { return nil }
        var index = 1
        while index < words.count, words[index].text.hasPrefix("-") {
            let option = words[index].text
            index += 1
            if globalValued.contains(option) { index += 1 }
        }
        guard index < words.count else { return nil }
        var subcommand = words[index].text
        index += 1
        if subcommand == "container" || subcommand == "service" {
            guard index < words.count else { return nil }
            subcommand += " " + words[index].text
            index += 1
        }
        guard ["run", "create", "container run", "container create", "service create"].contains(subcommand) else { return nil }
        return Invocation(program: first, subcommand: subcommand, arguments: Array(words[index...]))
    }

    public static func container(_ command: ShellCommand, path: String) -> ContainerSpec? {
        guard let invocation = invocation(command.words) else { return nil }
        let program = invocation.program
        var spec = ContainerSpec(
            inputKind: .commandLine, name: "", subject: "", location: program.location(in: path), dialect: .commandLine)
        let rest = apply(invocation.arguments, to: &spec, path: path, service: invocation.subcommand == "service create")
        // no image: not a command that runs anything (`docker run --help`)
        guard let image = rest.first else { return nil }
        spec.image = image.text
        spec.command += rest.dropFirst().map { $0.setting(in: path) }
        let what = "\(program.basename) \(invocation.subcommand)"
        spec.subject = "\(what) of \(image.text)"
        spec.sharedSubject = spec.subject
        if spec.name.isEmpty { spec.name = spec.image ?? what }
        return spec
    }

    /// Reads flags into `spec` up to the image; returns the image and the words after it.
    @discardableResult
    public static func apply(_ words: [ShellWord], to spec: inout ContainerSpec, path: String, service: Bool = false) -> [ShellWord] {
        var index = 0
        while index < words.count {
            let word = words[index]
            let text = word.text
            if text == "--" { return Array(words[(index + 1)...]) }
            guard text.hasPrefix("-"), text.count > 1 else { return Array(words[index...]) }
            index += 1
            if text.hasPrefix("--") {
                var name = String(text.dropFirst(2))
                var value: String?
                if let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                if value == nil, valuedLong.contains(name), index < words.count {
                    value = words[index].text
                    index += 1
                }
                apply(name, value, flag: word, written: value.map { text.contains("=") ? text : "\(text) \($0)" } ?? text, to: &spec, path: path)
                continue
            }
            // short flags, possibly combined: `-itv /a:/b`, `-dp 80:80`, `-v=/a:/b`, `-m512m`
            var letters = Substring(text.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard valuedShort.contains(letter) else {
                    apply(String(letter), nil, flag: word, written: "-\(letter)", to: &spec, path: path)
                    continue
                }
                var value: String
                if !letters.isEmpty {
                    value = String(letters.hasPrefix("=") ? letters.dropFirst() : letters)
                } else if index < words.count {
                    value = words[index].text
                    index += 1
                } else {
                    break
                }
                apply(String(letter), value, flag: word, written: "-\(letter) \(value)", to: &spec, path: path)
                letters = ""
            }
        }
        return []
    }

    private static func bool(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["false", "0", "no"].contains(value.lowercased())
    }

    private static func apply(_ name: String, _ value: String?, flag: ShellWord, written: String, to spec: inout ContainerSpec, path: String) {
        let location = flag.location(in: path)
        func setting(_ text: String) -> Setting<String> { Setting(text, at: location, spelling: written) }
        switch name {
        case "privileged":
            spec.privileged = Setting(bool(value), at: location, spelling: written)
        case "read-only":
            spec.readOnlyRootFilesystem = Setting(bool(value), at: location, spelling: written)
        case "use-api-socket":
            if bool(value) {
                spec.mounts.append(HostMount(
                    source: "/var/run/docker.sock", target: "/var/run/docker.sock", readOnly: false, location: location,
                    spelling: "--use-api-socket (which mounts the daemon socket by itself)"))
            }
        case "cap-add", "cap-drop":
            for cap in (value ?? "").split(separator: ",") where !cap.isEmpty {
                if name == "cap-add" { spec.capabilitiesAdded.append(setting(String(cap))) } else { spec.capabilitiesDropped.append(setting(String(cap))) }
            }
        case "security-opt":
            if let value { applySecurityOption(value, setting: setting(value), to: &spec) }
        case "pid":
            if value == "host" { spec.hostPID = Setting(true, at: location, spelling: written) }
        case "ipc":
            if value == "host" { spec.hostIPC = Setting(true, at: location, spelling: written) }
        case "net", "network":
            if value == "host" { spec.hostNetwork = Setting(true, at: location, spelling: written) }
        case "userns":
            if value == "host" { spec.hostUserNamespace = Setting(true, at: location, spelling: written) }
        case "u", "user":
            if let value { spec.user = setting(value) }
        case "m", "memory", "limit-memory":
            if let value { spec.memoryLimit = setting(value) }
        case "cpus", "cpu-quota", "limit-cpu":
            if let value { spec.cpuLimit = setting(value) }
        case "pids-limit", "limit-pids":
            if let value { spec.pidsLimit = setting(value) }
        case "name":
            if let value { spec.name = value }
        case "e", "env":
            if let value, value.contains("=") { spec.environment.append(setting(value)) }
        case "entrypoint":
            if let value { spec.command.insert(setting(value), at: 0) }
        case "p", "publish":
            if let value, let port = publishedPort(value) {
                spec.publishedPorts.append(Setting(port, at: location, spelling: written))
            }
        case "v", "volume":
            if let value, let mount = volumeMount(value, location: location, written: written) { spec.mounts.append(mount) }
        case "mount":
            if let value, let mount = mountFlag(value, location: location, written: written) { spec.mounts.append(mount) }
        default:
            break
        }
    }

    private static func applySecurityOption(_ option: String, setting: Setting<String>, to spec: inout ContainerSpec) {
        let lower = option.lowercased()
        let separator = lower.firstIndex(where: { $0 == "=" || $0 == ":" })
        let key = separator.map { String(lower[..<$0]) } ?? lower
        let value = separator.map { String(option[option.index(after: $0)...]) } ?? ""
        let at = setting.location
        switch key {
        case "seccomp":
            spec.seccomp = Setting(value.lowercased() == "unconfined" ? .unconfined : .custom(value), at: at, spelling: setting.spelling)
        case "apparmor":
            spec.appArmor = Setting(value.lowercased() == "unconfined" ? .unconfined : .custom(value), at: at, spelling: setting.spelling)
        case "label":
            if value.lowercased() == "disable" {
                spec.seLinux = Setting(.disabled, at: at, spelling: setting.spelling)
            } else if value.lowercased().hasPrefix("type:") {
                spec.seLinux = Setting(.type(String(value.dropFirst(5))), at: at, spelling: setting.spelling)
            }
        case "no-new-privileges":
            spec.noNewPrivileges = Setting(value.isEmpty || bool(value), at: at, spelling: setting.spelling)
        default:
            break
        }
    }

    /// `-v SRC:DST[:OPTS]`: a host source is a path (`/…`, `~`, `./`, or a variable); a bare name
    /// is a named volume and a lone path an anonymous one.
    static func volumeMount(_ value: String, location: SourceLocation, written: String) -> HostMount? {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let source = parts[0]
        guard source.hasPrefix("/") || source.hasPrefix("~") || source.hasPrefix(".") || source.hasPrefix("$") else { return nil }
        let options = parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : []
        return HostMount(
            source: source, target: parts[1], readOnly: options.contains("ro") || options.contains("readonly"),
            location: location, spelling: written)
    }

    /// `--mount type=bind,source=…,target=…[,readonly]`, every key spelling; a volume whose
    /// `volume-opt`s bind a device path is a host source too.
    static func mountFlag(_ value: String, location: SourceLocation, written: String) -> HostMount? {
        var fields: [String: String] = [:]
        var volumeOptions: [String: String] = [:]
        var readOnly = false
        for field in csvFields(value) {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let key = pair[0].lowercased().trimming(" ")
            let fieldValue = pair.count > 1 ? pair[1] : ""
            switch key {
            case "readonly", "ro":
                readOnly = pair.count == 1 || bool(fieldValue)
            case "volume-opt":
                let option = fieldValue.split(separator: "=", maxSplits: 1).map(String.init)
                if option.count == 2 { volumeOptions[option[0]] = option[1] }
            case "src", "source": fields["source"] = fieldValue
            case "dst", "destination", "target": fields["target"] = fieldValue
            default: fields[key] = fieldValue
            }
        }
        let type = fields["type"]?.lowercased() ?? "volume"
        var source: String?
        if type == "bind" {
            source = fields["source"]
        } else if type == "volume", let device = volumeOptions["device"], volumeOptions["o"]?.contains("bind") == true {
            source = device
        }
        guard let source, !source.isEmpty else { return nil }
        return HostMount(source: source, target: fields["target"], readOnly: readOnly, location: location, spelling: written)
    }

    /// Comma-separated fields where a field may be double-quoted (`"source=/a,b",target=/c`).
    static func csvFields(_ value: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle(); continue }
            if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    /// `-p [IP:][HOST:]CONTAINER[/proto]`, `[::1]:80:80`.
    static func publishedPort(_ value: String) -> PublishedPort? {
        var rest = value
        var hostIP: String?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            hostIP = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = String(rest[rest.index(after: close)...])
            if rest.hasPrefix(":") { rest.removeFirst() }
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            return PublishedPort(hostIP: hostIP, hostPort: parts.count > 1 ? parts[0] : nil, containerPort: parts.last ?? "")
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return PublishedPort(hostIP: nil, hostPort: nil, containerPort: parts[0])
        case 2: return PublishedPort(hostIP: nil, hostPort: parts[0], containerPort: parts[1])
        default:
            hostIP = parts[0].isEmpty ? nil : parts[0]
            return PublishedPort(hostIP: hostIP, hostPort: parts[1].isEmpty ? nil : parts[1], containerPort: parts[2])
        }
    }
}
