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
            name: "", subject: "", location: program.location(in: path), dialect: .commandLine)
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

    /// A flag's value as the docker CLI reads it: bare is true, else Go's `ParseBool` (nil when
    /// docker would refuse the value).
    private static func bool(_ value: String?) -> Bool? {
        guard let value else { return true }
        return BooleanSpelling.go(value)
    }

    private static func apply(_ name: String, _ value: String?, flag: ShellWord, written: String, to spec: inout ContainerSpec, path: String) {
        let location = flag.location(in: path)
        func setting(_ text: String) -> Setting<String> { Setting(text, at: location, spelling: written) }
        switch name {
        case "privileged":
            if let flag = bool(value) { spec.privileged = Setting(flag, at: location, spelling: written) }
        case "read-only":
            if let flag = bool(value) { spec.readOnlyRootFilesystem = Setting(flag, at: location, spelling: written) }
        case "use-api-socket":
            if bool(value) == true {
                spec.mounts.append(HostMount(
                    source: "/var/run/docker.sock", target: "/var/run/docker.sock", readOnly: false, location: location,
                    spelling: "--use-api-socket (which mounts the daemon socket by itself)"))
            }
        case "cap-add", "cap-drop":
            for cap in CapabilityName.list(value ?? "") {
                if name == "cap-add" { spec.capabilitiesAdded.append(setting(cap)) } else { spec.capabilitiesDropped.append(setting(cap)) }
            }
        case "security-opt":
            if let value { SecurityOption.apply(value, at: location, spelling: written, to: &spec) }
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
            if let value, let port = PortSpec.parse(value) {
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

    /// `-v SRC:DST[:OPTS]`: a host source is a path (`/…`, `~`, `./`, or a variable); a bare name
    /// is a named volume and a lone path an anonymous one.
    static func volumeMount(_ value: String, location: SourceLocation, written: String) -> HostMount? {
        let volume = VolumeSpec.parse(value)
        guard let source = volume.source else { return nil }
        switch VolumeSpec.kind(of: source) {
        case .absolute, .home, .variable, .relative:
            return HostMount(source: source, target: volume.target, readOnly: volume.readOnly, location: location, spelling: written)
        case .otherPath, .named:
            return nil
        }
    }

    /// `--mount type=bind,source=…,target=…[,readonly]`; a volume whose `volume-opt`s bind a device
    /// path is a host source too.
    static func mountFlag(_ value: String, location: SourceLocation, written: String) -> HostMount? {
        let mount = MountSpec.parse(value)
        guard let source = mount.hostSource else { return nil }
        return HostMount(source: source, target: mount.target, readOnly: mount.readOnly, location: location, spelling: written)
    }
}
