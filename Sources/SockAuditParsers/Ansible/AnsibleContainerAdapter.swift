import SockAuditCore

/// A `docker_container` or `podman_container` task's arguments (and a Molecule platform, which the
/// docker driver hands to `docker_container` key for key) -> a container. The two modules name a few
/// options differently (`capabilities` / `cap_add`, `security_opts` / `security_opt`,
/// `network_mode` / `network`, `volumes` / `volume`, `published_ports` / `publish`); each name the
/// module accepts, aliases included, is read.
enum AnsibleContainerAdapter {
    enum Module: Sendable {
        case docker
        case podman
        /// A Molecule platform: the keys of `docker_container` that the driver passes on.
        case moleculePlatform
    }

    static func container(_ arguments: Node, module: Module, name fallback: String, subject: String, location: SourceLocation) -> ContainerSpec {
        let values = AnsibleValues(arguments: arguments, path: location.path)
        let written = values.text("name")?.value
        let name = written.flatMap { AnsibleTemplate.isTemplated($0) ? nil : $0 } ?? fallback
        let dialect: ContainerDialect = switch module {
        case .docker: .ansibleDocker
        case .podman: .ansiblePodman
        case .moleculePlatform: .molecule
        }
        let image = values.text("image")?.value
        var spec = ContainerSpec(name: name, subject: subject, location: location, dialect: dialect, image: image)
        spec.privileged = values.bool("privileged")
        spec.capabilitiesAdded = (values.strings("capabilities") + values.strings("cap_add")).compactMap(capability)
        spec.capabilitiesDropped = values.strings("cap_drop").compactMap(capability)
        let securityOptions = values.strings("security_opts") + values.strings("security_opt")
        for option in securityOptions where !AnsibleTemplate.isTemplated(option.value) {
            SecurityOption.apply(option.value, at: option.location, spelling: option.spelling, to: &spec)
        }
        spec.hostNetwork = values.hostMode("network_mode", "network", "net")
        spec.hostPID = values.hostMode("pid_mode", "pid")
        spec.hostIPC = values.hostMode("ipc_mode", "ipc")
        spec.hostUserNamespace = values.hostMode("userns_mode", "userns")
        spec.user = values.text("user")
        spec.readOnlyRootFilesystem = values.bool("read_only")
        spec.memoryLimit = limit(values.text("memory"))
        spec.cpuLimit = limit(values.text("cpus")) ?? limit(values.text("cpu_quota")) ?? limit(values.text("cpu_shares"))
        spec.pidsLimit = limit(values.text("pids_limit"))
        if image == nil {
            // without an image the task acts on a container made elsewhere (restart, stop)
            spec.isComplete = false
        }
        if module == .moleculePlatform {
            // A test instance: the driver takes no cap_drop, read_only, cpus or pids_limit, so only
            // what the platform states is judged.
            spec.isComplete = false
        } else {
            markUnresolved(values, securityOptions: securityOptions, on: &spec)
        }
        spec.environment = environment(values)
        spec.command = values.strings("entrypoint") + command(values)
        for entry in values.strings("volumes") + values.strings("volume") {
            guard let mount = volume(entry) else { continue }
            spec.mounts.append(mount)
        }
        for mount in values.mappings("mounts") {
            guard let source = mount["source"], let text = source.string, !source.isNull else { continue }
            // the module's default type is `volume`, a named volume
            guard mount["type"]?.string == "bind" else { continue }
            spec.mounts.append(HostMount(
                source: text, target: mount["target"]?.string, readOnly: mount["read_only"]?.string.flatMap(AnsibleValues.boolean) ?? false,
                location: source.location(in: location.path), spelling: "mounts: source: \(text)"))
        }
        // podman_container's `mount` is the `--mount` string
        for entry in values.strings("mount") + (module == .podman ? values.strings("mounts") : []) {
            let parsed = MountSpec.parse(entry.value)
            guard let source = parsed.hostSource else { continue }
            spec.mounts.append(HostMount(source: source, target: parsed.target, readOnly: parsed.readOnly, location: entry.location, spelling: entry.spelling))
        }
        for entry in values.strings("published_ports") + values.strings("ports") + values.strings("publish") {
            guard !AnsibleTemplate.isTemplated(entry.value), entry.value != "all", let port = PortSpec.parse(entry.value), port.hostPort != nil else { continue }
            spec.publishedPorts.append(Setting(port, at: entry.location, spelling: entry.spelling))
        }
        return spec
    }

