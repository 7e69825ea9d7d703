import SockAuditCore

/// The Gitea and Forgejo runner's configuration (act_runner's `config.yaml`, written by
/// `act_runner generate-config` under any name): known by its structure, a `runner:` mapping and a
/// `container:` mapping with the runner's own keys. Its `container:` section describes every job
/// and service container the runner starts, for every workflow of every repository it takes:
/// `privileged`, `options` (a `docker run` argument string), `network`, `valid_volumes` (the host
/// paths a workflow may mount) and `docker_host` (which daemon the runner drives, and whose socket
/// it mounts into every job container unless it is `-`). Only what the file states is judged: the
/// job's image decides the rest.
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

    public static func facts(from document: Node, path: String, text: String) -> Facts {
        let ci = CIDocument(path: path, text: text)
        guard let container = document["container"], let key = document.keyNode("container") else { return Facts() }
        var facts = Facts()
        let subject = "every job container of the Gitea/Forgejo runner configured here"
        var spec = ContainerSpec(name: "act_runner", subject: subject, location: key.location(in: path), dialect: .commandLine)
        spec.isComplete = false
        if let privileged = container["privileged"], privileged.bool == true {
            spec.privileged = Setting(true, at: privileged.location(in: path), spelling: "container.privileged: true")
        }
        if let options = container["options"], !options.isNull, let source = YAMLScalarSource.source(options, fileLines: ci.lines) {
            RunArgumentList.apply(ShellScript.words(source), to: &spec, path: path) { "container.options: \($0)" }
        }
        // `network_mode` is the older name
        if let network = container["network"] ?? container["network_mode"], let text = network.string, !text.isEmpty {
            RunArgumentList.apply(flag: "network", value: text, at: network, to: &spec, path: path, spelling: "container.network: \(text)")
        }
        for volume in container["valid_volumes"]?.sequence ?? [] {
            guard let text = volume.string, HostPath.socketExposure(of: text) != nil else { continue }
            spec.mounts.append(HostMount(
                source: text, target: nil, readOnly: false, location: volume.location(in: path),
                spelling: "container.valid_volumes: \(text) (any workflow the runner takes may mount it)"))
        }
        if let dockerHost = container["docker_host"], let text = dockerHost.string, !dockerHost.isNull {
            applyDockerHost(text, at: dockerHost, to: &spec, facts: &facts, path: path)
        }
        facts.containers.append(spec)
        return facts
    }

    /// `""`: the runner finds the local daemon and mounts its socket into every job container;
    /// `unix://PATH`: that socket, mounted the same way; `-`: not mounted; `tcp://…`: the daemon
    /// the runner drives over the network (not mounted).
    static func applyDockerHost(_ text: String, at node: Node, to spec: inout ContainerSpec, facts: inout Facts, path: String) {
        let value = text.trimming(" \t")
        let shown = "container.docker_host: \"\(text)\""
        if value.isEmpty {
            spec.mounts.append(HostMount(
                source: "/var/run/docker.sock", target: "/var/run/docker.sock", readOnly: false, location: node.location(in: path),
                spelling: "\(shown) (empty: the runner finds the local daemon and mounts its socket into every job container; \"-\" keeps it out)"))
        } else if value.lowercased().hasPrefix("unix://") {
            spec.mounts.append(HostMount(
                source: String(value.dropFirst("unix://".count)), target: "/var/run/docker.sock", readOnly: false,
                location: node.location(in: path), spelling: "\(shown) (mounted into every job container; \"-\" keeps it out)"))
        } else if value.lowercased().hasPrefix("tcp://") {
            // TLS settings are the runner's environment (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), not
            // this file: 2376 is Docker's TLS port, anything else is taken as plain
            facts.clients.append(ClientEndpoint(
                address: Setting(value, at: node.location(in: path), spelling: shown), usesTLS: value.hasSuffix(":2376"),
                subject: "the Gitea/Forgejo runner configured here"))
        }
    }
}

/// act_runner's `config.yaml`, claimed by any YAML name whose text has the runner's `container:`
/// keys, and read only when its structure says so.
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
        let configs = documents.filter(ActRunnerConfig.isRunnerConfig)
        guard !configs.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        let unix = TextDecoding.unixLineEnds(text)
        var facts = Facts()
        for config in configs {
            facts.merge(ActRunnerConfig.facts(from: config, path: file.path, text: unix))
        }
        return facts
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
        guard case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        let unix = TextDecoding.unixLineEnds(text)
        let lines = unix.split(separator: "\n", omittingEmptySubsequences: false)
        var facts = Facts()
        var found = false
        var pending = documents
        while let node = pending.popLast() {
            switch node.content {
            case .sequence(let items): pending += items
            case .mapping(let pairs): pending += pairs.map(\.value)
            case .scalar(let scalar):
                guard TextSearch.contains(scalar.text, "\n"), ActRunnerConfigInput.hasTelltales(scalar.text),
                      let source = YAMLScalarSource.source(node, fileLines: lines) else { continue }
                let embedded = EmbeddedText(source)
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
                    facts.merge(ActRunnerConfig.facts(from: document, path: file.path, text: unix))
                }
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
