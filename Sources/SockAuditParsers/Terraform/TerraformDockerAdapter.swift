import SockAuditCore

/// The kreuzwerker/docker provider: each `docker_container` resource is a container (and the
/// container spec of a Swarm `docker_service`), and a `provider "docker"` whose `host` is `tcp://`
/// without client certificates is a client on plain TCP.
public enum TerraformDockerAdapter {
    public static func facts(in module: TerraformModule) -> Facts {
        var facts = Facts()
        for resource in TerraformBlocks.labeled("resource", labels: 2, in: module.root) where resource.labels[0] == "docker_container" {
            facts.containers += TerraformResources.instances(of: resource, in: module).map { container($0, module: module) }
        }
        for resource in TerraformBlocks.labeled("resource", labels: 2, in: module.root) where resource.labels[0] == "docker_service" {
            for instance in TerraformResources.instances(of: resource, in: module) {
                facts.containers += serviceContainers(instance, module: module)
            }
        }
        for provider in TerraformBlocks.labeled("provider", labels: 1, in: module.root) where provider.labels[0] == "docker" {
            let attributes = TerraformAttributes(body: provider.body, scope: TerraformScope(module: module))
            guard let host = attributes.text("host"), host.value.lowercased().hasPrefix("tcp://") else { continue }
            let certificates = ["cert_path", "ca_material", "cert_material", "key_material"].contains { provider.body[$0] != nil }
            facts.clients.append(ClientEndpoint(address: host, usesTLS: certificates, subject: "provider \"docker\""))
        }
        return facts
    }

    static func container(_ instance: TerraformResources.Instance, module: TerraformModule) -> ContainerSpec {
        let attributes = TerraformAttributes(body: instance.body, scope: instance.scope)
        let name = attributes.text("name").map(\.value).flatMap { $0.hasPrefix("${") ? nil : $0 } ?? instance.name
        var spec = ContainerSpec(
            name: name, subject: instance.address,
            location: instance.location.location(in: module.path),
            dialect: module.path.hasSuffix(".json") ? .terraformDockerJSON : .terraformDocker,
            image: attributes.text("image")?.value)
        spec.privileged = attributes.bool("privileged")
        for capabilities in attributes.blocks("capabilities") {
            spec.capabilitiesAdded += capabilities.capabilities("add")
            spec.capabilitiesDropped += capabilities.capabilities("drop")
        }
        for option in attributes.strings("security_opts") {
            SecurityOption.apply(option.value, at: option.location, spelling: option.spelling, to: &spec)
        }
        spec.hostNetwork = attributes.hostMode("network_mode")
        spec.hostPID = attributes.hostMode("pid_mode")
        spec.hostIPC = attributes.hostMode("ipc_mode")
        spec.hostUserNamespace = attributes.hostMode("userns_mode")
        spec.user = attributes.text("user")
        spec.readOnlyRootFilesystem = attributes.bool("read_only")
        spec.memoryLimit = positive(attributes.text("memory"))
        spec.cpuLimit = positive(attributes.text("cpus")) ?? positive(attributes.text("cpu_quota")) ?? positive(attributes.text("cpu_shares"))
        // The provider has no PIDs limit argument to recommend.
        spec.pidsLimitApplies = false
        spec.environment = attributes.strings("env")
        spec.command = attributes.strings("entrypoint") + attributes.strings("command")
        for volume in attributes.blocks("volumes") {
            guard let source = volume.text("host_path") else { continue }
            spec.mounts.append(HostMount(
                source: source.value, target: volume.text("container_path")?.value,
                readOnly: volume.bool("read_only")?.value ?? false, location: source.location, spelling: source.spelling))
        }
        for mount in attributes.blocks("mounts") {
            guard let source = mount.text("source"), (mount.text("type")?.value ?? "bind") == "bind" else { continue }
            spec.mounts.append(HostMount(
                source: source.value, target: mount.text("target")?.value,
                readOnly: mount.bool("read_only")?.value ?? false, location: source.location, spelling: source.spelling))
        }
        for port in attributes.blocks("ports") {
            guard let containerPort = port.text("internal"), let external = port.text("external") else { continue }
            let published = PublishedPort(hostIP: port.text("ip")?.value, hostPort: external.value, containerPort: containerPort.value)
            spec.publishedPorts.append(Setting(published, at: external.location, spelling: external.spelling))
        }
        return spec
    }

    /// A Swarm `docker_service`'s `task_spec { container_spec { … } }`: its bind `mounts`, `user`,
    /// `cap_add` and `env`. Only what it states is judged: a service has no `privileged` and keeps
    /// its limits under `task_spec { resources }`, so the missing-setting rules stay quiet on it.
    static func serviceContainers(_ instance: TerraformResources.Instance, module: TerraformModule) -> [ContainerSpec] {
        let service = TerraformAttributes(body: instance.body, scope: instance.scope)
        return service.blocks("task_spec").flatMap { $0.blocks("container_spec") }.map { spec in
            var container = ContainerSpec(
                name: instance.name, subject: instance.address,
                location: spec.body.location(in: module.path),
                dialect: module.path.hasSuffix(".json") ? .terraformDockerJSON : .terraformDocker,
                image: spec.text("image")?.value)
            container.isComplete = false
            container.pidsLimitApplies = false
            container.user = spec.text("user")
            container.readOnlyRootFilesystem = spec.bool("read_only")
            container.capabilitiesAdded = spec.capabilities("cap_add")
            container.capabilitiesDropped = spec.capabilities("cap_drop")
            for mount in spec.blocks("mounts") {
                guard let source = mount.text("source"), (mount.text("type")?.value ?? "volume") == "bind" else { continue }
                container.mounts.append(HostMount(
                    source: source.value, target: mount.text("target")?.value,
                    readOnly: mount.bool("read_only")?.value ?? false, location: source.location, spelling: source.spelling))
            }
            return container
        }
    }

    /// A limit of 0 is no limit.
    static func positive(_ setting: Setting<String>?) -> Setting<String>? {
        guard let setting, setting.value != "0" else { return nil }
        return setting
    }
}

extension ContainerDialect {
    /// kreuzwerker/docker `docker_container` arguments.
    public static let terraformDocker = ContainerDialect(
        dropAllCapabilities: "capabilities { drop = [\"ALL\"] }",
        noNewPrivileges: "security_opts = [\"no-new-privileges\"]",
        readOnlyRoot: "read_only = true",
        nonRootUser: "user = \"1000:1000\" (any non-zero UID)",
        memoryLimit: "memory (MB)",
        cpuLimit: "cpus (or cpu_quota, cpu_shares)",
        pidsLimit: "a PIDs limit")

    /// The same arguments in `*.tf.json`, spelled as that file writes them.
    public static let terraformDockerJSON = ContainerDialect(
        dropAllCapabilities: "\"capabilities\": {\"drop\": [\"ALL\"]}",
        noNewPrivileges: "\"security_opts\": [\"no-new-privileges\"]",
        readOnlyRoot: "\"read_only\": true",
        nonRootUser: "\"user\": \"1000:1000\" (any non-zero UID)",
        memoryLimit: "\"memory\" (MB)",
        cpuLimit: "\"cpus\" (or \"cpu_quota\", \"cpu_shares\")",
        pidsLimit: "a PIDs limit")
}
