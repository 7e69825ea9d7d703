import SockAuditCore
import SockAuditParsers

/// Kubernetes manifests, YAML or JSON: any document with `apiVersion` and `kind`.
struct KubernetesInput: StructuredInput {
    let kind = InputKind.kubernetes.rawValue

    func mayClaim(_ file: SourceFile, text: String) -> Bool {
        text.contains("apiVersion") && text.contains("kind")
    }

    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard documents.contains(where: KubernetesManifest.isObject) else { return nil }
        return Facts(containers: KubernetesAdapter.containers(in: documents, path: file.path))
    }
}
