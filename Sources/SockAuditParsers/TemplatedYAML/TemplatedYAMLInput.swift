import SockAuditCore

extension InputKind {
    /// YAML written as a template (`docker-compose.yml.j2`, `deployment.yaml.tmpl`, a helmfile's
    /// `values.yaml.gotmpl`), read as the Compose, Kubernetes or other YAML it renders to.
    public static let templatedYAML = InputKind("templated-yaml", group: .infrastructure)
}

/// YAML templates of Jinja (Ansible roles' `templates/*.yml.j2`), Go templates (`*.tmpl`,
/// `*.tpl`, `*.gotmpl`) or envsubst (`${VAR}`): the tags are neutralised (`TemplateTags`), the
/// YAML that remains is parsed at its own lines and columns, and its documents are offered to every
/// YAML input, as the rendered file would be. Literal values are judged where they are written; a
/// value a template expression writes reads as the expression and is unresolved (a host path
/// ending in `/docker.sock` still names the socket). A file whose YAML structure cannot be
/// recovered is SA901 when its name or outline says it is Compose or Kubernetes; a template of
/// anything else (HTML, a config of another format) is not claimed. Files in a Helm chart's
/// `templates/` are rendered by the Helm input, never here.
public struct TemplatedYAMLInput: TextInput {
    public init() {}

    public let kind = InputKind.templatedYAML

    static let templateExtensions: Set<String> = ["j2", "jinja", "jinja2", "tpl", "tmpl", "gotmpl"]

    /// The name the rendered file would have (`docker-compose.yml.j2` -> `docker-compose.yml`,
    /// `docker-compose.j2` -> `docker-compose.yml`, `values.gotmpl` -> `values.yaml`), or nil when
    /// the file is not a template of YAML.
    public static func renderedName(_ file: SourceFile) -> String? {
        guard templateExtensions.contains(file.pathExtension) else { return nil }
        let inner = String(file.name.dropLast(file.pathExtension.count + 1))
        let innerExtension = SourceFile(path: inner, bytes: []).pathExtension
        if InputRegistry.yamlExtensions.contains(innerExtension) { return inner }
        guard innerExtension.isEmpty, !inner.isEmpty else { return nil }
        if ComposeFile.isComposeName(inner + ".yml") { return inner + ".yml" }
        return file.pathExtension == "gotmpl" ? inner + ".yaml" : nil
    }

    public func claims(_ file: SourceFile) -> Bool {
        Self.renderedName(file) != nil
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        guard let renderedName = Self.renderedName(file) else { return nil }
        let folder = InputContext.folder(of: file.path)
        if file.folderName == "templates" {
            let chart = InputContext.folder(of: folder)
            let chartFile = chart == "." ? "Chart.yaml" : chart + "/Chart.yaml"
            if context.readFile(chartFile, SourceFile(path: "", bytes: [])) != nil { return nil }
        }
        let rendered = SourceFile(path: folder == "." ? renderedName : folder + "/" + renderedName, bytes: [])
        let inputs = InputRegistry.builtIn.filter { $0.syntax == .documents }

        let neutralized: TemplateTags.Neutralized
        switch TemplateTags.neutralize(text) {
        case .success(let result): neutralized = result
        case .failure(let unclosed):
            // Without the tags' ends, the structure is unknown: SA901 for a file named for an input,
            // or whose text before the tag is shaped like one.
            guard inputs.contains(where: { $0.claimsByName(rendered) })
                || Self.isShapedLikeAnInput(before: unclosed, in: text, rendered: rendered, inputs: inputs)
            else { return nil }
            return Facts(unscannable: [UnscannableFile(
                location: SourceLocation(path: file.path, line: unclosed.line, column: unclosed.column),
                reason: "the template tag \(unclosed.opener) opened here is never closed, so the YAML structure of this template "
                    + "could not be recovered and nothing in it was judged")])
        }
        let claiming = inputs.filter { $0.claims(rendered, text: neutralized.text) }
        var facts = Facts()
        var found = false
        var errors: [ParseError] = []
        // Each branch of a conditional is read in a rendering of its own; what two renderings share
        // is one container, judged once.
        for text in neutralized.renderings {
            let parsed = YAMLParser.parseTemplate(text)
            let documents = parsed.documents.map(neutralized.restore)
            for input in claiming {
                guard let inputFacts = input.facts(from: .documents(documents), file: file, context: context) else { continue }
                found = true
                facts.merge(inputFacts)
            }
            if let error = parsed.error, !errors.contains(where: { $0.line == error.line && $0.column == error.column }) {
                errors.append(error)
            }
        }
        facts = Self.withoutRepeats(facts)
        if !errors.isEmpty {
            guard found || inputs.contains(where: { $0.claimsByName(rendered) }) else { return nil }
            for error in errors {
                facts.unscannable.append(UnscannableFile(
                    location: SourceLocation(path: file.path, line: error.line, column: neutralized.column(error.column, line: error.line)),
                    reason: "the YAML structure of this template could not be recovered once its template tags were set aside "
                        + "(\(error.message)), so what follows here was not judged",
                    extent: found ? .part : .file))
            }
            return facts
        }
        return found ? facts : nil
    }

    /// The facts of several renderings with what they share kept once.
    private static func withoutRepeats(_ facts: Facts) -> Facts {
        var result = facts
        result.containers = unique(facts.containers)
        result.daemons = unique(facts.daemons)
        result.clients = unique(facts.clients)
        result.socketForwards = unique(facts.socketForwards)
        result.unscannable = unique(facts.unscannable)
        return result
    }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Whether the lines before an unclosed tag read as a file of some input.
    private static func isShapedLikeAnInput(
        before unclosed: TemplateTags.Unclosed, in text: String, rendered: SourceFile, inputs: [any InputAdapter]
    ) -> Bool {
        let head = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(unclosed.line - 1).joined(separator: "\n")
        guard case .success(let neutralized) = TemplateTags.neutralize(head) else { return false }
        // As for any YAML file that does not parse, the claim by the text's telltales is what is known.
        return inputs.contains { $0.claims(rendered, text: neutralized.text) }
    }
}
