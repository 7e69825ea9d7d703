import SockAuditCore

/// Buildkite pipelines (`.buildkite/pipeline.yml` and the other YAML files there, `buildkite.yml`):
/// `steps:` holds command steps (and `group:` steps holding more); `wait`, `block`, `input` and
/// `trigger` steps run nothing. A command step's `command`/`commands` is a shell script, run on the
/// agent or, with the docker plugin, in its container. The docker plugin (`docker#v5.13.0`, also
/// as `buildkite-plugins/docker` or a repository address) describes that container: `volumes` (`mounts`
/// in its v1),
/// `privileged`, `network`, `pid`, `ipc`, `userns`, `add-caps`, `drop-caps`, `security-opts`,
/// `environment` (`DOCKER_HOST`) and its own `command`/`entrypoint`. The docker-compose plugin runs
/// a service of a Compose file (judged where that file is) with its `volumes` added. Plugins are
/// written as a list of one-key mappings or as one mapping. The Agent Stack for Kubernetes'
/// `kubernetes` plugin states the step's pod (`podSpec`, `sidecars`) in Kubernetes' own keys.
public enum BuildkiteAdapter {
    public static func isPipeline(_ document: Node) -> Bool {
        document["steps"]?.sequence != nil
    }

    public static func facts(from document: Node, path: String, text: String) -> Facts {
        let ci = CIDocument(path: path, text: text)
        var facts = Facts()
        let environment = ci.environment(document["env"])
        for (index, step) in (document["steps"]?.sequence ?? []).enumerated() {
            facts.merge(self.step(step, position: "\(index + 1)", pipelineEnvironment: environment, ci: ci))
        }
        return facts
    }

    static func step(
        _ step: Node, position: String, pipelineEnvironment: [(name: String, value: String, node: Node)], ci: CIDocument
    ) -> Facts {
        guard step.isMapping else { return Facts() }
        var facts = Facts()
        if let group = step["steps"]?.sequence {
            for (index, inner) in group.enumerated() {
                facts.merge(self.step(inner, position: "\(position).\(index + 1)", pipelineEnvironment: pipelineEnvironment, ci: ci))
            }
            return facts
        }
        let label = (step["label"] ?? step["name"] ?? step["key"])?.string ?? "#\(position)"
        let environment = pipelineEnvironment + ci.environment(step["env"])
        for key in ["command", "commands"] {
            guard let source = ci.source(step[key]) else { continue }
            var variables: [String: String] = [:]
            for entry in environment { variables[entry.name] = entry.value }
            facts.merge(ShellFacts.facts(from: source, path: ci.path, variables: variables))
        }
        for plugin in plugins(step["plugins"]) {
            switch pluginName(plugin.reference) {
            case "docker":
                if let spec = dockerPlugin(
                    plugin.settings, key: plugin.key, label: label, stepScript: step["command"] ?? step["commands"], ci: ci) {
                    facts.containers.append(spec)
                }
            case "docker-compose":
                if let spec = composePlugin(plugin.settings, key: plugin.key, label: label, ci: ci) { facts.containers.append(spec) }
            case "kubernetes":
                facts.containers += kubernetesPlugin(plugin.settings, label: label, ci: ci)
            default:
                break
            }
        }
        return facts
    }

    /// `[{ref: settings}]`, `[ref]` or `{ref: settings}`, in order.
    static func plugins(_ node: Node?) -> [(reference: String, key: Node, settings: Node?)] {
        guard let node else { return [] }
        if let pairs = node.pairs {
            return pairs.compactMap { pair in pair.key.string.map { ($0, pair.key, pair.value) } }
        }
        return (node.sequence ?? []).flatMap { item -> [(reference: String, key: Node, settings: Node?)] in
            if let reference = item.string { return [(reference, item, nil)] }
            return plugins(item)
        }
    }

