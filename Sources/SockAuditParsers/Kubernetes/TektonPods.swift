/// Tekton: each task runs as one pod whose containers are its `steps` (each over the
/// `stepTemplate`) and `sidecars`, with the task's `volumes`. A `Task` or `ClusterTask` is one such
/// spec; a `Pipeline` embeds them as `tasks[].taskSpec` and `finally[].taskSpec`; a `TaskRun`
/// (`spec.taskSpec`) and a `PipelineRun` (`spec.pipelineSpec`) add the `podTemplate` (its
/// `volumes`, `hostNetwork`, `securityContext`) to every pod they start. A run that names its task
/// or pipeline by reference still gets the podTemplate judged, on the pods whose steps it cannot see.
enum TektonPods {
    static func sites(in object: Node, kind: String, owner: String) -> [KubernetesManifest.PodSpecSite] {
        let spec = object["spec"]
        switch kind {
        case "Task", "ClusterTask":
            return site(taskSpec: spec, podTemplate: nil, owner: owner).map { [$0] } ?? []
        case "TaskRun":
            let podTemplate = spec?["podTemplate"]
            if let site = site(taskSpec: spec?["taskSpec"], podTemplate: podTemplate, owner: owner) { return [site] }
            return referenced(podTemplate, by: spec?["taskRef"], owner: owner).map { [$0] } ?? []
        case "Pipeline":
            return pipelineSites(spec, podTemplate: nil, owner: owner)
        case "PipelineRun":
            let podTemplate = spec?["taskRunTemplate"]?["podTemplate"] ?? spec?["podTemplate"]
            let sites = pipelineSites(spec?["pipelineSpec"], podTemplate: podTemplate, owner: owner)
            if !sites.isEmpty { return sites }
            return referenced(podTemplate, by: spec?["pipelineRef"], owner: owner).map { [$0] } ?? []
        default:
            return []
        }
    }

    private static func pipelineSites(_ pipeline: Node?, podTemplate: Node?, owner: String) -> [KubernetesManifest.PodSpecSite] {
        let tasks = (pipeline?["tasks"]?.sequence ?? []) + (pipeline?["finally"]?.sequence ?? [])
        return tasks.compactMap { task in
            let name = task["name"]?.string ?? "(unnamed)"
            return site(taskSpec: task["taskSpec"], podTemplate: podTemplate, owner: "\(owner) task \"\(name)\"")
        }
    }

    private static func site(taskSpec: Node?, podTemplate: Node?, owner: String) -> KubernetesManifest.PodSpecSite? {
        guard let taskSpec, taskSpec.isMapping else { return nil }
        let stepTemplate = taskSpec["stepTemplate"]
        var containers: [KubernetesManifest.SiteContainer] = []
        for step in taskSpec["steps"]?.sequence ?? [] where step.isMapping {
            containers.append(.init(node: merged(step, over: stepTemplate), word: "step"))
        }
        for sidecar in taskSpec["sidecars"]?.sequence ?? [] where sidecar.isMapping {
            containers.append(.init(node: sidecar, word: "sidecar"))
        }
        guard !containers.isEmpty else { return nil }
        return KubernetesManifest.PodSpecSite(
            podFields: podFields(volumes: taskSpec["volumes"], podTemplate: podTemplate, at: taskSpec),
            metadata: nil, owner: owner, containers: containers)
    }

    /// A run whose task or pipeline is a reference: its podTemplate's settings are stated for pods
    /// whose containers are not in this file, so only what it states is judged.
    private static func referenced(_ podTemplate: Node?, by reference: Node?, owner: String) -> KubernetesManifest.PodSpecSite? {
        guard let podTemplate, podTemplate.isMapping else { return nil }
        let name = reference?["name"]?.string ?? "(unnamed)"
        let label = Node(.scalar(.init(name, isPlain: true)), line: podTemplate.line, column: podTemplate.column)
        let steps = Node(.mapping([]), line: podTemplate.line, column: podTemplate.column).withDefault("name", label)
        var site = KubernetesManifest.PodSpecSite(
            podFields: podFields(volumes: nil, podTemplate: podTemplate, at: podTemplate), metadata: nil,
            owner: "\(owner) podTemplate", containers: [.init(node: steps, word: "steps of")])
        site.isComplete = false
        return site
    }

    private static func podFields(volumes: Node?, podTemplate: Node?, at anchor: Node) -> Node {
        Node.assembled([
            ("volumes", Node.joinedSequence([volumes, podTemplate?["volumes"]])),
            ("securityContext", podTemplate?["securityContext"]),
            ("hostNetwork", podTemplate?["hostNetwork"]),
        ], at: anchor)
    }

    /// A step over the `stepTemplate`: the step's own fields win; `env` and `volumeMounts` are
    /// combined; `securityContext` and the resources are merged field by field.
    static func merged(_ step: Node, over template: Node?) -> Node {
        guard let templatePairs = template?.pairs else { return step }
        var result = step
        for pair in templatePairs {
            guard let key = pair.key.string else { continue }
            switch key {
            case "env", "volumeMounts":
                result = result.replacing(key, with: Node.joinedSequence([pair.value, step[key]]))
            case "securityContext", "resources", "computeResources":
                if let own = step[key], own.isMapping, let defaults = pair.value.pairs {
                    var combined = own
                    for field in defaults { if let name = field.key.string { combined = combined.withDefault(name, field.value) } }
                    result = result.replacing(key, with: combined)
                } else {
                    result = result.withDefault(key, pair.value)
                }
            default:
                result = result.withDefault(key, pair.value)
            }
        }
        return result
    }
}
