import SockAuditCore

/// A runner's `config.toml` held as a string in YAML: the gitlab-runner Helm chart's values
/// (`runners: config: |`), a ConfigMap's `data: config.toml: |`, a Compose `configs:` content.
/// Every string that opens a `[[runners]]` table is parsed as TOML and its nodes moved to the
/// YAML file's lines; one that cannot be parsed is SA901 for that string alone.
public struct GitLabRunnerEmbeddedInput: DocumentInput {
    public init() {}

    public let kind = InputKind.gitLabRunner

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(text, "[[runners")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let embedded = EmbeddedConfigStrings(in: documents, file: file) {
            TextSearch.contains($0, "runners") && GitLabRunnerConfig.declaresRunners($0)
        }
        guard !embedded.strings.isEmpty else { return nil }
        var facts = Facts()
        for embedded in embedded.strings {
            facts.merge(Self.facts(embedded, path: file.path))
        }
        return facts
    }

    static func facts(_ embedded: EmbeddedText, path: String) -> Facts {
        do {
            let root = embedded.relocated(try TOMLParser.parse(embedded.text))
            return GitLabRunnerConfig.facts(from: root, path: path, text: GitLabRunnerTOMLText(text: embedded.text, embedded: embedded))
        } catch {
            return Facts(unscannable: [UnscannableFile(
                location: embedded.location(error.line, error.column, path: path),
                reason: "the GitLab Runner config.toml in this string could not be parsed (\(error.message)), so its runners were not judged",
                extent: .part)])
        }
    }
}
