import SockAuditCore

/// Nomad job files: every `task` whose `driver` is `docker` (or `podman`) is a container, read from
/// its `config` block (`volumes`, `mount`, `privileged`, `cap_add`, `cap_drop`, `security_opt`,
/// `network_mode`, `pid_mode`, `ipc_mode`, `userns_mode`, `readonly_rootfs`, `pids_limit`), the
/// task's `user` and `resources`, and the group's `network { mode = "host" }`. Values are read as
/// in Terraform: `var.x` with a `default`, locals and `dynamic` blocks resolved, the rest unresolved.
public enum NomadJobAdapter {
    /// `hostVolumes`: the host volumes the scan's Nomad client configurations declare, by name,
    /// joined to each group's `volume { type = "host" }` and its tasks' `volume_mount`s.
    public static func containers(in module: TerraformModule, hostVolumes: [String: [NomadHostVolume]] = [:]) -> [ContainerSpec] {
        let scope = TerraformScope(module: module)
        var result: [ContainerSpec] = []
        for job in TerraformBlocks.labeled("job", labels: 1, in: module.root) {
            for group in TerraformBlocks.labeled("group", labels: 1, in: job.body) {
                let groupAttributes = TerraformAttributes(body: group.body, scope: scope)
                let hostNetwork = groupAttributes.blocks("network").compactMap { $0.hostMode("mode") }.first
                var groupVolumes: [String: GroupVolume] = [:]
                for volume in TerraformBlocks.labeled("volume", labels: 1, in: group.body) {
                    let attributes = TerraformAttributes(body: volume.body, scope: scope)
                    groupVolumes[volume.labels[0]] = GroupVolume(
                        type: attributes.text("type")?.value, source: attributes.text("source")?.value,
                        readOnly: attributes.bool("read_only")?.value ?? false)
                }
                for task in TerraformBlocks.labeled("task", labels: 1, in: group.body) {
                    let attributes = TerraformAttributes(body: task.body, scope: scope)
                    guard let driver = attributes.text("driver")?.value, driver == "docker" || driver == "podman" else { continue }
                    let subject = "task \"\(task.labels[0])\" of group \"\(group.labels[0])\" in job \"\(job.labels[0])\""
                    var spec = container(task: attributes, name: task.labels[0], subject: subject,
                                         location: task.key.location(in: module.path), groupNetwork: hostNetwork)
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

    static func container(task: TerraformAttributes, name: String, subject: String, location: SourceLocation, groupNetwork: Setting<Bool>?) -> ContainerSpec {
        let config = task.blocks("config").first ?? TerraformAttributes(body: Node(.mapping([]), line: location.line, column: location.column), scope: task.scope)
        let resources = task.blocks("resources").first
        return container(
            config: config, user: task.text("user"), memory: resources?.text("memory"),
            cpu: resources?.text("cpu") ?? resources?.text("cores"),
            name: name, subject: subject, location: location, groupNetwork: groupNetwork)
    }

    /// A task's container from its driver `config` (the same keys in HCL, in HCL's JSON syntax and in
    /// the API's JSON, where `config` stays as the job file wrote it) and the task's own settings.
    static func container(
        config: TerraformAttributes, user: Setting<String>?, memory: Setting<String>?, cpu: Setting<String>?,
        name: String, subject: String, location: SourceLocation, groupNetwork: Setting<Bool>?
    ) -> ContainerSpec {
        var spec = ContainerSpec(name: name, subject: subject, location: location, dialect: .nomad, image: config.text("image")?.value)
        spec.privileged = config.bool("privileged")
        spec.capabilitiesAdded = config.capabilities("cap_add")
        spec.capabilitiesDropped = config.capabilities("cap_drop")
        for option in config.strings("security_opt") {
            SecurityOption.apply(option.value, at: option.location, spelling: option.spelling, to: &spec)
        }
        spec.hostNetwork = config.hostMode("network_mode") ?? groupNetwork
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
            // A relative source is inside the task's own directory, not the host's.
            guard let source = parsed.source, source.hasPrefix("/") || source.hasPrefix("$") else { continue }
            spec.mounts.append(HostMount(source: source, target: parsed.target, readOnly: parsed.readOnly, location: volume.location, spelling: volume.spelling))
        }
        for mount in config.blocks("mount") + config.blocks("mounts") {
            guard let source = mount.text("source"), (mount.text("type")?.value ?? "volume") == "bind" else { continue }
            spec.mounts.append(HostMount(
                source: source.value, target: mount.text("target")?.value,
                readOnly: mount.bool("readonly")?.value ?? false, location: source.location, spelling: source.spelling))
        }
        return spec
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
