import SockAuditCore

/// Values for the jenkins Helm chart (jenkinsci/helm-charts), read without rendering the chart:
/// the chart writes its `agent` values into the Kubernetes cloud of its JCasC, as the default pod
/// template (`agent.volumes[]` of `type: HostPath` mounted into every container, `privileged`,
/// `runAsUser`, `hostNetworking`, `additionalContainers[]`, a `HostPath` `workspaceVolume`, the pod
/// YAML of `yamlTemplate`), each of `additionalAgents` as another one (only what it states: the
/// rest it takes from `agent`, judged there), and the JCasC pod templates of each
/// `agent.podTemplates` string. The controller's own `volumes` named by its `mounts`, and its
/// `containerSecurityContext`, are the controller container's. A values file is recognised by these keys' shape alone.
enum JenkinsChartValues {
    /// Words one of which a values file for the chart has.
    static let markers = ["podTemplates", "sideContainerName", "additionalContainers", "additionalAgents", "JCasC", "type: HostPath",
                          "hostNetworking", "podName", "workspaceVolume", "yamlTemplate", "installPlugins"]

    static func facts(in document: Node, lines: [Substring], path: String) -> Facts? {
        guard isChartValues(document) else { return nil }
        var facts = Facts()
        let agent = document["agent"]
        let additional = (document["additionalAgents"]?.pairs ?? []).filter { $0.value.isMapping }
        if let agent, agent.isMapping, runsDefaultAgent(agent) || !additional.isEmpty {
            facts.containers += containers(of: agent, owner: "default agent pod template (agent) of the jenkins chart", path: path)
        }
        for pair in additional {
            let name = pair.key.string ?? "(unnamed)"
            facts.containers += containers(of: pair.value, owner: "agent pod template additionalAgents.\(name) of the jenkins chart", path: path)
        }
        for pair in agent?["podTemplates"]?.pairs ?? [] where pair.value.string != nil {
            facts.merge(podTemplates(pair.value, key: pair.key.string ?? "", lines: lines, path: path))
        }
        for node in [agent?["yamlTemplate"]] + additional.map({ $0.value["yamlTemplate"] }) {
            if let node, let text = node.string, !text.isEmpty, let source = YAMLScalarSource.source(node, fileLines: lines) {
                facts.merge(EmbeddedPodYAML.facts(source, path: path))
            }
        }
        if let controller = document["controller"] ?? document["master"] {
            facts.containers += controllerContainer(controller, path: path)
        }
        return facts
    }

    /// The chart's values in a document: the document itself, or (an umbrella chart that depends
    /// on it) a top-level key holding them (`jenkins:`, or the dependency's alias).
    static func valuesDocuments(_ document: Node) -> [Node] {
        if isChartValues(document) { return [document] }
        return (document.pairs ?? []).map(\.value).filter(isChartValues)
    }

    /// The chart's shape: an `agent` with the plugin's volume DSL or the chart's own agent keys, or
    /// a `controller` with `JCasC`.
    static func isChartValues(_ document: Node) -> Bool {
        let controller = document["controller"] ?? document["master"]
        if controller?["JCasC"]?.isMapping == true { return true }
        guard let agent = document["agent"], agent.isMapping else { return false }
        let controllerKeys = ["installPlugins", "adminUser", "numExecutors", "jenkinsUrl", "jenkinsUriPrefix", "javaOpts", "jenkinsHome"]
        if let controller, controller.isMapping, controllerKeys.contains(where: { controller[$0] != nil }) { return true }
        let chartKeys = ["podTemplates", "sideContainerName", "additionalContainers", "jnlpregistry", "TTYEnabled", "containerCap",
                         "yamlTemplate", "hostNetworking", "workspaceVolume", "customJenkinsLabels", "podRetention", "podName"]
        if chartKeys.contains(where: { agent[$0] != nil }) { return true }
        return (agent["volumes"]?.sequence ?? []).contains { $0["type"]?.string != nil && $0["mountPath"] != nil }
    }

    /// `enabled: false` or `disableDefaultAgent: true` leave the default template out.
    private static func runsDefaultAgent(_ agent: Node) -> Bool {
        agent["enabled"]?.bool != false && agent["disableDefaultAgent"]?.bool != true
    }

