import SockAuditCore

/// Finds every pod spec in Kubernetes objects: Pods, PodTemplates, workloads, CronJobs, Lists, and
/// any custom resource that carries `spec.template.spec` or `spec.jobTemplate.spec.template.spec`;
/// the pods that Argo Workflows and Tekton build from their own objects (`PodSpecSites+Argo`,
/// `PodSpecSites+Tekton`); and the objects of an OpenShift `Template`.
public enum KubernetesManifest {
    /// A document is a Kubernetes object when its top level names `apiVersion` and `kind`.
    public static func isObject(_ node: Node) -> Bool {
        node["apiVersion"]?.string != nil && node["kind"]?.string != nil
    }

    /// One container of a pod spec, and the word messages call it by (`container`, `initContainer`,
    /// Tekton's `step`, Argo's `sidecar`).
    struct SiteContainer {
        var node: Node
        var word: String
    }

    /// A pod spec with the metadata that applies to it (annotations) and the object that holds it.
    struct PodSpecSite {
        /// The pod-level fields: `volumes`, `securityContext`, `hostNetwork`, `hostPID`, `hostIPC`.
        var spec: Node
        var metadata: Node?
        /// `Deployment/web` (namespaced where the object says so).
        var owner: String
        var containers: [SiteContainer]
        /// False when the site states only some of the pod (an Argo `podSpecPatch`): settings it
        /// does not state are not missing.
        var isComplete = true
        /// The lines of defaults and patches the pod takes that are judged on a site of their own
        /// (Argo's `templateDefaults`, a `podSpecPatch`): this pod's findings there are left to it.
        var inheritedLines: [ClosedRange<Int>] = []

        /// A pod spec as Kubernetes writes it: its containers are its `initContainers`,
        /// `containers` and `ephemeralContainers`.
        init(spec: Node, metadata: Node?, owner: String) {
            self.spec = spec
            self.metadata = metadata
            self.owner = owner
            containers = []
            for field in ["initContainers", "containers", "ephemeralContainers"] {
                let word = field == "containers" ? "container" : String(field.dropLast())
                for node in spec[field]?.sequence ?? [] where node.isMapping {
                    containers.append(SiteContainer(node: node, word: word))
                }
            }
        }

        /// A pod another tool builds: its pod-level fields and containers given separately.
        init(podFields: Node, metadata: Node?, owner: String, containers: [SiteContainer]) {
            spec = podFields
            self.metadata = metadata
            self.owner = owner
            self.containers = containers
        }
    }

    static func podSpecs(in object: Node) -> [PodSpecSite] {
        guard let kind = object["kind"]?.string else { return [] }
        if let items = object["items"]?.sequence, kind == "List" || kind.hasSuffix("List") {
            return items.flatMap { isObject($0) ? podSpecs(in: $0) : [] }
        }
        let owner = ownerName(kind: kind, metadata: object["metadata"])
        let apiVersion = object["apiVersion"]?.string ?? ""
        if apiVersion.hasPrefix("argoproj.io/") {
            let argo = ArgoWorkflowPods.sites(in: object, kind: kind, owner: owner)
            if !argo.isEmpty { return argo }
        }
        if apiVersion.hasPrefix("tekton.dev/") {
            let tekton = TektonPods.sites(in: object, kind: kind, owner: owner)
            if !tekton.isEmpty { return tekton }
        }
        if kind == "Template", apiVersion == "v1" || apiVersion.hasPrefix("template.openshift.io/") {
            return OpenShiftTemplate.sites(in: object, owner: owner)
        }
        var sites: [PodSpecSite] = []
        func add(_ spec: Node?, _ metadata: Node?) {
            guard let spec, spec.isMapping, hasContainers(spec) else { return }
            sites.append(PodSpecSite(spec: spec, metadata: metadata, owner: owner))
        }
        switch kind {
        case "Pod":
            add(object["spec"], object["metadata"])
        case "PodTemplate":
            add(object["template"]?["spec"], object["template"]?["metadata"])
        default:
            let template = object["spec"]?["template"]
            add(template?["spec"], template?["metadata"])
            let jobTemplate = object["spec"]?["jobTemplate"]?["spec"]?["template"]
            add(jobTemplate?["spec"], jobTemplate?["metadata"])
        }
        return sites
    }

    private static func hasContainers(_ spec: Node) -> Bool {
        ["containers", "initContainers", "ephemeralContainers"].contains { spec[$0]?.sequence != nil }
    }

    static func ownerName(kind: String, metadata: Node?) -> String {
        let name = metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? "(unnamed)"
        if let namespace = metadata?["namespace"]?.string {
            return "\(kind)/\(namespace)/\(name)"
        }
        return "\(kind)/\(name)"
    }
}

/// Building the trees of pods that other tools assemble from their own fields. Every node kept
/// from the file keeps its position; the keys added here sit at the node they describe.
extension Node {
    /// A mapping of the given keys, the absent ones left out, placed at `anchor`.
    static func assembled(_ fields: [(String, Node?)], at anchor: Node) -> Node {
        let pairs = fields.compactMap { key, value in
            value.map { Node.Pair(key: Node(.scalar(.init(key, isPlain: true)), line: $0.line, column: $0.column), value: $0) }
        }
        return Node(.mapping(pairs), line: anchor.line, column: anchor.column)
    }

    /// The items of several sequences as one, placed at the first (nil when there are none).
    static func joinedSequence(_ sequences: [Node?]) -> Node? {
        let present = sequences.compactMap { $0 }.filter { $0.sequence != nil }
        guard let first = present.first else { return nil }
        return Node(.sequence(present.flatMap { $0.sequence ?? [] }), line: first.line, column: first.column)
    }

    /// This mapping with `key` set to `value` where it lacks it (a default, as a `name`).
    func withDefault(_ key: String, _ value: Node?) -> Node {
        guard let value, var pairs, self[key] == nil else { return self }
        pairs.append(Node.Pair(key: Node(.scalar(.init(key, isPlain: true)), line: value.line, column: value.column), value: value))
        return Node(.mapping(pairs), line: line, column: column, tag: tag)
    }

    /// This mapping with `key` replaced (or added).
    func replacing(_ key: String, with value: Node?) -> Node {
        guard var pairs else { return self }
        pairs.removeAll { $0.key.string == key }
        if let value {
            pairs.append(Node.Pair(key: Node(.scalar(.init(key, isPlain: true)), line: value.line, column: value.column), value: value))
        }
        return Node(.mapping(pairs), line: line, column: column, tag: tag)
    }
}
