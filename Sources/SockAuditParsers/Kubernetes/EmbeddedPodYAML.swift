import SockAuditCore

/// Kubernetes pod YAML held in a string of another file (a Jenkins `podTemplate(yaml: …)` or a
/// `kubernetes { yaml … }` agent): parsed, every node moved to where its text is in the file, and
/// read as a Kubernetes manifest. A document with only `spec:` (the plugin merges it into its own
/// pod) is read as a Pod.
public enum EmbeddedPodYAML {
    public static func facts(_ source: ShellSource, path: String) -> Facts {
        let embedded = EmbeddedText(source)
        let parsed = YAMLParser.parse(embedded.text)
        var documents: [Node] = []
        for document in parsed.documents {
            var node = embedded.relocated(document)
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
            let (line, column) = embedded.place(error.line, error.column)
            facts.unscannable.append(UnscannableFile(
                location: SourceLocation(path: path, line: line, column: column),
                reason: "the pod YAML in this string could not be parsed (\(error.message)), so its containers were not judged",
                extent: .part))
        }
        return facts
    }
}
