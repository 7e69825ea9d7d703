import SockAuditCore

/// Nomad job files: every `task` whose `driver` is `docker` (or `podman`) is a container, read from
/// its `config` block (`volumes`, `mount`, `privileged`, `cap_add`, `cap_drop`, `security_opt`,
/// `network_mode`, `pid_mode`, `ipc_mode`, `userns_mode`, `readonly_rootfs`, `pids_limit`), the
/// task's `user`, `env` and `resources` (a task written in the job itself, as older job files do,
/// is a group of its own name). The group's `network { mode = "host" }` is not the
/// container's: without its own `network_mode` a docker task then runs on Docker's default bridge
/// (only `bridge` and `cni` group modes give it the group's namespace). Values are read as in
/// Terraform: `var.x` with a `default`, locals and `dynamic` blocks resolved, the rest unresolved.
public enum NomadJobAdapter {
    /// `hostVolumes`: the host volumes the scan's Nomad client configurations declare, by name,
    /// joined to each group's `volume { type = "host" }` and its tasks' `volume_mount`s.
    public static func containers(in module: TerraformModule, hostVolumes: [String: [NomadHostVolume]] = [:]) -> [ContainerSpec] {
        var result: [ContainerSpec] = []
        for job in labeledBlocks("job", in: module.root, scope: TerraformScope(module: module)) {
            // A task written in the job itself (the older job files) is a group of its own name.
            let groups = labeledBlocks("group", in: job.body, scope: job.scope).map { (group: $0, tasks: labeledBlocks("task", in: $0.body, scope: $0.scope)) }
                + labeledBlocks("task", in: job.body, scope: job.scope).map { (group: $0, tasks: [$0]) }
            for (group, tasks) in groups {
                var groupVolumes: [String: GroupVolume] = [:]
                for volume in labeledBlocks("volume", in: group.body, scope: group.scope) {
                    let attributes = TerraformAttributes(body: volume.body, scope: volume.scope)
                    groupVolumes[volume.label] = GroupVolume(
                        type: attributes.text("type")?.value, source: attributes.text("source")?.value,
                        readOnly: attributes.bool("read_only")?.value ?? false)
                }
                for task in tasks {
                    let attributes = TerraformAttributes(body: task.body, scope: task.scope)
                    guard let driver = attributes.text("driver")?.value, driver == "docker" || driver == "podman" else { continue }
                    let subject = "task \"\(shown(task.label))\" of group \"\(shown(group.label))\" in job \"\(shown(job.label))\""
                    var spec = container(task: attributes, name: task.label, subject: subject,
                                         location: task.key.location(in: module.path))
                    for mount in attributes.blocks("volume_mount") {
                        guard let volume = mount.text("volume") else { continue }
                        spec.mounts += hostVolumeMounts(
                            volume: volume, destination: mount.text("destination")?.value,
                            readOnly: mount.bool("read_only")?.value ?? false, groupVolumes: groupVolumes, hostVolumes: hostVolumes)
                    }
                    result.append(spec)
                }
            }
        }
        return result
    }

    /// A block with one label, written (`task "web" { }`) or made by `dynamic "task" { for_each,
    /// labels = [...], content { } }` (one per element of a collection the job states, its label
    /// and values read with the iterator bound; over an unknown collection, the content once).
    struct LabeledBlock {
        var label: String
        /// Where a finding about the whole block points: the label, or the dynamic block's.
        var key: Node
        var body: Node
        var scope: TerraformScope
    }

    /// A label a template action wrote (set aside as `_` characters) is named as one.
    static func shown(_ label: String) -> String {
        label.count > 3 && label.allSatisfy({ $0 == "_" }) ? "[[ … ]]" : label
    }

    static func labeledBlocks(_ type: String, in body: Node, scope: TerraformScope) -> [LabeledBlock] {
        var result = TerraformBlocks.labeled(type, labels: 1, in: body).map {
            LabeledBlock(label: $0.labels[0], key: $0.key, body: $0.body, scope: scope)
        }
        for dynamic in TerraformBlocks.labeled("dynamic", labels: 1, in: body) where dynamic.labels[0] == type {
            guard let content = TerraformBlocks.bodies("content", in: dynamic.body).first else { continue }
            var iterator = type
            if let written = dynamic.body["iterator"]?.string {
                iterator = written.hasPrefix("${") && written.hasSuffix("}") ? String(written.dropFirst(2).dropLast()) : written
            }
            var scopes = [scope]
            if let forEach = dynamic.body["for_each"], let elements = scope.elements(of: forEach, what: "dynamic \"\(type)\""), !elements.isEmpty {
                scopes = elements.map { scope.binding(iterator, $0) }
            }
            for bound in scopes {
                let label = TerraformAttributes(body: dynamic.body, scope: bound).strings("labels").first?.value ?? "(dynamic)"
                result.append(LabeledBlock(label: label, key: dynamic.key, body: content, scope: bound))
            }
        }
        return result
    }

    /// A group's `volume "NAME" { type, source, read_only }` (the API's `Volumes` map alike).
    struct GroupVolume {
        var type: String?
        var source: String?
        var readOnly: Bool
    }

