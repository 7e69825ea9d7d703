/// Argo Workflows: every template of a `Workflow`, `WorkflowTemplate`, `ClusterWorkflowTemplate`
/// or `CronWorkflow` (under `spec.workflowSpec`) that runs a container is one pod. Its containers
/// are the template's `container`, `script`, `containerSet.containers` (with the set's shared
/// `volumeMounts`), `initContainers` and `sidecars`; its volumes are the workflow's `spec.volumes`
/// and the template's own; its `securityContext` is the template's, else the workflow's; the
/// workflow's `hostNetwork` applies to every pod. A `podSpecPatch` (a string) is read by
/// `KubernetesInput`, which has the file's lines to place it.
enum ArgoWorkflowPods {
    static let kinds: Set<String> = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]

    static func workflowSpec(of object: Node, kind: String) -> Node? {
        guard kinds.contains(kind) else { return nil }
        return kind == "CronWorkflow" ? object["spec"]?["workflowSpec"] : object["spec"]
    }

    static func sites(in object: Node, kind: String, owner: String) -> [KubernetesManifest.PodSpecSite] {
        guard let spec = workflowSpec(of: object, kind: kind) else { return [] }
        var sites: [KubernetesManifest.PodSpecSite] = []
        for template in spec["templates"]?.sequence ?? [] where template.isMapping {
            let containers = self.containers(of: template)
            guard !containers.isEmpty else { continue }
            let podFields = Node.assembled([
                ("volumes", Node.joinedSequence([spec["volumes"], template["volumes"]])),
                ("securityContext", template["securityContext"] ?? spec["securityContext"]),
                ("hostNetwork", spec["hostNetwork"]),
            ], at: template)
            sites.append(KubernetesManifest.PodSpecSite(
                podFields: podFields, metadata: template["metadata"] ?? spec["podMetadata"],
                owner: templateOwner(owner, template), containers: containers))
        }
        return sites
    }

    /// The `podSpecPatch` strings of the workflow and of each template, with the pod each patches.
    static func patches(in object: Node, kind: String, owner: String) -> [(patch: Node, owner: String)] {
        guard let spec = workflowSpec(of: object, kind: kind) else { return [] }
        var found: [(Node, String)] = []
        if let patch = spec["podSpecPatch"], patch.string != nil {
            found.append((patch, "\(owner) podSpecPatch"))
        }
        for template in spec["templates"]?.sequence ?? [] {
            if let patch = template["podSpecPatch"], patch.string != nil {
                found.append((patch, "\(templateOwner(owner, template)) podSpecPatch"))
            }
        }
        return found
    }

    private static func templateOwner(_ owner: String, _ template: Node) -> String {
        "\(owner) template \"\(template["name"]?.string ?? "(unnamed)")\""
    }

    private static func containers(of template: Node) -> [KubernetesManifest.SiteContainer] {
        var result: [KubernetesManifest.SiteContainer] = []
        // `container` and `script` are unnamed: Argo calls them `main`.
        let main = Node(.scalar(.init("main", isPlain: true)), line: template.line, column: template.column)
        for node in template["initContainers"]?.sequence ?? [] where node.isMapping {
            result.append(.init(node: node, word: "initContainer"))
        }
        if let container = template["container"], container.isMapping {
            result.append(.init(node: container.withDefault("name", main), word: "container"))
        }
        if let script = template["script"], script.isMapping {
            result.append(.init(node: script.withDefault("name", main), word: "script container"))
        }
        if let set = template["containerSet"] {
            let shared = set["volumeMounts"]
            for node in set["containers"]?.sequence ?? [] where node.isMapping {
                let mounts = shared == nil ? node["volumeMounts"] : Node.joinedSequence([shared, node["volumeMounts"]])
                result.append(.init(node: node.replacing("volumeMounts", with: mounts), word: "container"))
            }
        }
        for node in template["sidecars"]?.sequence ?? [] where node.isMapping {
            result.append(.init(node: node, word: "sidecar"))
        }
        return result
    }
}
