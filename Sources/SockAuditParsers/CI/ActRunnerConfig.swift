import SockAuditCore

/// The Gitea and Forgejo runner's configuration (act_runner's `config.yaml`, written by
/// `act_runner generate-config` under any name): known by its structure, a `runner:` mapping and a
/// `container:` mapping with the runner's own keys. Its `container:` section describes every job
/// and service container the runner starts, for every workflow of every repository it takes:
/// `privileged`, `options` (a `docker run` argument string), `network`, `valid_volumes` (the host
/// paths a workflow may mount, globs included) and `docker_host` (which daemon the runner drives,
/// and whether it mounts that daemon's socket into every job container: `ActRunnerDockerHost`).
/// Only what the file states is judged: the job's image decides the rest.
public enum ActRunnerConfig {
    /// Keys only the runner's `container:` section has (a Compose or Kubernetes file has none).
    static let containerKeys: Set<String> = [
        "valid_volumes", "docker_host", "workdir_parent", "force_pull", "force_rebuild", "require_docker",
        "docker_timeout", "bind_workdir",
    ]

    public static func isRunnerConfig(_ document: Node) -> Bool {
        guard document["runner"]?.isMapping == true, let container = document["container"], container.isMapping else { return false }
        return container.pairs?.contains { $0.key.string.map(containerKeys.contains) == true } == true
    }

    /// `fileLines`: the lines of the file the document's nodes are placed in.
    public static func facts(from document: Node, path: String, fileLines: [Substring]) -> Facts {
        guard let container = document["container"], let key = document.keyNode("container") else { return Facts() }
        var facts = Facts()
        let flavour = ActRunnerDockerHost.Flavour(of: document)
        if let dockerHost = container["docker_host"], let text = dockerHost.string, !dockerHost.isNull,
           let client = ActRunnerDockerHost.client(text, at: dockerHost, path: path) {
            facts.clients.append(client)
        }
        // Only jobs of `docker` labels run in containers: when no label is one, the container
        // settings reach no job.
        guard !startsNoJobContainer(labels: document["runner"]?["labels"]) else { return facts }
        let subject = "every job container of the Gitea/Forgejo runner configured here"
        var spec = ContainerSpec(name: "act_runner", subject: subject, location: key.location(in: path), dialect: .commandLine)
        spec.isComplete = false
        if let privileged = container["privileged"], privileged.bool == true {
            spec.privileged = Setting(true, at: privileged.location(in: path), spelling: "container.privileged: true")
        }
        if let options = container["options"], !options.isNull, let source = YAMLScalarSource.source(options, fileLines: fileLines) {
            RunArgumentList.apply(ShellScript.words(source), to: &spec, path: path) { "container.options: \($0)" }
        }
        // `network_mode` is the older name
        if let network = container["network"] ?? container["network_mode"], let text = network.string, !text.isEmpty {
            RunArgumentList.apply(flag: "network", value: text, at: network, to: &spec, path: path, spelling: "container.network: \(text)")
        }
        for volume in container["valid_volumes"]?.sequence ?? [] {
            if let mount = ActRunnerVolumeGlob.mount(allowedBy: volume, path: path) { spec.mounts.append(mount) }
        }
        if let mount = ActRunnerDockerHost.socketMount(container: container, key: key, flavour: flavour, path: path) {
            spec.mounts.append(mount)
        }
        facts.containers.append(spec)
        return facts
    }

    /// A label is `NAME[:TYPE[:ARGUMENT]]`; only the `docker` type runs a job in a container. A
    /// job of `host` (and of a label with no type, or a type the runner does not know) runs on the
    /// runner's machine as the runner's own user; `lxc` (Forgejo) and `kubernetes` (Gitea) run
    /// elsewhere. Labels left out of the file come from the `.runner` file, which is not read.
    static func startsNoJobContainer(labels: Node?) -> Bool {
        let texts = (labels?.sequence ?? []).compactMap(\.string)
        guard !texts.isEmpty else { return false }
        return !texts.contains { label in
            let parts = label.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            return parts.count >= 2 && parts[1].trimming(" ") == "docker"
        }
    }
}

/// act_runner's `config.yaml`, claimed by any YAML name whose text has the runner's `container:`
/// keys, and read only when its structure says so (the whole document, or a mapping inside it).
public struct ActRunnerConfigInput: DocumentInput {
    public init() {}

    public let kind = InputKind.actRunner

    public func claims(_ file: SourceFile, text: String) -> Bool {
        Self.hasTelltales(text)
    }

    static func hasTelltales(_ text: String) -> Bool {
        TextSearch.contains(text, "container:") && TextSearch.contains(text, "runner:")
            && (TextSearch.contains(text, "valid_volumes") || TextSearch.contains(text, "docker_host"))
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let configs = Self.configs(in: documents)
        guard !configs.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        let lines = TextSplitting.lines(TextDecoding.unixLineEnds(text))
        var facts = Facts()
        for config in configs {
            facts.merge(ActRunnerConfig.facts(from: config, path: file.path, fileLines: lines))
        }
        return facts
    }

    /// The runner's configuration as a whole document, or as a mapping nested anywhere in one (a
    /// Helm chart's values, `runner: config: file:`, or a Flux `HelmRelease`'s `values:`).
    static func configs(in documents: [Node]) -> [Node] {
        var found: [Node] = []
        var pending = documents.reversed() as [Node]
        while let node = pending.popLast() {
            if ActRunnerConfig.isRunnerConfig(node) {
                found.append(node)
                continue
            }
            switch node.content {
            case .mapping(let pairs): pending += pairs.map(\.value).reversed()
            case .sequence(let items): pending += items.reversed()
            case .scalar: break
            }
        }
        return found
    }
}

extension InputKind {
    /// The Gitea and Forgejo runner's (act_runner's) configuration.
    public static let actRunner = InputKind("act-runner", group: .commandLine)
}

/// The runner's `config.yaml` held as a string in YAML: a ConfigMap's `data: config.yaml: |`, the
/// act_runner Helm chart's values. A string whose own YAML is the runner's configuration is parsed
/// on its own and its nodes moved to the file's lines; one that says `runner:` and `container:`
/// but cannot be parsed is SA901 for that string alone.
public struct ActRunnerEmbeddedInput: DocumentInput {
    public init() {}

    public let kind = InputKind.actRunner

    public func claims(_ file: SourceFile, text: String) -> Bool {
        ActRunnerConfigInput.hasTelltales(text)
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let held = EmbeddedConfigStrings(in: documents, file: file) {
            TextSearch.contains($0, "\n") && ActRunnerConfigInput.hasTelltales($0)
        }
        var facts = Facts()
        var found = false
        for embedded in held.strings {
            let parsed = YAMLParser.parse(embedded.text)
            if let error = parsed.error {
                guard Self.opensRunnerSections(embedded.text) else { continue }
                found = true
                facts.unscannable.append(UnscannableFile(
                    location: embedded.location(error.line, error.column, path: file.path),
                    reason: "the Gitea/Forgejo runner config.yaml in this string could not be parsed (\(error.message)), so its container settings were not judged",
                    extent: .part))
                continue
            }
            for document in parsed.documents.map(embedded.relocated) where ActRunnerConfig.isRunnerConfig(document) {
                found = true
                facts.merge(ActRunnerConfig.facts(from: document, path: file.path, fileLines: held.fileLines))
            }
        }
        return found ? facts : nil
    }

    /// Top-level `runner:` and `container:` lines: the string means to be the runner's configuration.
    static func opensRunnerSections(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        return lines.contains { $0.hasPrefix("runner:") } && lines.contains { $0.hasPrefix("container:") }
    }
}
