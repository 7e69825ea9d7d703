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
        return Facts(containers: KubernetesAdapter.containers(in: documents, path: file.path))
    }
}
