/// Argo Workflows: every template of a `Workflow`, `WorkflowTemplate`, `ClusterWorkflowTemplate`
/// or `CronWorkflow` (under `spec.workflowSpec`) that runs a container is one pod. Its containers
/// are the template's `container`, `script`, `containerSet.containers` (with the set's shared
/// `volumeMounts`), `initContainers` and `sidecars`; its volumes are the workflow's `spec.volumes`
/// and the template's own; its `securityContext` is the template's, else the workflow's; the
/// workflow's `hostNetwork` applies to every pod; `templateDefaults` is merged into every template.
/// A `podSpecPatch` (a string) is read by `KubernetesInput`, which has the file's lines to place it.
enum ArgoWorkflowPods {
    static let kinds: Set<String> = ["Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow"]

    static func workflowSpec(of object: Node, kind: String) -> Node? {
        guard kinds.contains(kind) else { return nil }
        return kind == "CronWorkflow" ? object["spec"]?["workflowSpec"] : object["spec"]
    }

    static func sites(in object: Node, kind: String, owner: String) -> [KubernetesManifest.PodSpecSite] {
        guard let spec = workflowSpec(of: object, kind: kind) else { return [] }
        return sites(workflowSpec: spec, owner: owner)
    }

    /// The pods of one workflow spec (also the one a controller's `workflowDefaults` gives every
    /// workflow). Every template takes `templateDefaults` as Argo merges it (its `container` into
    /// container templates, its `script` into script templates, its volumes, sidecars,
    /// initContainers and securityContext into all); what it states is judged once, on the
    /// templateDefaults itself, never again on each template that inherits it.
    static func sites(workflowSpec spec: Node, owner: String) -> [KubernetesManifest.PodSpecSite] {
        let defaults = spec["templateDefaults"].flatMap { $0.isMapping ? $0 : nil }
        var sites = defaults.map { defaultsSites($0, spec: spec, owner: owner) } ?? []
        for template in spec["templates"]?.sequence ?? [] where template.isMapping {
            let merged = defaults.map { applying($0, to: template) } ?? template
            var containers = self.containers(of: merged)
            guard !containers.isEmpty else { continue }
            var inherited = defaults.map { [$0.line...$0.lastLine] } ?? []
            // the workflow's podSpecPatch, then the template's (or the defaults'), patch each pod
            for patch in [spec["podSpecPatch"], merged["podSpecPatch"]].compactMap({ $0 }) {
                guard let lines = patched(&containers, by: patch) else { continue }
                inherited.append(lines)
            }
            var site = KubernetesManifest.PodSpecSite(
                podFields: podFields(
                    volumes: [spec["volumes"], merged["volumes"]], securityContext: merged["securityContext"] ?? spec["securityContext"],
                    hostNetwork: spec["hostNetwork"], at: template),
                metadata: merged["metadata"] ?? spec["podMetadata"], owner: templateOwner(owner, template), containers: containers)
            site.inheritedLines = inherited
            sites.append(site)
        }
        return sites
    }

    /// A `podSpecPatch` laid over the containers it names, as the controller patches the pod: what
    /// it sets (`securityContext`, `resources`) wins, field by field. Its values take the patch's
    /// place and are judged on the patch's own site (at their exact lines); here they only stand
    /// for settings the template no longer lacks. Returns the lines the patch is written on.
    private static func patched(_ containers: inout [KubernetesManifest.SiteContainer], by patch: Node) -> ClosedRange<Int>? {
        guard let text = patch.string, let document = YAMLParser.parse(text).documents.first else { return nil }
        let placed = document.placed(atLine: patch.line, column: patch.column)
        for entry in placed["containers"]?.sequence ?? [] {
            guard let name = entry["name"]?.string else { continue }
            for index in containers.indices where containers[index].node["name"]?.string == name {
                var node = containers[index].node
                for key in ["securityContext", "resources"] {
                    if let value = entry[key] { node = node.replacing(key, with: overlay(value, on: node[key])) }
                }
                containers[index].node = node
            }
        }
        return patch.line...(patch.line + text.filter { $0 == "\n" }.count + 1)
    }

