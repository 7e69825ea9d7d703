import SockAuditCore
import SockAuditParsers

/// An input kind read from YAML or JSON documents (Kubernetes, Compose, daemon.json, inspect, CI
/// files). The file is parsed once; each input that may claim it is offered the documents.
protocol StructuredInput: Sendable {
    /// The input kind's name in the summary (`k8s`).
    var kind: String { get }
    /// A cheap look at name and text, before parsing: could this file be this input?
    func mayClaim(_ file: SourceFile, text: String) -> Bool
    /// The facts from the documents, or nil when none of them is this input.
    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts?
}
