import SockAuditCore

/// Kubernetes manifests, YAML or JSON: any document with `apiVersion` and `kind`.
public struct KubernetesInput: DocumentInput {
    public init() {}

    public let kind = InputKind.kubernetes

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(text, "apiVersion") && TextSearch.contains(text, "kind")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard documents.contains(where: KubernetesManifest.isObject) else { return nil }
        var facts = Facts(containers: KubernetesAdapter.containers(in: documents, path: file.path))
        facts.merge(Self.podSpecPatches(in: documents, file: file))
        facts.merge(ArgoWorkflowDefaults.facts(in: documents, file: file))
        return facts
    }

    /// Argo's `podSpecPatch` strings: pod YAML or JSON held in a string, placed at the lines the
    /// string is written on (the file's text is read again only when there is one).
    static func podSpecPatches(in documents: [Node], file: SourceFile) -> Facts {
        let patches = documents.filter(KubernetesManifest.isObject).flatMap { object -> [(patch: Node, owner: String)] in
            guard let kind = object["kind"]?.string, object["apiVersion"]?.string?.hasPrefix("argoproj.io/") == true else { return [] }
            let owner = KubernetesManifest.ownerName(kind: kind, metadata: object["metadata"])
            return ArgoWorkflowPods.patches(in: object, kind: kind, owner: owner)
        }
        guard !patches.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return Facts() }
        let lines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        return podSpecPatches(patches, lines: lines, path: file.path)
    }

    static func podSpecPatches(_ patches: [(patch: Node, owner: String)], lines: [Substring], path: String) -> Facts {
        var facts = Facts()
        for (patch, owner) in patches {
            guard let source = YAMLScalarSource.source(patch, fileLines: lines) else { continue }
            let embedded = EmbeddedText(source)
            let parsed = YAMLParser.parse(embedded.text)
            if let error = parsed.error {
                let (line, column) = embedded.place(error.line, error.column)
                facts.unscannable.append(UnscannableFile(
                    location: SourceLocation(path: path, line: line, column: column),
                    reason: "the podSpecPatch in this string could not be parsed (\(error.message)), so what it sets was not judged",
                    extent: .part))
            }
            for document in parsed.documents where document.isMapping {
                var site = KubernetesManifest.PodSpecSite(spec: embedded.relocated(document), metadata: nil, owner: owner)
                site.isComplete = false
                if site.containers.isEmpty, ["hostNetwork", "hostPID", "hostIPC", "securityContext"].contains(where: { site.spec[$0] != nil }) {
                    // a patch of pod-level fields alone applies to the pod's every container
                    let name = Node(.scalar(.init("(every container)", isPlain: true)), line: site.spec.line, column: site.spec.column)
                    site.containers = [.init(node: Node.assembled([("name", name)], at: site.spec), word: "pod")]
                }
                facts.containers += KubernetesAdapter.containers(of: site, path: path)
            }
        }
        return facts
    }
}
