import SockAuditCore

/// `docker inspect` / Engine API container JSON, in every shape users save.
public struct InspectInput: DocumentInput {
    public init() {}

    public let kind = InputKind.inspect

    public func claims(_ file: SourceFile, text: String) -> Bool {
        guard file.pathExtension == "json" || file.path == "-" else { return false }
        return ["\"HostConfig\"", "\"Mounts\"", "\"Destination\""].contains { TextSearch.contains(text, $0) }
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let inspected = documents.filter(InspectAdapter.isInspectOutput)
        guard !inspected.isEmpty else { return nil }
        return Facts(containers: inspected.flatMap { InspectAdapter.containers(in: $0, path: file.path) })
    }
}
