import SockAuditCore

/// An Amazon ECS task definition -> its containers, whichever file holds it: the API's JSON
/// (`containerDefinitions`, camelCase), CloudFormation (`ContainerDefinitions`, PascalCase), or
/// Terraform (`container_definitions`, with the task's `volume` blocks). A `mountPoints` entry is a
/// host mount when its `sourceVolume` names a volume with a host `sourcePath`; the finding points at
/// that `sourcePath`. Task-level `networkMode`, `pidMode` and `ipcMode` apply to every container.
public struct ECSTaskDefinition: Sendable {
    /// A task volume backed by a host path.
    public struct HostVolume: Sendable {
        public var sourcePath: String
        public var location: SourceLocation
        public var spelling: String

        public init(sourcePath: String, location: SourceLocation, spelling: String) {
            self.sourcePath = sourcePath
            self.location = location
            self.spelling = spelling
        }
    }

    public var path: String
    /// `task definition "web"`, `aws_ecs_task_definition.web`, `TaskDefinition` (the logical id).
    public var owner: String
    public var location: SourceLocation
    public var hostVolumes: [String: HostVolume] = [:]
    public var networkModeHost: Setting<Bool>?
    public var pidModeHost: Setting<Bool>?
    public var ipcModeHost: Setting<Bool>?
    /// A task-level memory or CPU size bounds every container of the task.
    public var taskMemory: Setting<String>?
    public var taskCPU: Setting<String>?
    /// CloudFormation spells every key with a capital first letter; messages and advice name the
    /// keys as the template writes them (`NetworkMode`, `LinuxParameters.Capabilities.Drop`).
    public var capitalized = false

    public init(path: String, owner: String, location: SourceLocation) {
        self.path = path
        self.owner = owner
        self.location = location
    }

    /// A key in either spelling the task definition formats use (`mountPoints`, `MountPoints`).
    public static func field(_ node: Node?, _ camel: String) -> Node? {
        guard let node else { return nil }
        return node[camel] ?? node[camel.prefix(1).uppercased() + camel.dropFirst()]
    }

    public static func fieldKey(_ node: Node, _ camel: String) -> Node? {
        node.keyNode(camel) ?? node.keyNode(camel.prefix(1).uppercased() + camel.dropFirst())
    }

