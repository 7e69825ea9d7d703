import SockAuditCore

/// The hashicorp/kubernetes provider's workloads: the pod spec of `kubernetes_pod`, `_deployment`,
/// `_daemonset`/`_daemon_set`, `_stateful_set`, `_replica_set`, `_job`, `_cron_job`,
/// `_replication_controller` (each also `_v1`, `_v2` for `cron_job`) is rewritten in the API's
/// own shape (`host_path { path }` -> `hostPath: {path}`, repeated `container` blocks ->
/// `containers: […]`) and read by the Kubernetes adapter, so the two inputs judge alike. Values
/// are resolved in the module's scope (variable defaults, locals, dynamic blocks); a scalar
/// attribute is located at its name, a list entry at the entry.
public enum TerraformKubernetesAdapter {
    /// Resource types without their version suffix, and where the pod spec sits in each.
    static let workloads: [String: [String]] = [
        "kubernetes_pod": ["spec"],
        "kubernetes_deployment": ["spec", "template", "spec"],
        "kubernetes_daemonset": ["spec", "template", "spec"],
        "kubernetes_daemon_set": ["spec", "template", "spec"],
        "kubernetes_stateful_set": ["spec", "template", "spec"],
        "kubernetes_replica_set": ["spec", "template", "spec"],
        "kubernetes_replication_controller": ["spec", "template", "spec"],
        "kubernetes_job": ["spec", "template", "spec"],
        "kubernetes_cron_job": ["spec", "job_template", "spec", "template", "spec"],
        "kubernetes_pod_template": ["template", "spec"],
    ]

    /// Blocks that the API holds as lists.
    static let listBlocks: [String: String] = [
        "container": "containers", "init_container": "initContainers", "ephemeral_container": "ephemeralContainers",
        "volume": "volumes", "volume_mount": "volumeMounts", "port": "ports", "env": "env", "env_from": "envFrom",
        "toleration": "tolerations", "host_aliases": "hostAliases", "image_pull_secrets": "imagePullSecrets",
    ]

    /// Names whose API spelling is not the plain camel case of the Terraform one.
    static let renamed: [String: String] = ["host_pid": "hostPID", "host_ipc": "hostIPC"]

    static func workloadPath(_ type: String) -> [String]? {
        var base = type
        for suffix in ["_v1", "_v2"] where base.hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
        return workloads[base]
    }

    public static func containers(in module: TerraformModule) -> [ContainerSpec] {
        var result: [ContainerSpec] = []
        for resource in TerraformBlocks.labeled("resource", labels: 2, in: module.root) {
            guard let path = workloadPath(resource.labels[0]) else { continue }
            for instance in TerraformResources.instances(of: resource, in: module) {
                for pod in podSpecs(instance.body, path: path, scope: instance.scope) {
                    let site = KubernetesManifest.PodSpecSite(spec: pod.spec, metadata: pod.metadata, owner: instance.address)
                    result += KubernetesAdapter.containers(of: site, path: module.path)
                }
            }
        }
        return result
    }

    /// The pod specs down `path` (a dynamic `template` is followed like a static one), each with the
    /// `metadata` beside it: the pod template's annotations carry the legacy AppArmor and seccomp
    /// profiles, as they do in a manifest.
    static func podSpecs(_ body: Node, path: [String], scope: TerraformScope) -> [(spec: Node, metadata: Node?)] {
        guard let specStep = path.last else { return [] }
        var level = [(body: body, scope: scope)]
        for step in path.dropLast() {
            level = level.flatMap { $0.scope.blocks(step, in: $0.body) }
        }
        return level.flatMap { parent in
            let metadata = parent.scope.blocks("metadata", in: parent.body).first.map { convert($0.body, scope: $0.scope) }
            return parent.scope.blocks(specStep, in: parent.body).map { (spec: readableNames(convert($0.body, scope: $0.scope)), metadata: metadata) }
        }
    }