    /// `docker#v5.13.0`, `buildkite-plugins/docker#v5`,
    /// `https://github.com/buildkite-plugins/docker-buildkite-plugin.git#v5` -> `docker`.
    static func pluginName(_ reference: String) -> String {
        var name = Substring(reference)
        if let hash = name.firstIndex(of: "#") { name = name[..<hash] }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".git") { name = name.dropLast(4) }
        if name.hasSuffix("-buildkite-plugin") { name = name.dropLast("-buildkite-plugin".count) }
        return name.lowercased()
    }

    /// Docker plugin keys that hold one `docker run` flag's value.
    static let dockerFlags: [String: String] = [
        "network": "network", "pid": "pid", "ipc": "ipc", "userns": "userns",
        "add-caps": "cap-add", "drop-caps": "cap-drop", "security-opts": "security-opt", "user": "user",
    ]

    static func dockerPlugin(_ settings: Node?, key: Node, label: String, stepScript: Node?, ci: CIDocument) -> ContainerSpec? {
        guard let settings, settings.isMapping else { return nil }
        let image = settings["image"]?.string
        var spec = ContainerSpec(
            name: label, subject: "Buildkite step \"\(label)\" (docker plugin\(image.map { ", \($0)" } ?? ""))",
            location: key.location(in: ci.path), dialect: .compose, image: image)
        spec.isComplete = false
        if let privileged = settings["privileged"], let value = privileged.bool {
            spec.privileged = Setting(value, at: privileged.location(in: ci.path), spelling: "privileged: \(value)")
        }
        // `mounts` is the docker plugin's v1 name for `volumes`
        mountVolumes(settings["volumes"], key: "volumes", into: &spec, ci: ci)
        mountVolumes(settings["mounts"], key: "mounts", into: &spec, ci: ci)
        for pair in settings.pairs ?? [] {
            guard let name = pair.key.string, let flag = dockerFlags[name] else { continue }
            for item in pair.value.sequence ?? [pair.value] {
                guard let text = item.string, !item.isNull else { continue }
                RunArgumentList.apply(flag: flag, value: text, at: item, to: &spec, path: ci.path, spelling: "\(name): \(text)")
            }
        }
        for item in settings["environment"]?.sequence ?? [] {
            guard let text = item.string, text.contains("=") else { continue }
            spec.environment.append(Setting(text, at: item.location(in: ci.path), spelling: "environment: \(text)"))
        }
        var command: [ShellWord] = []
        if let entrypoint = settings["entrypoint"], let text = entrypoint.string, entrypoint.bool == nil, !entrypoint.isNull {
            command.append(ShellWord(text, line: entrypoint.line, column: entrypoint.column))
        }
        command += RunArgumentList.words(settings["command"])
        if command.isEmpty, let script = stepScript {
            // the plugin runs the step's command with the shell, in place of the image's entrypoint
            spec.command = [CIDocument.commandsShell(at: script.location(in: ci.path))]
        } else {
            spec.command = command.map { $0.setting(in: ci.path) }
        }
        return spec
    }

    /// The Agent Stack for Kubernetes' `kubernetes` plugin: its `podSpec` is the step's pod, and its
    /// `sidecars` are more containers of that pod, read as Kubernetes writes them (`volumes` with
    /// `hostPath`, `securityContext`, `hostNetwork`). The stack adds its own containers and
    /// settings around them, so only what the step states is judged.
    static func kubernetesPlugin(_ settings: Node?, label: String, ci: CIDocument) -> [ContainerSpec] {
        guard let settings, settings.isMapping else { return [] }
        let podSpec = settings["podSpec"]
        let sidecars = settings["sidecars"]?.sequence ?? []
        guard podSpec?.isMapping == true || !sidecars.isEmpty else { return [] }
        var site = KubernetesManifest.PodSpecSite(
            spec: podSpec ?? Node(.mapping([]), line: settings.line, column: settings.column), metadata: nil,
            owner: "Buildkite step \"\(label)\" (kubernetes plugin)")
        site.containers += sidecars.filter(\.isMapping).map { KubernetesManifest.SiteContainer(node: $0, word: "sidecar") }
        site.isComplete = false
        return KubernetesAdapter.containers(of: site, path: ci.path)
    }

    /// The docker-compose plugin's `run` service gets the plugin's `volumes` on top of its Compose
    /// definition (judged in the Compose file itself).
    static func composePlugin(_ settings: Node?, key: Node, label: String, ci: CIDocument) -> ContainerSpec? {
        guard let settings, settings.isMapping, let service = settings["run"]?.string, settings["volumes"] != nil else { return nil }
        var spec = ContainerSpec(
            name: service, subject: "Buildkite step \"\(label)\" (docker-compose plugin, run service \"\(service)\")",
            location: key.location(in: ci.path), dialect: .compose)
        spec.isComplete = false
        mountVolumes(settings["volumes"], key: "volumes", into: &spec, ci: ci)
        return spec.mounts.isEmpty ? nil : spec
    }

    static func mountVolumes(_ node: Node?, key: String, into spec: inout ContainerSpec, ci: CIDocument) {
        guard let node else { return }
        for volume in node.sequence ?? [node] {
            guard let text = volume.string,
                  let mount = DockerRunCommand.volumeMount(text, location: volume.location(in: ci.path), written: "\(key): \(text)")
            else { continue }
            spec.mounts.append(mount)
        }
    }
}

/// Buildkite pipelines: every YAML file under `.buildkite/` whose document has a `steps:` list
/// (a Compose file kept there is not one), and `buildkite.yml`/`.buildkite.yml` anywhere.
public struct BuildkiteInput: DocumentInput {
    public init() {}

    public let kind = InputKind.buildkite

    public func claims(_ file: SourceFile, text: String) -> Bool {
        let name = file.name
        return name == "buildkite.yml" || name == "buildkite.yaml" || name == ".buildkite.yml" || name == ".buildkite.yaml"
            || TextSearch.contains(file.path, ".buildkite/")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let pipelines = documents.filter(BuildkiteAdapter.isPipeline)
        guard !pipelines.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        // LF line ends: a CRLF is one Character to Swift, so the lines would not split on "\n"
        let unix = TextDecoding.unixLineEnds(text)
        var facts = Facts()
        for pipeline in pipelines {
            facts.merge(BuildkiteAdapter.facts(from: pipeline, path: file.path, text: unix))
        }
        return facts
    }
}

extension InputKind {
    /// Buildkite pipelines.
    public static let buildkite = InputKind("buildkite", group: .commandLine)
}