    /// A key path as this task definition's format spells it: `linuxParameters.capabilities.add`
    /// in the API's JSON, `LinuxParameters.Capabilities.Add` in CloudFormation.
    func spelled(_ camel: String) -> String {
        guard capitalized else { return camel }
        return camel.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ".")
    }

    /// A value's text: a literal, or what a CloudFormation `Sub`/`Join` states; nil for any other
    /// intrinsic function (`!Ref`, `!If`, …), which the scan does not evaluate.
    static func text(_ node: Node?) -> String? {
        CloudFormationIntrinsic.text(node)
    }

    /// The host volumes of a `volumes` list (`{name, host: {sourcePath}}` / `{Name, Host: {SourcePath}}`).
    public mutating func readVolumes(_ volumes: Node?, path volumePath: String? = nil) {
        for volume in volumes?.sequence ?? [] {
            guard let name = Self.text(Self.field(volume, "name")), let host = Self.field(volume, "host"),
                  let source = Self.field(host, "sourcePath"), let text = Self.text(source), !source.isNull else { continue }
            let key = Self.fieldKey(host, "sourcePath") ?? source
            let spelling = "volume \"\(name)\" \(spelled(capitalized ? "host.sourcePath" : "sourcePath")) \(text)"
            hostVolumes[name] = HostVolume(sourcePath: text, location: key.location(in: volumePath ?? path), spelling: spelling)
        }
    }

    /// Task-level `networkMode`/`pidMode`/`ipcMode` and sizes from the task object.
    public mutating func readTaskSettings(_ task: Node, path taskPath: String? = nil) {
        let at = taskPath ?? path
        func mode(_ name: String) -> Setting<Bool>? {
            guard let node = Self.field(task, name), let text = Self.text(node), !node.isNull else { return nil }
            let key = Self.fieldKey(task, name) ?? node
            return Setting(text == "host", at: key.location(in: at), spelling: "\(spelled(name)): \"\(text)\"")
        }
        networkModeHost = mode("networkMode")
        pidModeHost = mode("pidMode")
        ipcModeHost = mode("ipcMode")
        taskMemory = Self.size(task, "memory", at, spelled("memory"))
        taskCPU = Self.size(task, "cpu", at, spelled("cpu"))
    }

    static func size(_ node: Node, _ name: String, _ path: String, _ spelling: String) -> Setting<String>? {
        guard let value = field(node, name), !value.isNull else { return nil }
        let key = fieldKey(node, name) ?? value
        if CloudFormationIntrinsic.isExpression(value), text(value) == nil {
            // a parameter or condition sets it: a size the scan cannot see, but a size
            let written = CloudFormationIntrinsic.display(value)
            return Setting(written, at: key.location(in: path), spelling: "\(spelling): \(written) (unresolved)")
        }
        guard let text = text(value), text != "0" else { return nil }
        return Setting(text, at: key.location(in: path), spelling: "\(spelling): \(text)")
    }

    /// How a message names a container: `container "web"`; a name Terraform fills in is said as
    /// such (`container (name from var.app)`, `container "web-…" (name from var.env)`), never as the
    /// raw `${…}`; a container without a name by its image (`container with image "nginx:1.27"`).
    static func label(name: String?, image: String?) -> String {
        if let name {
            let (text, sources) = TerraformScope.readable(name)
            guard !sources.isEmpty else { return "container \"\(name)\"" }
            let origin = "(name from \(sources.joined(separator: ", ")))"
            return text == "…" ? "container \(origin)" : "container \"\(text)\" \(origin)"
        }
        guard let image else { return "unnamed container" }
        let (text, sources) = TerraformScope.readable(image)
        guard !sources.isEmpty else { return "container with image \"\(image)\"" }
        let origin = sources.joined(separator: ", ")
        return text == "…" ? "container with image from \(origin)" : "container with image \"\(text)\" (from \(origin))"
    }

    /// The containers of a `containerDefinitions` list, read from `path` (another file for
    /// Terraform's `file("…")`).
    public func containers(_ definitions: Node, path definitionsPath: String? = nil) -> [ContainerSpec] {
        (definitions.sequence ?? []).filter(\.isMapping).map { container($0, path: definitionsPath ?? path) }
    }

    func container(_ definition: Node, path: String) -> ContainerSpec {
        let nameNode = Self.field(definition, "name")
        let image = Self.text(Self.field(definition, "image"))
        // a name a parameter gives (`!Ref AppName`) is named as the template writes it
        let name = Self.text(nameNode) ?? nameNode.flatMap { CloudFormationIntrinsic.isExpression($0) ? CloudFormationIntrinsic.display($0) : nil }
        var spec = ContainerSpec(
            name: name ?? image ?? "(unnamed)", subject: "\(Self.label(name: name, image: image)) of \(owner)",
            location: definition.location(in: path), dialect: capitalized ? .ecsCloudFormation : .ecs,
            image: image,
            pidsLimitApplies: false)
        spec.sharedSubject = owner
        func key(_ name: String) -> SourceLocation? { Self.fieldKey(definition, name)?.location(in: path) }
        func bool(_ name: String) -> Setting<Bool>? {
            guard let node = Self.field(definition, name), let text = Self.text(node), let at = key(name),
                  let value = text == "true" ? true : text == "false" ? false : nil else { return nil }
            return Setting(value, at: at, spelling: "\(Self.fieldKey(definition, name)?.string ?? name): \(value)")
        }
        func strings(_ node: Node?, _ spelling: String) -> [Setting<String>] {
            (node?.sequence ?? []).compactMap { item in
                Self.text(item).map { Setting($0, at: item.location(in: path), spelling: "\(spelling): \($0)") }
            }
        }
        spec.privileged = bool("privileged")
        spec.readOnlyRootFilesystem = bool("readonlyRootFilesystem")
        if let node = Self.field(definition, "user"), let at = key("user") {
            if let user = Self.text(node) {
                spec.user = Setting(user, at: at, spelling: "\(spelled("user")): \"\(user)\"")
            } else if CloudFormationIntrinsic.isExpression(node) {
                spec.user = Setting(CloudFormationIntrinsic.display(node), at: at, spelling: "\(spelled("user")): \(CloudFormationIntrinsic.display(node)) (unresolved)")
            }
        }
        let capabilities = Self.field(Self.field(definition, "linuxParameters"), "capabilities")
        let canonical = { (setting: Setting<String>) in Setting(CapabilityName.canonical(setting.value), at: setting.location, spelling: setting.spelling) }
        spec.capabilitiesAdded = strings(Self.field(capabilities, "add"), spelled("linuxParameters.capabilities.add")).map(canonical)
        spec.capabilitiesDropped = strings(Self.field(capabilities, "drop"), spelled("linuxParameters.capabilities.drop")).map(canonical)
        for option in strings(Self.field(definition, "dockerSecurityOptions"), spelled("dockerSecurityOptions")) {
            SecurityOption.apply(option.value, at: option.location, spelling: option.spelling, to: &spec)
        }
        markUnresolved(definition, path: path, on: &spec)
        spec.hostNetwork = networkModeHost
        spec.hostPID = pidModeHost
        spec.hostIPC = ipcModeHost
        spec.memoryLimit = Self.size(definition, "memory", path, spelled("memory")) ?? taskMemory
        spec.cpuLimit = Self.size(definition, "cpu", path, spelled("cpu")) ?? taskCPU
        for variable in Self.field(definition, "environment")?.sequence ?? [] {
            guard let variableName = Self.text(Self.field(variable, "name")) else { continue }
            let value = Self.text(Self.field(variable, "value")) ?? ""
            spec.environment.append(Setting("\(variableName)=\(value)", at: variable.location(in: path), spelling: "\(spelled("environment")) \(variableName)=\(value)"))
        }
        for mapping in Self.field(definition, "portMappings")?.sequence ?? [] {
            guard let container = Self.text(Self.field(mapping, "containerPort")) else { continue }
            let host = Self.text(Self.field(mapping, "hostPort"))
            // Host and awsvpc network modes publish the container port on the host's interfaces.
            let published = PublishedPort(hostIP: nil, hostPort: host ?? container, containerPort: container)
            spec.publishedPorts.append(Setting(published, at: mapping.location(in: path), spelling: "\(spelled("portMappings")): \(host ?? container):\(container)"))
        }
        spec.command = strings(Self.field(definition, "entryPoint"), spelled("entryPoint")) + strings(Self.field(definition, "command"), spelled("command"))
        for mountPoint in Self.field(definition, "mountPoints")?.sequence ?? [] {
            guard let volumeName = Self.text(Self.field(mountPoint, "sourceVolume")), let volume = hostVolumes[volumeName] else { continue }
            let readOnly = Self.text(Self.field(mountPoint, "readOnly")) == "true"
            let target = Self.text(Self.field(mountPoint, "containerPath"))
            spec.mounts.append(HostMount(
                source: volume.sourcePath, target: target, readOnly: readOnly, location: volume.location,
                spelling: "\(spelled("mountPoints")) \(spelled("sourceVolume")) \"\(volumeName)\" (\(volume.spelling))"))
        }
        return spec
    }
}