    /// A templated option is set to a value the scan cannot see: the rules that judge a missing
    /// setting must not call it missing. It is recorded as set, its spelling saying it is unresolved.
    private static func markUnresolved(_ values: AnsibleValues, securityOptions: [Setting<String>], on spec: inout ContainerSpec) {
        func unresolved(_ name: String) -> SourceLocation? {
            guard let node = values.node(name), AnsibleTemplate.isTemplated(node) else { return nil }
            return node.location(in: values.path)
        }
        if spec.readOnlyRootFilesystem == nil, let at = unresolved("read_only") {
            spec.readOnlyRootFilesystem = Setting(true, at: at, spelling: "read_only: a template (unresolved)")
        }
        if spec.noNewPrivileges == nil, let option = securityOptions.first(where: { AnsibleTemplate.isTemplated($0.value) }) {
            spec.noNewPrivileges = Setting(true, at: option.location, spelling: "\(option.spelling) (unresolved)")
        }
        if !spec.capabilitiesDropped.contains(where: { $0.value == "ALL" }), let at = unresolved("cap_drop") {
            spec.capabilitiesDropped.append(Setting("ALL", at: at, spelling: "cap_drop: a template (unresolved)"))
        }
    }

    private static func capability(_ setting: Setting<String>) -> Setting<String>? {
        guard !AnsibleTemplate.isTemplated(setting.value) else { return nil }
        return Setting(CapabilityName.canonical(setting.value), at: setting.location, spelling: setting.spelling)
    }

    /// A limit of 0 (the modules' default) is no limit.
    private static func limit(_ setting: Setting<String>?) -> Setting<String>? {
        guard let setting, setting.value != "0", setting.value != "-1" else { return nil }
        return setting
    }

    /// A `volumes` entry, `SRC:DST[:MODE]`, split outside `{{ }}`. A source that is not a host path
    /// (a named volume) is no host mount; a templated source is kept, so a socket basename shows.
    static func volume(_ entry: Setting<String>) -> HostMount? {
        let masked = mask(entry.value)
        let parsed = VolumeSpec.parse(masked)
        guard let maskedSource = parsed.source else { return nil }
        let source = unmask(maskedSource)
        let isPath = source.hasPrefix("/") || source.hasPrefix("~") || source.hasPrefix("$")
            || (AnsibleTemplate.isTemplated(source) && source.contains("/"))
        guard isPath else { return nil }
        return HostMount(source: source, target: unmask(parsed.target), readOnly: parsed.readOnly, location: entry.location, spelling: entry.spelling)
    }

    /// `:` inside `{{ }}` hidden from the splitter, and back.
    private static let hiddenColon: Character = "\u{E000}"

    private static func mask(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var result = ""
        var depth = 0
        var previous: Character?
        for character in text {
            if character == "{" && previous == "{" { depth += 1 }
            if character == "}" && previous == "}" && depth > 0 { depth -= 1 }
            result.append(character == ":" && depth > 0 ? hiddenColon : character)
            previous = character
        }
        return result
    }

    private static func unmask(_ text: String) -> String {
        text.contains(hiddenColon) ? String(text.map { $0 == hiddenColon ? ":" : $0 }) : text
    }

    /// `env:` as a mapping (`NAME: value`) or a list of `NAME=value`.
    private static func environment(_ values: AnsibleValues) -> [Setting<String>] {
        if let pairs = values.node("env")?.pairs {
            return pairs.compactMap { pair in
                guard let name = pair.key.string, let value = pair.value.string else { return nil }
                return Setting("\(name)=\(value)", at: pair.value.location(in: values.path), spelling: "env: \(name): \(value)")
            }
        }
        return values.strings("env")
    }

    /// `command` as a list, or a string the module splits into words.
    private static func command(_ values: AnsibleValues) -> [Setting<String>] {
        guard let node = values.node("command") else { return [] }
        if node.sequence != nil { return values.strings("command") }
        guard let text = node.string else { return [] }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
            Setting(String($0), at: node.location(in: values.path), spelling: "command: \(text)")
        }
    }
}

extension ContainerDialect {
    /// `community.docker.docker_container` arguments.
    public static let ansibleDocker = ContainerDialect(
        dropAllCapabilities: "cap_drop: [ALL]",
        noNewPrivileges: "security_opts: [no-new-privileges]",
        readOnlyRoot: "read_only: true",
        nonRootUser: "user: \"1000:1000\" (any non-zero UID)",
        memoryLimit: "memory",
        cpuLimit: "cpus (or cpu_quota)",
        pidsLimit: "pids_limit")

    /// `containers.podman.podman_container` arguments.
    public static let ansiblePodman = ContainerDialect(
        dropAllCapabilities: "cap_drop: [ALL]",
        noNewPrivileges: "security_opt: [no-new-privileges]",
        readOnlyRoot: "read_only: true",
        nonRootUser: "user: \"1000:1000\" (any non-zero UID)",
        memoryLimit: "memory",
        cpuLimit: "cpus (or cpu_quota)",
        pidsLimit: "pids_limit")

    /// A Molecule scenario's `platforms` entry (the docker driver's keys).
    public static let molecule = ContainerDialect(
        dropAllCapabilities: "cap_drop (not passed on by the Molecule docker driver)",
        noNewPrivileges: "security_opts: [no-new-privileges]",
        readOnlyRoot: "a read-only root (not passed on by the Molecule docker driver)",
        nonRootUser: "user: \"1000:1000\"",
        memoryLimit: "memory",
        cpuLimit: "a CPU limit (not passed on by the Molecule docker driver)",
        pidsLimit: "a PIDs limit (not passed on by the Molecule docker driver)")
}