    /// A container whose name Terraform fills in is named for messages by where the name comes
    /// from (`(name from var.app)`, `web-… (name from var.env)`), never by the raw `${…}`.
    static func readableNames(_ spec: Node) -> Node {
        var result = spec
        result.content = .mapping((spec.pairs ?? []).map { pair in
            guard let list = pair.key.string, ["containers", "initContainers", "ephemeralContainers"].contains(list),
                  let items = pair.value.sequence else { return pair }
            var value = pair.value
            value.content = .sequence(items.map { container in
                var container = container
                container.content = .mapping((container.pairs ?? []).map { field in
                    guard field.key.string == "name", let text = field.value.string else { return field }
                    let (readable, sources) = TerraformScope.readable(text)
                    guard !sources.isEmpty else { return field }
                    var name = field.value
                    let origin = "(name from \(sources.joined(separator: ", ")))"
                    name.content = .scalar(.init(readable == "…" ? origin : "\(readable) \(origin)", isPlain: false))
                    return Node.Pair(key: field.key, value: name)
                })
                return container
            })
            return Node.Pair(key: pair.key, value: value)
        })
        return result
    }

    /// A block body in the API's shape.
    static func convert(_ body: Node, scope: TerraformScope) -> Node {
        var pairs: [Node.Pair] = []
        var seenBlocks: Set<String> = []
        for pair in body.pairs ?? [] {
            guard let name = pair.key.string else { continue }
            let blockTypes: [String]
            if name == "dynamic" {
                blockTypes = (pair.value.pairs ?? []).compactMap(\.key.string)
            } else if pair.value.isMapping || (pair.value.sequence?.first?.isMapping ?? false) {
                blockTypes = [name]
            } else {
                let value = resolved(pair.value, at: pair.key, scope: scope)
                pairs.append(Node.Pair(key: renamedKey(pair.key, name), value: value))
                continue
            }
            for type in blockTypes where seenBlocks.insert(type).inserted {
                let bodies = scope.blocks(type, in: body).map { convert($0.body, scope: $0.scope) }
                guard let first = bodies.first else { continue }
                let key = body.keyNode(type) ?? pair.key
                if let plural = listBlocks[type] {
                    pairs.append(Node.Pair(key: renamedKey(key, plural), value: Node(.sequence(bodies), line: first.line, column: first.column)))
                } else {
                    pairs.append(Node.Pair(key: renamedKey(key, type), value: first))
                }
            }
        }
        return Node(.mapping(pairs), line: body.line, column: body.column)
    }

    /// An attribute's value resolved in scope; a scalar is placed at the attribute's name, the entries
    /// of a list or map keep their own places unless they came through a reference.
    static func resolved(_ node: Node, at key: Node, scope: TerraformScope) -> Node {
        let value = scope.resolve(node)
        var result = value.node
        switch result.content {
        case .scalar:
            result.line = key.line
            result.column = key.column
        case .sequence(let items):
            result.content = .sequence(items.map { item in
                var entry = resolved(item, at: item, scope: scope)
                if value.note != nil { (entry.line, entry.column) = (key.line, key.column) }
                return entry
            })
        case .mapping(let pairs):
            result.content = .mapping(pairs.map { pair in
                var entry = resolved(pair.value, at: value.note == nil ? pair.key : key, scope: scope)
                if value.note != nil { (entry.line, entry.column) = (key.line, key.column) }
                return Node.Pair(key: pair.key, value: entry)
            })
        }
        return result
    }

    static func renamedKey(_ key: Node, _ name: String) -> Node {
        var result = key
        result.content = .scalar(.init(renamed[name] ?? camelCase(name), isPlain: false))
        return result
    }

    static func camelCase(_ name: String) -> String {
        var result = ""
        var upper = false
        for character in name {
            if character == "_" {
                upper = true
            } else {
                result += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        return result
    }
}
