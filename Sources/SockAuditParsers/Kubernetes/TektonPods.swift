/// Tekton: each task runs as one pod whose containers are its `steps` (each over the
/// `stepTemplate`) and `sidecars`, with the task's `volumes`. A `Task` or `ClusterTask` is one such
/// spec; a `Pipeline` embeds them as `tasks[].taskSpec` and `finally[].taskSpec`; a `TaskRun`
/// (`spec.taskSpec`) and a `PipelineRun` (`spec.pipelineSpec`) add the `podTemplate` (its
/// `volumes`, `hostNetwork`, `securityContext`) to every pod they start, and a PipelineRun's
/// `taskRunSpecs[].podTemplate` to its one task's pod. Workspaces bind no host path (their volume
/// sources are emptyDir, PVCs, ConfigMaps, Secrets, projected and CSI volumes). A run that names its task
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
            let perTask = taskRunSpecs(spec)
            let sites = pipelineSites(spec?["pipelineSpec"], podTemplate: podTemplate, perTask: perTask, owner: owner)
            if !sites.isEmpty { return sites }
            // the pipeline is a reference: each podTemplate is judged for what it states, once
            var referencedSites = referenced(podTemplate, by: spec?["pipelineRef"], owner: owner).map { [$0] } ?? []
            for (task, template) in perTask {
                let name = Node(.scalar(.init(task, isPlain: true)), line: template.line, column: template.column)
                referencedSites += referenced(template, by: Node.assembled([("name", name)], at: template),
                                              owner: "\(owner) taskRunSpecs").map { [$0] } ?? []
            }
            return referencedSites
        default:
            return []
        }
    }

    private static func pipelineSites(
        _ pipeline: Node?, podTemplate: Node?, perTask: [(task: String, podTemplate: Node)] = [], owner: String
    ) -> [KubernetesManifest.PodSpecSite] {
        let tasks = (pipeline?["tasks"]?.sequence ?? []) + (pipeline?["finally"]?.sequence ?? [])
        return tasks.compactMap { task in
            let name = task["name"]?.string ?? "(unnamed)"
            // a task's own podTemplate (`taskRunSpecs`) over the run's, field by field, volumes combined
            var template = podTemplate
            if let own = perTask.last(where: { $0.task == name })?.podTemplate {
                template = ContainerDefaults.fieldByField(own, over: podTemplate)?
                    .replacing("volumes", with: Node.joinedSequence([podTemplate?["volumes"], own["volumes"]]))
            }
            return site(taskSpec: task["taskSpec"], podTemplate: template, owner: "\(owner) task \"\(name)\"")
        }
    }

    /// A PipelineRun's `taskRunSpecs[]`: the podTemplate of each pipeline task that has one.
    private static func taskRunSpecs(_ spec: Node?) -> [(task: String, podTemplate: Node)] {
        (spec?["taskRunSpecs"]?.sequence ?? []).compactMap { entry in
            guard let task = entry["pipelineTaskName"]?.string, let podTemplate = entry["podTemplate"] ?? entry["taskPodTemplate"],
                  podTemplate.isMapping else { return nil }
            return (task, podTemplate)
        }
    }

    private static func site(taskSpec: Node?, podTemplate: Node?, owner: String) -> KubernetesManifest.PodSpecSite? {
        guard let taskSpec, taskSpec.isMapping else { return nil }
        let stepTemplate = taskSpec["stepTemplate"]
        var containers: [KubernetesManifest.SiteContainer] = []
        for step in taskSpec["steps"]?.sequence ?? [] where step.isMapping {
            containers.append(.init(node: ContainerDefaults.merged(step, over: stepTemplate), word: "step"))
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
    /// whose containers are not in this file, so only what it states is judged. A hostPath volume
    /// it adds is there for those steps to mount (the mount path is theirs, not known here).
    private static func referenced(_ podTemplate: Node?, by reference: Node?, owner: String) -> KubernetesManifest.PodSpecSite? {
        guard let podTemplate, podTemplate.isMapping else { return nil }
        let name = reference?["name"]?.string ?? "(unnamed)"
        let label = Node(.scalar(.init(name, isPlain: true)), line: podTemplate.line, column: podTemplate.column)
        let mounts = (podTemplate["volumes"]?.sequence ?? []).compactMap { volume -> Node? in
            guard volume["hostPath"] != nil, let volumeName = volume["name"] else { return nil }
            return Node.assembled([("name", volumeName)], at: volume)
        }
        var steps = Node(.mapping([]), line: podTemplate.line, column: podTemplate.column).withDefault("name", label)
        if let first = mounts.first {
            steps = steps.withDefault("volumeMounts", Node(.sequence(mounts), line: first.line, column: first.column))
        }
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
}