    private static func containers(of agent: Node, owner: String, path: String) -> [ContainerSpec] {
        var mounts = (agent["volumes"]?.sequence ?? []).compactMap { hostMount($0, key: "volumes", path: path) }
        if let workspace = agent["workspaceVolume"], let mount = hostMount(workspace, key: "workspaceVolume", path: path) {
            mounts.append(mount)
        }
        let hostNetwork = agent["hostNetworking"].flatMap { node in
            node.bool.map { Setting($0, at: node.location(in: path), spelling: "hostNetworking: \($0)") }
        }
        // the chart's side container (`jnlp` unless renamed), then each additional container
        var nodes: [(node: Node, name: String)] = []
        let stated = ["privileged", "runAsUser", "sideContainerName"].contains { agent[$0] != nil }
        if stated || !mounts.isEmpty || hostNetwork != nil {
            nodes.append((agent, agent["sideContainerName"]?.string ?? "jnlp"))
        }
        for node in agent["additionalContainers"]?.sequence ?? [] where node.isMapping {
            nodes.append((node, node["sideContainerName"]?.string ?? "(unnamed)"))
        }
        return nodes.map { node, name in
            JenkinsCasCInput.agentContainer(node, name: name, image: nil, owner: owner, hostNetwork: hostNetwork, mounts: mounts, path: path)
        }
    }

    /// `- type: HostPath` with `hostPath` (and `mountPath`): mounted into every container of the pod.
    private static func hostMount(_ volume: Node, key: String, path: String) -> HostMount? {
        guard volume["type"]?.string?.lowercased() == "hostpath", let source = volume["hostPath"], let text = source.string, !source.isNull
        else { return nil }
        return HostMount(
            source: text, target: volume["mountPath"]?.string, readOnly: volume["readOnly"]?.bool ?? false,
            location: source.location(in: path),
            spelling: "\(key) type: HostPath (every container of the agent pod gets it)")
    }

    /// An `agent.podTemplates` entry: a string of JCasC pod templates (a list), which the chart
    /// passes through `tpl` into the cloud's `templates`.
    private static func podTemplates(_ node: Node, key: String, lines: [Substring], path: String) -> Facts {
        guard let source = YAMLScalarSource.source(node, fileLines: lines) else { return Facts() }
        let embedded = EmbeddedText(source)
        var parsed = YAMLParser.parse(embedded.text)
        if parsed.error != nil, embedded.text.contains("{{") {
            // Helm actions the chart's `tpl` fills in: their text is set aside, the literal keys read
            parsed = YAMLParser.outline(embedded.text)
        }
        var facts = Facts()
        if let error = parsed.error {
            facts.unscannable.append(UnscannableFile(
                location: embedded.location(error.line, error.column, path: path),
                reason: "the pod templates in agent.podTemplates.\(key) could not be parsed (\(error.message)), so they were not judged",
                extent: .part))
        }
        for document in parsed.documents.map(embedded.relocated) {
            let templates = document.sequence ?? (document.isMapping ? [document] : [])
            for template in templates where template.isMapping {
                facts.merge(JenkinsCasCInput.facts(template: template, cloud: "kubernetes", lines: lines, path: path))
            }
        }
        return facts
    }

    /// The controller pod, as the chart's StatefulSet writes it: its `volumes` (Kubernetes volumes)
    /// named by its `mounts`, and its `containerSecurityContext`.
    private static func controllerContainer(_ controller: Node, path: String) -> [ContainerSpec] {
        let stated = ["mounts", "containerSecurityContext"].contains { controller[$0] != nil }
        guard stated, controller.isMapping else { return [] }
        let name = Node(.scalar(.init("jenkins", isPlain: true)), line: controller.line, column: controller.column)
        let container = Node.assembled([
            ("name", name), ("securityContext", controller["containerSecurityContext"]), ("volumeMounts", controller["mounts"]),
        ], at: controller)
        var site = KubernetesManifest.PodSpecSite(
            podFields: Node.assembled([("volumes", controller["volumes"])], at: controller),
            metadata: nil, owner: "the jenkins chart's controller", containers: [.init(node: container, word: "container")])
        site.isComplete = false
        return KubernetesAdapter.containers(of: site, path: path)
    }
}
