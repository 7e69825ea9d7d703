import SockAuditCore

/// Drone pipelines (`.drone.yml`, several YAML documents): each `kind: pipeline` document (`type:
/// docker`, `kubernetes`, `exec`, `ssh`, …; `kind: secret`, `signature` and the rest are not
/// pipelines) has `steps:` and `services:`, lists of containers with `name:` and `image:`. A step
/// mounts a pipeline volume by name (`volumes: [{name, path}]`); the pipeline's `volumes:` says what
/// the name is: `host: {path: …}` is a host path, `temp: {}` a volume the pipeline owns. Read per
/// container: the joined host volumes, `privileged`, `network_mode`, `environment` (with the
/// pipeline's), and the shell of `commands` (run on the host itself by `exec` and `ssh` pipelines,
/// which have no image). Without `commands`, `entrypoint` and `command` are the container's own
/// command (a dind service's dockerd flags). Drone sets nothing else of a step's container, so the
/// "missing setting" rules stay quiet on it, except that the docker and Kubernetes runners start
/// the plugins of `DronePrivilegedPlugins` privileged by themselves. `exec`, `ssh`, `digitalocean`
/// and `macstadium` pipelines run their steps on a host, not in containers: only their commands are
/// read. A document without `kind:` that has a `pipeline:` mapping is the Drone 0.8 format, which
/// Woodpecker kept: it is read as Woodpecker's.
public enum DroneAdapter {
    public static func isPipeline(_ document: Node) -> Bool {
        document["kind"]?.string == "pipeline"
    }

    public static func isLegacyPipeline(_ document: Node) -> Bool {
        document["kind"] == nil && document["pipeline"]?.isMapping == true && WoodpeckerAdapter.isPipeline(document)
    }

    /// Pipeline types whose steps run on a machine, not in a container (an `image:` there is ignored).
    static let hostTypes: Set<String> = ["exec", "ssh", "digitalocean", "macstadium"]

    public static func facts(from document: Node, path: String, text: String) -> Facts {
        let ci = CIDocument(path: path, text: text)
        var facts = Facts()
        let pipeline = document["name"]?.string ?? "default"
        let type = document["type"]?.string ?? "docker"
        var hostVolumes: [String: Node] = [:]
        for volume in document["volumes"]?.sequence ?? [] {
            guard let name = volume["name"]?.string, let hostPath = volume["host"]?["path"], hostPath.string != nil else { continue }
            hostVolumes[name] = hostPath
        }
        let environment = ci.environment(document["environment"])
        for (section, what) in [("steps", "step"), ("services", "service")] {
            for (index, item) in (document[section]?.sequence ?? []).enumerated() where item.isMapping {
                let name = item["name"]?.string ?? "#\(index + 1)"
                facts.merge(step(
                    item, subject: "Drone \(what) \"\(name)\" in pipeline \"\(pipeline)\"", name: name, type: type,
                    hostVolumes: hostVolumes, pipelineEnvironment: environment, ci: ci))
            }
        }
        return facts
    }

    static func step(
        _ step: Node, subject: String, name: String, type: String, hostVolumes: [String: Node],
        pipelineEnvironment: [(name: String, value: String, node: Node)], ci: CIDocument
    ) -> Facts {
        var facts = Facts()
        let environment = pipelineEnvironment + ci.environment(step["environment"])
        if let source = ci.source(step["commands"]) {
            var variables: [String: String] = [:]
            for entry in environment { variables[entry.name] = entry.value }
            facts.merge(ShellFacts.facts(from: source, path: ci.path, variables: variables))
        }
        guard !hostTypes.contains(type), let imageNode = step["image"], let image = imageNode.string, !image.isEmpty else { return facts }
        var spec = ContainerSpec(
            name: name, subject: "\(subject) (\(image))", location: (step["name"] ?? imageNode).location(in: ci.path),
            dialect: .compose, image: image)
        spec.isComplete = false
        spec.environment = ci.environmentSettings(environment, key: "environment")
        if let privileged = step["privileged"], let value = privileged.bool {
            spec.privileged = Setting(value, at: privileged.location(in: ci.path), spelling: "privileged: \(value)")
        }
        if spec.privileged?.value != true, DronePrivilegedPlugins.pipelineTypes.contains(type),
           let plugin = DronePrivilegedPlugins.listed(image), privilegedByDefault(step) {
            // the runner sets it whatever `privileged:` says
            spec.privileged = Setting(
                true, at: imageNode.location(in: ci.path),
                spelling: "image: \(image); Drone runs the \(plugin) plugin privileged by default, in a step without commands, command, entrypoint or volumes")
        }
        for mount in step["volumes"]?.sequence ?? [] {
            guard let volume = mount["name"]?.string, let hostPath = hostVolumes[volume], let source = hostPath.string else { continue }
            spec.mounts.append(HostMount(
                source: source, target: mount["path"]?.string, readOnly: false, location: hostPath.location(in: ci.path),
                spelling: "volumes: \"\(volume)\" (host: path: \(source))"))
        }
        if let network = step["network_mode"], let text = network.string {
            RunArgumentList.apply(flag: "network", value: text, at: network, to: &spec, path: ci.path, spelling: "network_mode: \(text)")
        }
        if let commands = step["commands"] {
            spec.command = [CIDocument.commandsShell(at: commands.location(in: ci.path))]
        } else {
            let words = RunArgumentList.words(step["entrypoint"]) + RunArgumentList.words(step["command"])
            spec.command = words.map { $0.setting(in: ci.path) }
        }
        facts.containers.append(spec)
        return facts
    }

    /// The runner's own condition for a listed plugin: a step that runs the plugin as published
    /// (no `commands`, `command`, `entrypoint` or `volumes`) and leaves the restricted variables alone.
    static func privilegedByDefault(_ step: Node) -> Bool {
        for key in ["commands", "command", "entrypoint", "volumes"] {
            guard let value = step[key] else { continue }
            if let items = value.sequence, items.isEmpty { continue }
            if let text = value.string, text.isEmpty { continue }
            if value.isNull { continue }
            return false
        }
        let names = step["environment"]?.pairs?.compactMap { $0.key.string } ?? []
        return !names.contains { DronePrivilegedPlugins.restrictedVariables.contains($0) }
    }
}

/// Drone CI: `.drone.yml` and `.drone.yaml`.
public struct DroneInput: DocumentInput {
    public init() {}

    public let kind = InputKind.drone

    public func claims(_ file: SourceFile, text: String) -> Bool {
        Self.isPipelinePath(file)
    }

    public static func isPipelinePath(_ file: SourceFile) -> Bool {
        file.name == ".drone.yml" || file.name == ".drone.yaml"
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let pipelines = documents.filter { DroneAdapter.isPipeline($0) || DroneAdapter.isLegacyPipeline($0) }
        guard !pipelines.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        // LF line ends: a CRLF is one Character to Swift, so the lines would not split on "\n"
        let unix = TextDecoding.unixLineEnds(text)
        var facts = Facts()
        for pipeline in pipelines {
            facts.merge(DroneAdapter.isPipeline(pipeline)
                ? DroneAdapter.facts(from: pipeline, path: file.path, text: unix)
                : WoodpeckerAdapter.facts(from: pipeline, path: file.path, text: unix, system: "Drone"))
        }
        return facts
    }
}

extension InputKind {
    /// Drone CI pipelines.
    public static let drone = InputKind("drone", group: .commandLine)
}
