import SockAuditCore
import SockAuditParsers

/// Kubernetes manifests, YAML or JSON: any document with `apiVersion` and `kind`.
struct KubernetesInput: StructuredInput {
    let kind = InputKind.kubernetes.rawValue

    func mayClaim(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(text, "apiVersion") && TextSearch.contains(text, "kind")
    }

    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard documents.contains(where: KubernetesManifest.isObject) else { return nil }
        return Facts(containers: KubernetesAdapter.containers(in: documents, path: file.path))
    }
}
