import SockAuditCore

/// An input kind read from plain text rather than YAML or JSON (shell scripts, Makefiles,
/// Dockerfiles, systemd units, Jenkinsfiles). A file is claimed by its name, extension or first
/// bytes only, so source code and documents are never parsed.
protocol TextInput: Sendable {
    /// The input kind's name in the summary (`shell`).
    var kind: String { get }
    /// A look at the name and first bytes, before decoding.
    func mayClaim(_ file: SourceFile) -> Bool
    /// The facts from the text, or nil when the file turns out not to be this input.
    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts?
}

enum TextInputs {
    /// Extensions of source code and documents, which a name like `Dockerfile.*` must not pull in.
    static let sourceAndDocumentExtensions: Set<String> = [
        "go", "py", "js", "ts", "rs", "swift", "java", "kt", "rb", "c", "h", "cc", "cpp", "cs", "php", "md", "rst",
        "txt", "adoc", "html", "json", "yaml", "yml", "toml", "xml", "snap", "golden", "orig", "bak",
    ]

    static func sourceOrDocument(_ file: SourceFile) -> Bool {
        sourceAndDocumentExtensions.contains(file.pathExtension)
    }
}
