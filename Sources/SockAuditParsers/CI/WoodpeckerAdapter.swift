import SockAuditCore

/// Woodpecker CI pipelines (`.woodpecker.yml`, `.woodpecker/*.yml`): each step and service (under
/// `steps:`, the older `pipeline:`, `services:` and `clone:`, as a mapping of names or a list with
/// `name:`) is a container from its `image`, read for `privileged` (also the Kubernetes backend's
/// `backend_options.kubernetes.securityContext.privileged`), `volumes` (`SRC:DST[:MODE]`),
/// `network_mode`, `environment` (`DOCKER_HOST`) and the shell of its `commands`/`entrypoint`.
/// Woodpecker sets nothing else of a step's container, so the "missing setting" rules stay quiet.
public enum WoodpeckerAdapter {
    static let sections = ["steps", "pipeline", "services", "clone"]

    public static func isPipeline(_ document: Node) -> Bool {
        sections.contains { key in
            guard let section = document[key] else { return false }
            return (section.pairs?.contains { $0.value["image"] != nil } ?? false)
                || (section.sequence?.contains { $0["image"] != nil } ?? false)
        }
    }

    /// `system` names the CI system in messages: Drone 0.8 pipelines (Woodpecker's ancestor) are
    /// read here too.
    public static func facts(from document: Node, path: String, text: String, system: String = "Woodpecker") -> Facts {
        let ci = CIDocument(path: path, text: text)
        var facts = Facts()
        for section in sections {
            guard let node = document[section] else { continue }
            let what = section == "services" ? "service" : "step"
            var entries: [(name: String, key: Node?, step: Node)] = []
            for pair in node.pairs ?? [] {
                if let name = pair.key.string { entries.append((name, pair.key, pair.value)) }
            }
            for (index, item) in (node.sequence ?? []).enumerated() {
                entries.append((item["name"]?.string ?? "#\(index + 1)", nil, item))
            }
            for entry in entries where entry.step.isMapping {
                facts.merge(step(entry.step, name: entry.name, key: entry.key, what: "\(system) \(what)", ci: ci))
            }
        }
        return facts
    }

    static func step(_ step: Node, name: String, key: Node?, what: String, ci: CIDocument) -> Facts {
        var facts = Facts()
        let subject = "\(what) \"\(name)\""
        // `DOCKER_HOST` in `environment` is the step container's own, read with its container
        let environment = ci.environment(step["environment"])
        for script in ["commands", "entrypoint"] {
            guard let source = ci.source(step[script]) else { continue }
            var variables: [String: String] = [:]
            for entry in environment { variables[entry.name] = entry.value }
            facts.merge(ShellFacts.facts(from: source, path: ci.path, variables: variables))
        }
        guard let imageNode = step["image"], let image = imageNode.string, !image.isEmpty else { return facts }
        var spec = ContainerSpec(
            name: name, subject: "\(subject) (\(image))", location: (key ?? imageNode).location(in: ci.path),
            dialect: .compose, image: image)
        spec.isComplete = false
        spec.environment = ci.environmentSettings(environment, key: "environment")
        if let privileged = step["privileged"], let value = privileged.bool {
            spec.privileged = Setting(value, at: privileged.location(in: ci.path), spelling: "privileged: \(value)")
        }
        // The Kubernetes backend takes the step pod's security context from `backend_options`; its
        // `privileged: true` runs the step privileged (when the agent allows it) as the key above does.
        if spec.privileged?.value != true,
           let privileged = step["backend_options"]?["kubernetes"]?["securityContext"]?["privileged"], privileged.bool == true {
            spec.privileged = Setting(
                true, at: privileged.location(in: ci.path), spelling: "backend_options.kubernetes.securityContext.privileged: true")
        }
        for volume in step["volumes"]?.sequence ?? [] {
            guard let text = volume.string,
                  let mount = DockerRunCommand.volumeMount(text, location: volume.location(in: ci.path), written: "volumes: \(text)")
            else { continue }
            spec.mounts.append(mount)
        }
        if let commands = step["commands"] {
            spec.command = [CIDocument.commandsShell(at: commands.location(in: ci.path))]
        }
        if let network = step["network_mode"], let text = network.string {
            RunArgumentList.apply(flag: "network", value: text, at: network, to: &spec, path: ci.path, spelling: "network_mode: \(text)")
        }
        facts.containers.append(spec)
        return facts
    }
}

/// Woodpecker CI: `.woodpecker.yml`/`.woodpecker.yaml` and every YAML file under `.woodpecker/`.
public struct WoodpeckerInput: DocumentInput {
    public init() {}

    public let kind = InputKind.woodpecker

    public func claims(_ file: SourceFile, text: String) -> Bool {
        Self.isPipelinePath(file)
    }

    public static func isPipelinePath(_ file: SourceFile) -> Bool {
        file.name == ".woodpecker.yml" || file.name == ".woodpecker.yaml" || TextSearch.contains(file.path, ".woodpecker/")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let pipelines = documents.filter(WoodpeckerAdapter.isPipeline)
        guard !pipelines.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        var facts = Facts()
        for pipeline in pipelines {
            facts.merge(WoodpeckerAdapter.facts(from: pipeline, path: file.path, text: TextDecoding.unixLineEnds(text)))
        }
        return facts
    }
}

extension InputKind {
    /// Woodpecker CI pipelines.
    public static let woodpecker = InputKind("woodpecker", group: .commandLine)
}
