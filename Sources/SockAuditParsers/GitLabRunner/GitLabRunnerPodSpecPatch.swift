import SockAuditCore

/// `[[runners.kubernetes.pod_spec]]`: a patch the Kubernetes executor applies to every job pod it
/// creates (`patch`, YAML or JSON held in a TOML string; `patch_type` `strategic`, the default,
/// `merge`, or `json` for RFC 6902 operations on the pod spec). What the patch states is read as a
/// pod spec of its own, placed at the lines the string is written on: its `volumes` (`hostPath`)
/// joined to its containers' `volumeMounts`, each container's `securityContext`, and `hostPID`,
/// `hostNetwork`, `hostIPC`. A patch that names no container changes the pod, so its pod-level
/// settings are given to the job's `build` container. Only what the patch states is judged
/// (`patch_path`, a file on the runner's machine, is not read).
enum GitLabRunnerPodSpecPatch {
    static func facts(_ entry: Node, index: Int, runner: String, text: GitLabRunnerTOMLText, path: String) -> Facts {
        guard let patch = entry["patch"], let source = text.source(of: patch) else { return Facts() }
        let name = entry["name"]?.string.map { "\"\($0)\"" } ?? "#\(index + 1)"
        let embedded = EmbeddedText(source)
        let parsed = YAMLParser.parse(embedded.text)
        if let error = parsed.error {
            return Facts(unscannable: [UnscannableFile(
                location: embedded.location(error.line, error.column, path: path),
                reason: "the [[runners.kubernetes.pod_spec]] \(name) patch of \(runner) could not be parsed (\(error.message)), so what it sets was not judged",
                extent: .part)])
        }
        guard let document = parsed.documents.first.map(embedded.relocated) else { return Facts() }
        let spec = entry["patch_type"]?.string?.lowercased() == "json" ? JSONPatchFragment.spec(from: document) : document
        guard let spec, spec.isMapping else { return Facts() }
        let owner = "every job pod of \(runner) (kubernetes executor, [[runners.kubernetes.pod_spec]] \(name))"
        var site = KubernetesManifest.PodSpecSite(spec: spec, metadata: nil, owner: owner)
        site.isComplete = false
        if site.containers.isEmpty {
            let build = Node(.mapping([Node.Pair(
                key: Node(.scalar(.init("name", isPlain: true)), line: spec.line, column: spec.column),
                value: Node(.scalar(.init("build", isPlain: true)), line: spec.line, column: spec.column))]), line: spec.line, column: spec.column)
            site.containers = [KubernetesManifest.SiteContainer(node: build, word: "container")]
        }
        return Facts(containers: KubernetesAdapter.containers(of: site, path: path))
    }
}

/// RFC 6902 operations (`[{op: add, path: /hostPID, value: true}]`) turned into the fragment of a
/// pod spec they write: each `add` and `replace` puts its `value` at its `path` (`-` and numbers are
/// list items), the nodes it creates placed at the operation's `path`. Other operations write no
/// value and are passed over.
enum JSONPatchFragment {
    static func spec(from operations: Node) -> Node? {
        guard let items = operations.sequence else { return nil }
        var fragment: Node?
        for operation in items {
            guard let op = operation["op"]?.string, op == "add" || op == "replace",
                  let pathNode = operation["path"], let pointer = pathNode.string, pointer.hasPrefix("/"),
                  let value = operation["value"] else { continue }
            let segments = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(unescape)
            fragment = insert(value, at: segments[...], into: fragment, anchor: pathNode, parent: "")
        }
        return fragment
    }

    /// A JSON pointer segment: `~1` is `/`, `~0` is `~`.
    static func unescape(_ segment: Substring) -> String {
        var text = ""
        var characters = segment.makeIterator()
        while let character = characters.next() {
            guard character == "~", let code = characters.next() else {
                text.append(character)
                continue
            }
            text += code == "1" ? "/" : code == "0" ? "~" : "~\(code)"
        }
        return text
    }

    static let containerLists: Set<String> = ["containers", "initContainers", "ephemeralContainers"]

    /// `parent`: the key of the list or mapping `node` is the value of.
    static func insert(_ value: Node, at segments: ArraySlice<String>, into node: Node?, anchor: Node, parent: String) -> Node {
        guard let key = segments.first else { return value }
        let rest = segments.dropFirst()
        if key == "-" || Int(key) != nil {
            var items = node?.sequence ?? []
            if let index = Int(key), index >= 0, index < items.count {
                items[index] = insert(value, at: rest, into: items[index], anchor: anchor, parent: key)
            } else {
                items.append(named(insert(value, at: rest, into: nil, anchor: anchor, parent: key), in: parent, index: key, anchor: anchor))
            }
            return Node(.sequence(items), line: node?.line ?? anchor.line, column: node?.column ?? anchor.column)
        }
        var pairs = node?.pairs ?? []
        if let index = pairs.firstIndex(where: { $0.key.string == key }) {
            pairs[index] = Node.Pair(key: pairs[index].key, value: insert(value, at: rest, into: pairs[index].value, anchor: anchor, parent: key))
        } else {
            pairs.append(Node.Pair(
                key: Node(.scalar(.init(key, isPlain: true)), line: anchor.line, column: anchor.column),
                value: insert(value, at: rest, into: nil, anchor: anchor, parent: key)))
        }
        return Node(.mapping(pairs), line: node?.line ?? anchor.line, column: node?.column ?? anchor.column)
    }

    /// A container an operation writes into by its place in the list (`/containers/1/…`) is named
    /// by that place, as the patch names it.
    static func named(_ item: Node, in list: String, index: String, anchor: Node) -> Node {
        guard containerLists.contains(list), var pairs = item.pairs, item["name"] == nil else { return item }
        pairs.insert(Node.Pair(
            key: Node(.scalar(.init("name", isPlain: true)), line: anchor.line, column: anchor.column),
            value: Node(.scalar(.init("\(list)/\(index)", isPlain: true)), line: anchor.line, column: anchor.column)), at: 0)
        return Node(.mapping(pairs), line: item.line, column: item.column)
    }
}
