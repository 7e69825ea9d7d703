import SockAuditCore
import SockAuditParsers

/// What one file was taken for, in the summary.
enum FileKind: Hashable, Sendable {
    /// An input that read it (or that claimed it and could not parse it: SA901).
    case input(InputKind)
    /// A file or folder in scope that could not be read at all (SA901).
    case unreadable
    /// A YAML or JSON file whose bytes are not text (SA901), before any input could claim it.
    case undecodable(format: String)

    var summaryName: String {
        switch self {
        case .input(let kind): kind.name
        case .unreadable: "unreadable"
        case .undecodable(let format): format
        }
    }
}

/// What one file yielded: what it was taken for (nil when it is not in scope) and its facts.
struct FileOutcome: Sendable {
    var kind: FileKind?
    var facts: Facts
    /// Findings already judged by the input itself (a Helm chart judges each rendering).
    var judged: [Finding] = []
    /// The engine that rendered this input (a Helm chart), for the summary.
    var renderedBy: String?
    /// Kustomize overlays this input built, and the engine that built them.
    var overlaysBuilt = 0
    var builtBy: String?

    static let outOfScope = FileOutcome(kind: nil, facts: Facts())
}

/// One file -> facts: claim by name and first bytes, parse once, offer the parsed file to every
/// input that claims it. Never throws: a file that cannot be read or parsed becomes SA901.
struct FileScanner: Sendable {
    var context: InputContext
    let inputs: [any InputAdapter]
    // Split once: both are asked of every file of a sweep.
    private let documentInputs: [any InputAdapter]
    private let textInputs: [any InputAdapter]

    init(context: InputContext, inputs: [any InputAdapter] = InputRegistry.builtIn) {
        self.context = context
        self.inputs = inputs
        documentInputs = inputs.filter { $0.syntax == .documents }
        textInputs = inputs.filter { $0.syntax == .text }
    }

    /// Whether a file may be in scope judging by its name alone, so source code and documents are
    /// passed over without being read; a name no input knows may still be a script by its shebang.
    func mayBeInScope(_ path: String) -> Bool {
        let file = SourceFile(path: path, bytes: [])
        if isDocument(file) { return true }
        if textInputs.contains(where: { $0.claims(file, text: nil) }) { return true }
        return !TextInputs.sourceOrDocument(file)
    }

    private func isDocument(_ file: SourceFile) -> Bool {
        InputRegistry.yamlExtensions.contains(file.pathExtension) || InputRegistry.jsonExtensions.contains(file.pathExtension)
    }

    func scan(_ file: SourceFile, isStandardInput: Bool = false) -> FileOutcome {
        // Text inputs are offered a file first, so a JSON dialect of its own (a dev container's
        // comments) is read by the input that owns the name.
        if !isStandardInput, let input = textInputs.first(where: { $0.claims(file, text: nil) }) {
            return scanText(file, with: input)
        }
        guard isDocument(file) || isStandardInput else { return .outOfScope }
        let isJSON = InputRegistry.jsonExtensions.contains(file.pathExtension)
        let text: String
        switch TextDecoding.decode(file.bytes) {
        case .success(let decoded): text = decoded
        case .failure(let error): return unscannable(file, error, kind: .undecodable(format: isJSON ? "json" : "yaml"))
        }
        let candidates = documentInputs.filter { $0.claims(file, text: text) }
        guard !candidates.isEmpty else { return .outOfScope }

        let documents: [Node]
        var parseError: ParseError?
        let readsAsJSON = isJSON || (isStandardInput && looksLikeJSON(text))
        if readsAsJSON {
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
        let commandText = ContainerDerivedFacts.CommandText(path: file.path, text: text)
        for input in candidates {
            guard let facts = input.facts(from: .documents(documents), file: file, context: context) else { continue }
            outcome.kind = outcome.kind ?? .input(input.kind)
            outcome.facts.merge(facts)
            outcome.facts.merge(ContainerDerivedFacts.derive(from: facts.containers, file: commandText))
        }
        if let parseError {
            if outcome.kind == nil {
                guard let owner = owner(ofUnparsed: file, text: text, error: parseError, candidates: candidates, isJSON: readsAsJSON) else {
                    return .outOfScope
                }
                outcome.kind = .input(owner.kind)
            }
            outcome.facts.unscannable.append(UnscannableFile(parseError.in(file.path)))
        }
        guard outcome.kind != nil else { return .outOfScope }
        outcome.facts.directives = directives(in: text, file: file, isJSON: isJSON)
        return outcome
    }

    /// Which input a file that could not be parsed belongs to, so that SA901 is reported only for a
    /// file in scope: the input that owns its name (`compose.yaml`, `.gitlab-ci.yml`, a workflow),
    /// else the input that finds its shape in what survives of the file's structure
    /// (`SurvivingStructure`: duplicate keys kept, template actions blanked, the text before the
    /// error); nil when none does (a `.travis.yml` with `services: [docker]`, a Traefik template
    /// whose `services:` is nested). Words found in the text never claim a broken file.
    private func owner(ofUnparsed file: SourceFile, text: String, error: ParseError, candidates: [any InputAdapter], isJSON: Bool) -> (any InputAdapter)? {
        if let named = candidates.first(where: { $0.claimsByName(file) }) { return named }
        let surviving = isJSON ? SurvivingStructure.json(text, error: error) : SurvivingStructure.yaml(text)
        guard !surviving.isEmpty else { return nil }
        return candidates.first {
            $0.facts(from: .documents(surviving), file: file, context: context) != nil
                || $0.claimsUnparsed(surviving: surviving, file: file)
        }
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
    private func scanText(_ file: SourceFile, with input: any InputAdapter) -> FileOutcome {
        let text: String
        switch TextDecoding.decode(file.bytes) {
        // The line-based parsers split on LF: a CRLF or CR-only file would be one long line to them.
        case .success(let decoded): text = TextDecoding.unixLineEnds(decoded)
        case .failure(let error): return unscannable(file, error, kind: .input(input.kind))
        }
        guard let facts = input.facts(from: .text(text), file: file, context: context) else { return .outOfScope }
        var outcome = FileOutcome(kind: .input(input.kind), facts: facts)
        outcome.facts.merge(ContainerDerivedFacts.derive(from: facts.containers, file: .init(path: file.path, text: text)))
        outcome.facts.directives = directives(in: text, file: file, isJSON: InputRegistry.jsonExtensions.contains(file.pathExtension))
        return outcome
    }

    private func looksLikeJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        return first == "{" || first == "["
    }

    private func unscannable(_ file: SourceFile, _ error: ParseError, kind: FileKind) -> FileOutcome {
        FileOutcome(kind: kind, facts: Facts(unscannable: [UnscannableFile(error.in(file.path))]))
    }
}
