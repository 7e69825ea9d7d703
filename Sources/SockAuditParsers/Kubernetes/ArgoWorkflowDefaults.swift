import SockAuditCore

/// The defaults an Argo Workflows controller gives every workflow it runs: `workflowDefaults` in
/// its ConfigMap's `data`, a string holding a Workflow (`metadata`, `spec`), or the older single
/// `data.config` string with a `workflowDefaults:` key. Its spec is read as a workflow's
/// (`templateDefaults`, `volumes`, `securityContext`, `podSpecPatch`, templates) at the lines the
/// string is written on.
enum ArgoWorkflowDefaults {
    static func facts(in documents: [Node], file: SourceFile) -> Facts {
        let strings = documents.flatMap { object -> [(Node, String)] in
            guard object["kind"]?.string == "ConfigMap", let data = object["data"] else { return [] }
            let owner = KubernetesManifest.ownerName(kind: "ConfigMap", metadata: object["metadata"])
            return ["workflowDefaults", "config"].compactMap { key in
                guard let value = data[key], let text = value.string, TextSearch.contains(text, key == "config" ? "workflowDefaults:" : "spec:")
                else { return nil }
                return (value, owner)
            }
        }
        guard !strings.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return Facts() }
        let lines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        var facts = Facts()
        for (node, owner) in strings {
            guard let source = YAMLScalarSource.source(node, fileLines: lines) else { continue }
            let embedded = EmbeddedText(source)
            let parsed = YAMLParser.parse(embedded.text)
            if let error = parsed.error {
                facts.unscannable.append(UnscannableFile(
                    location: embedded.location(error.line, error.column, path: file.path),
                    reason: "the Argo Workflows configuration in this string could not be parsed (\(error.message)), so the workflow defaults were not judged",
                    extent: .part))
            }
            for document in parsed.documents.map(embedded.relocated) {
                // `workflowDefaults: |` holds the Workflow; `config: |` holds it under `workflowDefaults`
                let workflow = document["workflowDefaults"] ?? document
                guard let spec = workflow["spec"], spec.isMapping else { continue }
                let label = "workflowDefaults of \(owner)"
                var sites = ArgoWorkflowPods.sites(workflowSpec: spec, owner: label)
                if sites.isEmpty, spec["securityContext"]?.isMapping == true || spec["hostNetwork"] != nil {
                    // the pod-level fields every workflow's every pod gets
                    let name = Node(.scalar(.init("(every workflow pod)", isPlain: true)), line: spec.line, column: spec.column)
                    var site = KubernetesManifest.PodSpecSite(
                        podFields: Node.assembled([("securityContext", spec["securityContext"]), ("hostNetwork", spec["hostNetwork"])], at: spec),
                        metadata: nil, owner: label, containers: [.init(node: Node.assembled([("name", name)], at: spec), word: "pod")])
                    site.isComplete = false
                    sites.append(site)
                }
                for site in sites {
                    facts.containers += KubernetesAdapter.containers(of: site, path: file.path)
                }
                facts.merge(KubernetesInput.podSpecPatches(ArgoWorkflowPods.patches(workflowSpec: spec, owner: label), lines: lines, path: file.path))
            }
        }
        return facts
    }
}
