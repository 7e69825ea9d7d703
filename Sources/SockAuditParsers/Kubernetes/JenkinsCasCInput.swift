import SockAuditCore

extension InputKind {
    public static let jenkinsCasC = InputKind("jenkins-casc", group: .kubernetes)
}

/// Jenkins configuration as code (`jenkins.yaml`, `casc.yaml`): the Kubernetes plugin's pod
/// templates under `jenkins.clouds[].kubernetes.templates[]`. Each template is a pod of build
/// agents: its `containers[]` (`privileged`, `runAsUser`), its `volumes[]` mounted into every
/// container (`hostPathVolume: {hostPath, mountPath}`), its `hostNetwork`, and the pod YAML of its
/// `yaml:` string (read as `EmbeddedPodYAML`). The plugin fills in what a template leaves out, so
/// only what it states is judged.
public struct JenkinsCasCInput: DocumentInput {
    public init() {}

    public let kind = InputKind.jenkinsCasC

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(text, "jenkins:") && TextSearch.contains(text, "clouds:")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
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
        guard !templates.isEmpty else { return nil }
        var facts = Facts()
        var lines: [Substring]?
        for (template, cloud) in templates {
            facts.containers += containers(of: template, cloud: cloud, path: file.path)
            guard let yaml = template["yaml"], yaml.string != nil else { continue }
            if lines == nil, case .success(let text) = TextDecoding.decode(file.bytes) {
                lines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
            }
            if let source = YAMLScalarSource.source(yaml, fileLines: lines ?? []) {
                facts.merge(EmbeddedPodYAML.facts(source, path: file.path))
            }
        }
        return facts
    }

    private func containers(of template: Node, cloud: String, path: String) -> [ContainerSpec] {
        let name = template["name"]?.string ?? template["label"]?.string ?? "(unnamed)"
        let owner = "pod template \"\(name)\" of Jenkins cloud \(cloud)"
        let mounts = hostMounts(template["volumes"], path: path)
        let hostNetwork = template["hostNetwork"].flatMap { node in
            node.bool.map { Setting($0, at: node.location(in: path), spelling: "hostNetwork: \($0)") }
        }
        var nodes = (template["containers"]?.sequence ?? []).filter(\.isMapping)
        if nodes.isEmpty, !mounts.isEmpty || hostNetwork != nil {
            // The plugin's own agent container (`jnlp`) gets the pod's volumes.
            nodes = [Node(.mapping([]), line: template.line, column: template.column)]
        }
        return nodes.map { node in
            let containerName = node["name"]?.string ?? "jnlp"
            var spec = ContainerSpec(
                name: containerName, subject: "container \"\(containerName)\" in \(owner)", location: node.location(in: path),
                dialect: .kubernetes, image: node["image"]?.string, pidsLimitApplies: false)
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
    }

    /// `volumes[].hostPathVolume`: mounted into every container of the pod.
    private func hostMounts(_ volumes: Node?, path: String) -> [HostMount] {
        (volumes?.sequence ?? []).compactMap { volume in
            guard let hostPath = volume["hostPathVolume"], let source = hostPath["hostPath"], let text = source.string, !source.isNull else { return nil }
            let target = hostPath["mountPath"]?.string
            return HostMount(
                source: text, target: target, readOnly: hostPath["readOnly"]?.bool ?? false,
                location: source.location(in: path), spelling: "hostPathVolume (every container of the pod template gets it)")
        }
    }
}
