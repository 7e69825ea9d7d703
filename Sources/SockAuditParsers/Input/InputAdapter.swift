import SockAuditCore

/// How an input's files are parsed before its adapter reads them.
public enum InputSyntax: Sendable {
    /// YAML or JSON (by extension; standard input by its first character). The file is parsed
    /// once, and the documents offered to every document input that claims it.
    case documents
    /// Text with LF line ends, claimed by name, extension or first bytes before it is decoded, so
    /// source code and documents are never read; the adapter runs its own line-based parser.
    case text
}

/// A parsed file, as its syntax gives it.
public enum ParsedFile: Sendable {
    case documents([Node])
    case text(String)
}

/// One input kind, in three steps: claim (is this file mine?), parse (by its `syntax`), facts (the
/// adapter's reading of the parsed file). An input lives beside its adapter and is one line in
/// `InputRegistry`; the scanner knows nothing else about it.
public protocol InputAdapter: Sendable {
    var kind: InputKind { get }
    var syntax: InputSyntax { get }
    /// A cheap look before anything is parsed: the name, the first bytes, and for document inputs
    /// the decoded text (nil for text inputs, which claim before decoding).
    func claims(_ file: SourceFile, text: String?) -> Bool
    /// The facts of the parsed file, or nil when it turns out not to be this input.
    func facts(from parsed: ParsedFile, file: SourceFile, context: InputContext) -> Facts?
    /// For a file that did not parse: whether what survives of its structure shows it is this
    /// input's, when the part that would give facts lies after the error (a CloudFormation
    /// template broken in `Parameters`, before `Resources`). The default is no.
    func claimsUnparsed(surviving documents: [Node], file: SourceFile) -> Bool
}

extension InputAdapter {
    public func claimsUnparsed(surviving documents: [Node], file: SourceFile) -> Bool { false }

    /// The claim by the file's name alone, for a file whose text cannot be parsed. Document inputs
    /// claim by name or by telltales in the text; with no text, only the name is left.
    public func claimsByName(_ file: SourceFile) -> Bool {
        claims(file, text: syntax == .documents ? "" : nil)
    }
}

/// An input read from YAML or JSON documents (Kubernetes, Compose, daemon.json, inspect, CI files).
public protocol DocumentInput: InputAdapter {
    func claims(_ file: SourceFile, text: String) -> Bool
    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts?
}

extension DocumentInput {
    public var syntax: InputSyntax { .documents }

    public func claims(_ file: SourceFile, text: String?) -> Bool {
        text.map { claims(file, text: $0) } ?? false
    }

    public func facts(from parsed: ParsedFile, file: SourceFile, context: InputContext) -> Facts? {
        guard case .documents(let documents) = parsed else { return nil }
        return facts(from: documents, file: file, context: context)
    }
}

/// An input read from plain text (shell scripts, Makefiles, Dockerfiles, systemd units, Jenkinsfiles).
public protocol TextInput: InputAdapter {
    func claims(_ file: SourceFile) -> Bool
    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts?
}

extension TextInput {
    public var syntax: InputSyntax { .text }

    public func claims(_ file: SourceFile, text: String?) -> Bool { claims(file) }

    public func facts(from parsed: ParsedFile, file: SourceFile, context: InputContext) -> Facts? {
        guard case .text(let text) = parsed else { return nil }
        return facts(from: text, file: file, context: context)
    }
}

public enum TextInputs {
    /// Extensions of source code and documents, which a name like `Dockerfile.*` must not pull in.
    public static let sourceAndDocumentExtensions: Set<String> = [
        "go", "py", "js", "ts", "rs", "swift", "java", "kt", "rb", "c", "h", "cc", "cpp", "cs", "php", "md", "rst",
        "txt", "adoc", "html", "json", "yaml", "yml", "toml", "xml", "snap", "golden", "orig", "bak",
    ]

    public static func sourceOrDocument(_ file: SourceFile) -> Bool {
        sourceAndDocumentExtensions.contains(file.pathExtension)
    }
}
