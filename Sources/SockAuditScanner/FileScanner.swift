import SockAuditCore
import SockAuditParsers

/// What one file yielded: its input kind (nil when it is not in scope) and its facts.
struct FileOutcome: Sendable {
    var kind: String?
    var facts: Facts

    static let outOfScope = FileOutcome(kind: nil, facts: Facts())
}

/// One file -> facts: classify by name and first bytes, parse once, offer the documents to every
/// input that may claim them. Never throws: a file that cannot be read or parsed becomes SA901.
struct FileScanner: Sendable {
    var context: InputContext

    /// Whether a file may be in scope judging by its name alone, so source code and documents are
    /// passed over without being read; a name no input knows may still be a script by its shebang.
    func mayBeInScope(_ path: String) -> Bool {
        let file = SourceFile(path: path, bytes: [])
        let ext = file.pathExtension
        if InputRegistry.yamlExtensions.contains(ext) || InputRegistry.jsonExtensions.contains(ext) { return true }
        if InputRegistry.text.contains(where: { $0.mayClaim(file) }) { return true }
        return !TextInputs.sourceOrDocument(file)
    }

    func scan(_ file: SourceFile, isStandardInput: Bool = false) -> FileOutcome {
        let ext = file.pathExtension
        let isJSON = InputRegistry.jsonExtensions.contains(ext)
        let isYAML = InputRegistry.yamlExtensions.contains(ext)
        if !isStandardInput, let input = InputRegistry.text.first(where: { $0.mayClaim(file) }) {
            return scanText(file, with: input)
        }
        if !(isJSON || isYAML || isStandardInput) { return .outOfScope }

        let text: String
        switch TextDecoding.decode(file.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let error): return unscannable(file, error, kind: isJSON ? "json" : "yaml")
        }
        let candidates = InputRegistry.structured.filter { $0.mayClaim(file, text: text) }
        guard let firstCandidate = candidates.first else { return .outOfScope }

        let documents: [Node]
        var parseError: ParseError?
        if isJSON || (isStandardInput && looksLikeJSON(text)) {
            do {
                documents = [try JSONParser.parse(text)]
            } catch {
                documents = []
                parseError = error
            }
        } else {
            let parsed = YAMLParser.parse(text)
            documents = parsed.documents
            parseError = parsed.error
        }

        var outcome = FileOutcome(kind: nil, facts: Facts())
        for input in candidates {
            guard let facts = input.facts(from: documents, file: file, context: context) else { continue }
            outcome.kind = outcome.kind ?? input.kind
            outcome.facts.merge(facts)
            outcome.facts.merge(ContainerDerivedFacts.derive(from: facts.containers))
        }
        if let parseError {
            outcome.kind = outcome.kind ?? firstCandidate.kind
            outcome.facts.unscannable.append(unscannableFile(file, parseError))
        }
        guard outcome.kind != nil else { return .outOfScope }
        outcome.facts.directives = directives(in: text, file: file, isJSON: isJSON)
        return outcome
    }

    /// Inline directives, and for JSON (which has no comments) the `FILE.sockaudit-ignore` sidecar.
    func directives(in text: String, file: SourceFile, isJSON: Bool) -> [SuppressionDirective] {
        var found = SuppressionDirectives.scan(text, path: file.path)
        let sidecarName = file.name + ".sockaudit-ignore"
        if isJSON, let bytes = context.readFile(sidecarName, file), case .success(let sidecar) = TextDecoding.decode(bytes) {
            let sidecarPath = InputContext.resolve(sidecarName, relativeTo: file)
            found += SuppressionDirectives.scanSidecar(sidecar, sidecarPath: sidecarPath, for: file.path)
        }
        return found
    }

    /// A text input's file: decoded, then read by that input alone.
    private func scanText(_ file: SourceFile, with input: any TextInput) -> FileOutcome {
        let text: String
        switch TextDecoding.decode(file.bytes) {
        // The line-based parsers split on LF: a CRLF or CR-only file would be one long line to them.
        case .success(let decoded): text = TextDecoding.unixLineEnds(decoded)
        case .failure(let error): return unscannable(file, error, kind: input.kind)
        }
        guard let facts = input.facts(from: text, file: file, context: context) else { return .outOfScope }
        var outcome = FileOutcome(kind: input.kind, facts: facts)
        outcome.facts.merge(ContainerDerivedFacts.derive(from: facts.containers))
        outcome.facts.directives = directives(in: text, file: file, isJSON: InputRegistry.jsonExtensions.contains(file.pathExtension))
        return outcome
    }

    private func looksLikeJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first == "{" || first == "["
    }

    private func unscannable(_ file: SourceFile, _ error: ParseError, kind: String) -> FileOutcome {
        FileOutcome(kind: kind, facts: Facts(unscannable: [unscannableFile(file, error)]))
    }

    private func unscannableFile(_ file: SourceFile, _ error: ParseError) -> UnscannableFile {
        UnscannableFile(
            location: SourceLocation(path: file.path, line: error.line, column: error.column), reason: error.message)
    }
}
