import SockAuditCore

/// Finds every pod spec in Kubernetes objects: Pods, PodTemplates, workloads, CronJobs, Lists, and
/// any custom resource that carries `spec.template.spec` or `spec.jobTemplate.spec.template.spec`.
public enum KubernetesManifest {
    /// A document is a Kubernetes object when its top level names `apiVersion` and `kind`.
    public static func isObject(_ node: Node) -> Bool {
        node["apiVersion"]?.string != nil && node["kind"]?.string != nil
    }

    /// A pod spec with the metadata that applies to it (annotations) and the object that holds it.
    struct PodSpecSite {
        var spec: Node
        var metadata: Node?
        /// `Deployment/web` (namespaced where the object says so).
        var owner: String
    }

    static func podSpecs(in object: Node) -> [PodSpecSite] {
        guard let kind = object["kind"]?.string else { return [] }
        if let items = object["items"]?.sequence, kind == "List" || kind.hasSuffix("List") {
            return items.flatMap { isObject($0) ? podSpecs(in: $0) : [] }
        }
        let owner = ownerName(kind: kind, metadata: object["metadata"])
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

    private static func ownerName(kind: String, metadata: Node?) -> String {
        let name = metadata?["name"]?.string ?? metadata?["generateName"]?.string ?? "(unnamed)"
        if let namespace = metadata?["namespace"]?.string {
            return "\(kind)/\(namespace)/\(name)"
        }
        return "\(kind)/\(name)"
    }
}