extension ECSTaskDefinition {
    /// A CloudFormation expression (`!Ref`, `!If`, `Fn::FindInMap`) where a setting goes sets it to a
    /// value the scan cannot see: the rules that judge a missing setting must not call it missing.
    /// It is recorded as set, its spelling naming the expression.
    func markUnresolved(_ definition: Node, path: String, on spec: inout ContainerSpec) {
        func expression(_ node: Node?) -> Node? {
            guard let node, CloudFormationIntrinsic.isExpression(node), Self.text(node) == nil else { return nil }
            return node
        }
        func spelling(_ name: String, _ node: Node) -> String { "\(spelled(name)): \(CloudFormationIntrinsic.display(node)) (unresolved)" }
        if spec.readOnlyRootFilesystem == nil, let node = expression(Self.field(definition, "readonlyRootFilesystem")) {
            spec.readOnlyRootFilesystem = Setting(true, at: node.location(in: path), spelling: spelling("readonlyRootFilesystem", node))
        }
        let capabilities = Self.field(Self.field(definition, "linuxParameters"), "capabilities")
        let drop = Self.field(capabilities, "drop")
        if !spec.capabilitiesDropped.contains(where: { $0.value == "ALL" }),
           let node = expression(drop) ?? drop?.sequence?.first(where: { expression($0) != nil }) {
            spec.capabilitiesDropped.append(Setting("ALL", at: node.location(in: path), spelling: spelling("linuxParameters.capabilities.drop", node)))
        }
        let options = Self.field(definition, "dockerSecurityOptions")
        if spec.noNewPrivileges == nil, let node = expression(options) ?? options?.sequence?.first(where: { expression($0) != nil }) {
            spec.noNewPrivileges = Setting(true, at: node.location(in: path), spelling: spelling("dockerSecurityOptions", node))
        }
    }
}

extension ContainerDialect {
    /// ECS container definition fields (CloudFormation spells them with a capital first letter).
    public static let ecs = ContainerDialect(
        dropAllCapabilities: "linuxParameters.capabilities.drop: [\"ALL\"]",
        noNewPrivileges: "dockerSecurityOptions: [\"no-new-privileges\"]",
        readOnlyRoot: "readonlyRootFilesystem: true",
        nonRootUser: "user: \"1000:1000\" (any non-zero UID)",
        memoryLimit: "memory (the hard limit, in MiB, on the container or the task)",
        cpuLimit: "cpu (on the container or the task)",
        pidsLimit: "a PIDs limit")

    /// The same fields in a CloudFormation `ContainerDefinitions` entry.
    public static let ecsCloudFormation = ContainerDialect(
        dropAllCapabilities: "LinuxParameters.Capabilities.Drop: [ALL]",
        noNewPrivileges: "DockerSecurityOptions: [no-new-privileges]",
        readOnlyRoot: "ReadonlyRootFilesystem: true",
        nonRootUser: "User: \"1000:1000\" (any non-zero UID)",
        memoryLimit: "Memory (the hard limit, in MiB, on the container or the task)",
        cpuLimit: "Cpu (on the container or the task)",
        pidsLimit: "a PIDs limit")
}
