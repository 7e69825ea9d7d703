import SockAuditCore

/// The text a runner's `config.toml` was parsed from: the file itself, or a string of a YAML file
/// (Helm values, a ConfigMap) whose nodes were moved to the file's lines. A string value that holds
/// a document of its own (a `pod_spec` patch) is read again here, character by character, so that
/// document's findings land where the user wrote them.
struct GitLabRunnerTOMLText {
    /// The TOML text.
    let text: String
    /// Set when the TOML is a string of another file.
    let embedded: EmbeddedText?

    /// The string value `node` (placed in the file) with each character at its file position.
    func source(of node: Node) -> ShellSource? {
        guard let embedded else { return TOMLStringSource.source(in: text, line: node.line, column: node.column) }
        guard let inText = embedded.textPosition(ofFileLine: node.line, column: node.column),
              let source = TOMLStringSource.source(in: text, line: inText.line, column: inText.column) else { return nil }
        return embedded.placed(source)
    }
}
