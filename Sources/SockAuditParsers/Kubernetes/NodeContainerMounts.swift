import SockAuditCore

/// Kubernetes nodes that are themselves containers on a Docker host: a kind cluster's `nodes`
/// (`kind: Cluster`, `kind.x-k8s.io`; the same under a ctlptl `Cluster`'s `kindV1Alpha4Cluster`)
/// and Cluster API Docker machines (`DockerMachine`,
/// `DockerMachineTemplate`, `DockerMachinePool`, `infrastructure.cluster.x-k8s.io`). Their
/// `extraMounts` (`hostPath` -> `containerPath`) give the node container a path of the Docker host;
/// the kubelet and every pod scheduled there that mounts `containerPath` reach it. Only the mounts
/// are stated here (kind runs its nodes privileged by design), so nothing else is judged missing.
/// A `DockerCluster` describes only the load balancer: it has no mounts.
enum NodeContainerMounts {
    static func containers(in object: Node, path: String) -> [ContainerSpec] {
        guard let kind = object["kind"]?.string, let apiVersion = object["apiVersion"]?.string else { return [] }
        if kind == "Cluster", apiVersion.hasPrefix("kind.x-k8s.io/") {
            return kindNodes(object, path: path)
        }
        if kind == "Cluster", apiVersion.hasPrefix("ctlptl.dev/"), let config = object["kindV1Alpha4Cluster"], config.isMapping {
            // ctlptl's `product: kind` cluster holds the kind configuration it creates the cluster with
            return kindNodes(config, path: path, fallbackName: object["name"]?.string)
        }
        guard apiVersion.hasPrefix("infrastructure.cluster.x-k8s.io/") else { return [] }
        let owner = KubernetesManifest.ownerName(kind: kind, metadata: object["metadata"])
        let machine: Node?
        switch kind {
        case "DockerMachine": machine = object["spec"]
        case "DockerMachineTemplate": machine = object["spec"]?["template"]?["spec"]
        case "DockerMachinePool": machine = object["spec"]?["template"]
        default: machine = nil
        }
        guard let machine, let mounts = machine["extraMounts"]?.sequence else { return [] }
        return [node(named: "machine", word: "Docker machine", owner: owner, at: machine, mounts: mounts, path: path)]
    }

    private static func kindNodes(_ cluster: Node, path: String, fallbackName: String? = nil) -> [ContainerSpec] {
        let clusterName = cluster["name"]?.string ?? cluster["metadata"]?["name"]?.string ?? fallbackName ?? "kind"
        let owner = "Cluster/\(clusterName)"
        var roleCounts: [String: Int] = [:]
        return (cluster["nodes"]?.sequence ?? []).compactMap { entry in
            let role = entry["role"]?.string ?? "control-plane"
            roleCounts[role, default: 0] += 1
            guard let mounts = entry["extraMounts"]?.sequence, !mounts.isEmpty else { return nil }
            let name = roleCounts[role]! == 1 ? role : "\(role) \(roleCounts[role]!)"
            return node(named: name, word: "kind node", owner: owner, at: entry, mounts: mounts, path: path)
        }
    }

    private static func node(named name: String, word: String, owner: String, at entry: Node, mounts: [Node], path: String) -> ContainerSpec {
        var spec = ContainerSpec(
            name: name, subject: "\(word) \"\(name)\" in \(owner)", location: entry.location(in: path),
            dialect: .kubernetes, pidsLimitApplies: false)
        spec.sharedSubject = owner
        spec.isComplete = false
        spec.mounts = mounts.compactMap { mount in
            guard let hostPathNode = mount["hostPath"], let hostPath = hostPathNode.string, !hostPathNode.isNull else { return nil }
            let containerPath = mount["containerPath"]?.string
            return HostMount(
                source: hostPath, target: containerPath, readOnly: mount["readOnly"]?.bool ?? false,
                location: hostPathNode.location(in: path),
                spelling: "extraMounts hostPath (the node container gets it, and so do the kubelet and every pod on that node "
                    + "that mounts the container path by hostPath)")
        }
        return spec
    }
}
