import SockAuditCore

extension InputKind {
    public static let jenkinsCasC = InputKind("jenkins-casc", group: .kubernetes)
}

/// Jenkins configuration as code (`jenkins.yaml`, `casc.yaml`): the Kubernetes plugin's pod
/// templates under `jenkins.clouds[].kubernetes.templates[]`. Each template is a pod of build
/// agents: its `containers[]` (`privileged`, `runAsUser`), its `volumes[]` mounted into every
/// container (`hostPathVolume: {hostPath, mountPath}`, a `hostPathWorkspaceVolume` workspace), its
/// `hostNetwork`, and the pod YAML of its
/// `yaml:` string (read as `EmbeddedPodYAML`). The plugin fills in what a template leaves out, so
/// only what it states is judged. The same configuration held in a YAML string (the jenkins chart's
/// `controller.JCasC.configScripts.NAME: |`, a ConfigMap's `jenkins.yaml: |`) is read at the lines
/// the string is written on, and the chart's own agent values by `JenkinsChartValues`.
public struct JenkinsCasCInput: DocumentInput {
    public init() {}

    public let kind = InputKind.jenkinsCasC

    public func claims(_ file: SourceFile, text: String) -> Bool {
        (TextSearch.contains(text, "jenkins:") && TextSearch.contains(text, "clouds:"))
            || ((TextSearch.contains(text, "agent:") || TextSearch.contains(text, "controller:") || TextSearch.contains(text, "master:"))
                && JenkinsChartValues.markers.contains { TextSearch.contains(text, $0) })
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let templates = Self.templates(in: documents)
        let embedded = Self.embeddedConfigurations(in: documents)
        let values = documents.flatMap(JenkinsChartValues.valuesDocuments)
        guard !templates.isEmpty || !embedded.isEmpty || !values.isEmpty else { return nil }
        var facts = Facts()
        guard case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        let lines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (template, cloud) in templates {
            facts.merge(Self.facts(template: template, cloud: cloud, lines: lines, path: file.path))
        }
        for node in embedded {
            guard let source = YAMLScalarSource.source(node, fileLines: lines) else { continue }
            let configuration = EmbeddedText(source)
            let parsed = YAMLParser.parse(configuration.text)
            if let error = parsed.error {
                facts.unscannable.append(UnscannableFile(
                    location: configuration.location(error.line, error.column, path: file.path),
                    reason: "the Jenkins configuration as code in this string could not be parsed (\(error.message)), so its pod templates were not judged",
                    extent: .part))
            }
            for (template, cloud) in Self.templates(in: parsed.documents.map(configuration.relocated)) {
                facts.merge(Self.facts(template: template, cloud: cloud, lines: lines, path: file.path))
            }
        }
        for document in values {
            if let chart = JenkinsChartValues.facts(in: document, lines: lines, path: file.path) { facts.merge(chart) }
        }
        return facts
    }

    /// The pod templates of every Kubernetes cloud, with the cloud's name.
    static func templates(in documents: [Node]) -> [(template: Node, cloud: String)] {
        var templates: [(template: Node, cloud: String)] = []
        for document in documents {
            for cloud in document["jenkins"]?["clouds"]?.sequence ?? [] {
                guard let kubernetes = cloud["kubernetes"], kubernetes.isMapping else { continue }
                let cloudName = kubernetes["name"]?.string ?? "kubernetes"
                for template in kubernetes["templates"]?.sequence ?? [] where template.isMapping {
                    templates.append((template, cloudName))
                }
            }
        }
        return templates
    }