    /// A task's `volume_mount { volume = "NAME" }` of a group volume of type `host`, joined to the
    /// client host volumes of that `source`: one mount per client that declares it (the job may be
    /// placed on any of them), at the mount's `volume`, naming where the client gives the path.
    static func hostVolumeMounts(
        volume: Setting<String>, destination: String?, readOnly: Bool, groupVolumes: [String: GroupVolume],
        hostVolumes: [String: [NomadHostVolume]]
    ) -> [HostMount] {
        guard let group = groupVolumes[volume.value], group.type == "host", let source = group.source else { return [] }
        return (hostVolumes[source] ?? []).map { declared in
            let at = declared.path.location
            return HostMount(
                source: declared.path.value, target: destination, readOnly: readOnly || group.readOnly || declared.readOnly,
                location: volume.location,
                spelling: "\(volume.spelling), group volume \"\(volume.value)\" of type host with source \"\(source)\": "
                    + "the client's host_volume \"\(source)\" has path = \"\(declared.path.value)\" (\(at.path):\(at.line))")
        }
    }

    static func container(task: TerraformAttributes, name: String, subject: String, location: SourceLocation) -> ContainerSpec {
        let config = task.blocks("config").first ?? TerraformAttributes(body: Node(.mapping([]), line: location.line, column: location.column), scope: task.scope)
        let resources = task.blocks("resources").first
        var spec = container(
            config: config, user: task.text("user"), memory: resources?.text("memory"),
            cpu: resources?.text("cpu") ?? resources?.text("cores"),
            name: name, subject: subject, location: location)
        spec.environment = task.blocks("env").flatMap(environment)
        return spec
    }

    /// `env { NAME = "value" }` (the API's `Env` map alike) as `NAME=value`, at each name.
    static func environment(_ env: TerraformAttributes) -> [Setting<String>] {
        (env.body.pairs ?? []).compactMap { pair in
            guard let name = pair.key.string, let value = env.text(name) else { return nil }
            return Setting("\(name)=\(value.value)", at: value.location, spelling: value.spelling)
        }
    }

    /// A task's container from its driver `config` (the same keys in HCL, in HCL's JSON syntax and in
    /// the API's JSON, where `config` stays as the job file wrote it) and the task's own settings.
    static func container(
        config: TerraformAttributes, user: Setting<String>?, memory: Setting<String>?, cpu: Setting<String>?,
        name: String, subject: String, location: SourceLocation
    ) -> ContainerSpec {
        var spec = ContainerSpec(name: name, subject: subject, location: location, dialect: .nomad, image: config.text("image")?.value)
        spec.privileged = config.bool("privileged")
        spec.capabilitiesAdded = config.capabilities("cap_add")
        spec.capabilitiesDropped = config.capabilities("cap_drop")
        for option in config.strings("security_opt") {
            SecurityOption.apply(option.value, at: option.location, spelling: option.spelling, to: &spec)
        }
        spec.hostNetwork = config.hostMode("network_mode")
        spec.hostPID = config.hostMode("pid_mode")
        spec.hostIPC = config.hostMode("ipc_mode")
        spec.hostUserNamespace = config.hostMode("userns_mode")
        spec.readOnlyRootFilesystem = config.bool("readonly_rootfs")
        spec.user = user
        spec.pidsLimit = TerraformDockerAdapter.positive(config.text("pids_limit"))
        // Nomad gives every task a memory and CPU limit (300 MB and 100 MHz unless `resources` says otherwise).
        spec.memoryLimit = memory ?? Setting("300", at: location, spelling: "Nomad's default memory limit")
        spec.cpuLimit = cpu ?? Setting("100", at: location, spelling: "Nomad's default CPU limit")
        spec.command = config.strings("entrypoint") + config.text("command").map { [$0] }.orEmpty + config.strings("args")
        for volume in config.strings("volumes") {
            let parsed = VolumeSpec.parse(volume.value)
            guard let source = parsed.source, isHostSource(source) else { continue }
            spec.mounts.append(HostMount(source: source, target: parsed.target, readOnly: parsed.readOnly, location: volume.location, spelling: volume.spelling))
        }
        for mount in config.blocks("mount") + config.blocks("mounts") {
            guard let source = mount.text("source"), (mount.text("type")?.value ?? "volume") == "bind", isHostSource(source.value) else { continue }
            spec.mounts.append(HostMount(
                source: source.value, target: mount.text("target")?.value,
                readOnly: mount.bool("readonly")?.value ?? false, location: source.location, spelling: source.spelling))
        }
        return spec
    }

    /// The directories Nomad gives each task inside its allocation, never a host path of their own.
    static let allocationDirectories = ["NOMAD_TASK_DIR", "NOMAD_ALLOC_DIR", "NOMAD_SECRETS_DIR"]

    /// Whether a bind source is the host's: an absolute path, or one led by a variable (unresolved,
    /// judged by its basename). A relative source (`local/app.conf`, `secrets`, `./config`) and one
    /// led by the task's own directories (`${NOMAD_TASK_DIR}/app.conf`) are inside the allocation:
    /// the docker driver binds them from there.
    static func isHostSource(_ source: String) -> Bool {
        if source.hasPrefix("/") { return true }
        guard source.hasPrefix("$") else { return false }
        let name = source.dropFirst().drop { $0 == "{" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return !allocationDirectories.contains(String(name))
    }
}

extension Optional where Wrapped == [Setting<String>] {
    var orEmpty: [Setting<String>] { self ?? [] }
}

extension ContainerDialect {
    /// Nomad's docker driver `config` block and task settings.
    public static let nomad = ContainerDialect(
        dropAllCapabilities: "cap_drop = [\"all\"] in the task's config",
        noNewPrivileges: "security_opt = [\"no-new-privileges\"] in the task's config",
        readOnlyRoot: "readonly_rootfs = true in the task's config",
        nonRootUser: "user = \"1000\" on the task (any non-zero UID)",
        memoryLimit: "resources { memory }",
        cpuLimit: "resources { cpu }",
        pidsLimit: "pids_limit in the task's config")
}