    /// `patch` over `own`, mappings merged key by key at every depth, anything else replaced.
    private static func overlay(_ patch: Node, on own: Node?) -> Node {
        guard let own, own.isMapping, let pairs = patch.pairs else { return patch }
        var result = own
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            result = result.replacing(key, with: pair.value.isMapping ? overlay(pair.value, on: own[key]) : pair.value)
        }
        return result
    }

    /// What `templateDefaults` states, as pods of its own: its `container` and `script` (partial:
    /// each template fills in the rest) or, with neither, its pod securityContext; its sidecars and
    /// initContainers, which it adds whole to every pod.
    private static func defaultsSites(_ defaults: Node, spec: Node, owner: String) -> [KubernetesManifest.PodSpecSite] {
        let owner = "\(owner) templateDefaults"
        let podFields = podFields(
            volumes: [spec["volumes"], defaults["volumes"]], securityContext: defaults["securityContext"] ?? spec["securityContext"],
            hostNetwork: nil, at: defaults)
        let main = Node(.scalar(.init("main", isPlain: true)), line: defaults.line, column: defaults.column)
        var partial: [KubernetesManifest.SiteContainer] = []
        if let container = defaults["container"], container.isMapping {
            partial.append(.init(node: container.withDefault("name", main), word: "container"))
        }
        if let script = defaults["script"], script.isMapping {
            partial.append(.init(node: script.withDefault("name", main), word: "script container"))
        }
        if partial.isEmpty, defaults["securityContext"]?.isMapping == true {
            let name = Node(.scalar(.init("(every template)", isPlain: true)), line: defaults.line, column: defaults.column)
            partial.append(.init(node: Node(.mapping([]), line: defaults.line, column: defaults.column).withDefault("name", name), word: "pod"))
        }
        var whole: [KubernetesManifest.SiteContainer] = []
        for node in defaults["initContainers"]?.sequence ?? [] where node.isMapping { whole.append(.init(node: node, word: "initContainer")) }
        for node in defaults["sidecars"]?.sequence ?? [] where node.isMapping { whole.append(.init(node: node, word: "sidecar")) }
        var sites: [KubernetesManifest.PodSpecSite] = []
        if !partial.isEmpty {
            var site = KubernetesManifest.PodSpecSite(podFields: podFields, metadata: defaults["metadata"], owner: owner, containers: partial)
            site.isComplete = false
            sites.append(site)
        }
        if !whole.isEmpty {
            sites.append(KubernetesManifest.PodSpecSite(podFields: podFields, metadata: defaults["metadata"], owner: owner, containers: whole))
        }
        return sites
    }

    /// A template with `templateDefaults` merged in, as the controller does before it runs it.
    static func applying(_ defaults: Node, to template: Node) -> Node {
        var result = template
        for key in ["container", "script"] {
            if let own = template[key], own.isMapping, let inherited = defaults[key], inherited.isMapping {
                result = result.replacing(key, with: ContainerDefaults.merged(own, over: inherited))
            }
        }
        for key in ["volumes", "initContainers", "sidecars"] where defaults[key]?.sequence != nil {
            result = result.replacing(key, with: Node.joinedSequence([defaults[key], template[key]]))
        }
        if let context = ContainerDefaults.fieldByField(template["securityContext"], over: defaults["securityContext"]) {
            result = result.replacing("securityContext", with: context)
        }
        return result.withDefault("metadata", defaults["metadata"]).withDefault("podSpecPatch", defaults["podSpecPatch"])
    }

    private static func podFields(volumes: [Node?], securityContext: Node?, hostNetwork: Node?, at anchor: Node) -> Node {
        Node.assembled([
            ("volumes", Node.joinedSequence(volumes)),
            ("securityContext", securityContext),
            ("hostNetwork", hostNetwork),
        ], at: anchor)
    }

    /// The `podSpecPatch` strings of the workflow and of each template, with the pod each patches.
    static func patches(in object: Node, kind: String, owner: String) -> [(patch: Node, owner: String)] {
        guard let spec = workflowSpec(of: object, kind: kind) else { return [] }
        return patches(workflowSpec: spec, owner: owner)
    }

    static func patches(workflowSpec spec: Node, owner: String) -> [(patch: Node, owner: String)] {
        var found: [(Node, String)] = []
        if let patch = spec["podSpecPatch"], patch.string != nil {
            found.append((patch, "\(owner) podSpecPatch"))
        }
        if let patch = spec["templateDefaults"]?["podSpecPatch"], patch.string != nil {
            // every template without its own podSpecPatch takes it
            found.append((patch, "\(owner) templateDefaults podSpecPatch"))
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
