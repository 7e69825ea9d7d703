import SockAuditCore

/// Kubernetes pod YAML held in a string of another file (a Jenkins `podTemplate(yaml: …)` or a
/// `kubernetes { yaml … }` agent): parsed, every node moved to where its text is in the file, and
/// read as a Kubernetes manifest. A document with only `spec:` (the plugin merges it into its own
/// pod) is read as a Pod.
public enum EmbeddedPodYAML {
    public static func facts(_ source: ShellSource, path: String) -> Facts {
        let text = source.text
        var lineStarts = [0]
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }
        func place(_ line: Int, _ column: Int) -> (Int, Int) {
            let start = line - 1 < lineStarts.count ? lineStarts[max(line - 1, 0)] : source.count
            return source.position(start + column - 1)
        }
        let parsed = YAMLParser.parse(text)
        var documents: [Node] = []
        for document in parsed.documents {
            var node = relocated(document, place)
            if !KubernetesManifest.isObject(node), node["spec"]?["containers"] != nil, var pairs = node.pairs {
                pairs.insert(Node.Pair(key: Node(.scalar(.init("kind", isPlain: true)), line: node.line, column: node.column),
                                       value: Node(.scalar(.init("Pod", isPlain: true)), line: node.line, column: node.column)), at: 0)
                pairs.insert(Node.Pair(key: Node(.scalar(.init("apiVersion", isPlain: true)), line: node.line, column: node.column),
                                       value: Node(.scalar(.init("v1", isPlain: true)), line: node.line, column: node.column)), at: 0)
                node = Node(.mapping(pairs), line: node.line, column: node.column)
            }
            documents.append(node)
        }
        var facts = Facts(containers: KubernetesAdapter.containers(in: documents.filter(KubernetesManifest.isObject), path: path))
        if let error = parsed.error {
            let (line, column) = place(error.line, error.column)
            facts.unscannable.append(UnscannableFile(
                location: SourceLocation(path: path, line: line, column: column),
                reason: "the pod YAML in this string could not be parsed (\(error.message)), so its containers were not judged",
                extent: .part))
        }
        return facts
    }

    static func relocated(_ node: Node, _ place: (Int, Int) -> (Int, Int)) -> Node {
        let (line, column) = place(node.line, node.column)
        switch node.content {
        case .scalar:
            return Node(node.content, line: line, column: column)
        case .sequence(let items):
            return Node(.sequence(items.map { relocated($0, place) }), line: line, column: column)
        case .mapping(let pairs):
            return Node(.mapping(pairs.map { Node.Pair(key: relocated($0.key, place), value: relocated($0.value, place)) }), line: line, column: column)
        }
    }
}