    /// Strings anywhere in the documents that hold a configuration with Kubernetes clouds.
    static func embeddedConfigurations(in documents: [Node]) -> [Node] {
        var found: [Node] = []
        var pending = documents
        while let node = pending.popLast() {
            switch node.content {
            case .sequence(let items): pending += items
            case .mapping(let pairs): pending += pairs.map(\.value)
            case .scalar(let scalar):
                if TextSearch.contains(scalar.text, "clouds:"), TextSearch.contains(scalar.text, "jenkins:") { found.append(node) }
            }
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// One pod template: its containers, and the pod YAML of its `yaml:` string.
    static func facts(template: Node, cloud: String, lines: [Substring], path: String) -> Facts {
        var facts = Facts(containers: containers(of: template, cloud: cloud, path: path))
        if let yaml = template["yaml"], yaml.string != nil, let source = YAMLScalarSource.source(yaml, fileLines: lines) {
            facts.merge(EmbeddedPodYAML.facts(source, path: path))
        }
        return facts
    }

    private static func containers(of template: Node, cloud: String, path: String) -> [ContainerSpec] {
        let name = template["name"]?.string ?? template["label"]?.string ?? "(unnamed)"
        let owner = "pod template \"\(name)\" of Jenkins cloud \(cloud)"
        var mounts = hostMounts(template["volumes"], path: path)
        if let workspace = template["workspaceVolume"]?["hostPathWorkspaceVolume"], let source = workspace["hostPath"],
           let text = source.string, !source.isNull {
            // the build workspace on a host folder, in every container at the agent's working directory
            mounts.append(HostMount(
                source: text, target: nil, readOnly: workspace["readOnly"]?.bool ?? false, location: source.location(in: path),
                spelling: "workspaceVolume hostPathWorkspaceVolume (every container of the pod template gets it)"))
        }
        let hostNetwork = template["hostNetwork"].flatMap { node in
            node.bool.map { Setting($0, at: node.location(in: path), spelling: "hostNetwork: \($0)") }
        }
        var nodes = (template["containers"]?.sequence ?? []).filter(\.isMapping)
        if nodes.isEmpty, !mounts.isEmpty || hostNetwork != nil {
            // The plugin's own agent container (`jnlp`) gets the pod's volumes.
            nodes = [Node(.mapping([]), line: template.line, column: template.column)]
        }
        return nodes.map { node in
            agentContainer(
                node, name: node["name"]?.string ?? "jnlp", image: node["image"]?.string, owner: owner,
                hostNetwork: hostNetwork, mounts: mounts, path: path)
        }
    }

    /// One agent container as the Kubernetes plugin states it (`privileged`, `runAsUser`), with its
    /// pod's host network and host mounts; the plugin fills in the rest, so it is not complete.
    /// Shared by JCasC pod templates and the jenkins chart's agent values.
    static func agentContainer(
        _ node: Node, name: String, image: String?, owner: String, hostNetwork: Setting<Bool>?, mounts: [HostMount], path: String
    ) -> ContainerSpec {
        var spec = ContainerSpec(
            name: name, subject: "container \"\(name)\" in \(owner)", location: node.location(in: path),
            dialect: .kubernetes, image: image, pidsLimitApplies: false)
        spec.sharedSubject = owner
        spec.isComplete = false
        if let privileged = node["privileged"], let value = privileged.bool {
            spec.privileged = Setting(value, at: privileged.location(in: path), spelling: "privileged: \(value)")
        }
        if let user = node["runAsUser"], let text = user.string, !user.isNull, !text.isEmpty {
            spec.user = Setting(text, at: user.location(in: path), spelling: "runAsUser: \(text)")
        }
        spec.hostNetwork = hostNetwork
        spec.mounts = mounts
        return spec
    }

    /// `volumes[].hostPathVolume`: mounted into every container of the pod.
    private static func hostMounts(_ volumes: Node?, path: String) -> [HostMount] {
        (volumes?.sequence ?? []).compactMap { volume in
            guard let hostPath = volume["hostPathVolume"], let source = hostPath["hostPath"], let text = source.string, !source.isNull else { return nil }
            let target = hostPath["mountPath"]?.string
            return HostMount(
                source: text, target: target, readOnly: hostPath["readOnly"]?.bool ?? false,
                location: source.location(in: path), spelling: "hostPathVolume (every container of the pod template gets it)")
        }
    }
}
