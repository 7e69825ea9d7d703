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
        guard case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        let lines = TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        var facts = Facts()
        var found = false
        var pending = documents
        while let node = pending.popLast() {
            switch node.content {
            case .sequence(let items): pending += items
            case .mapping(let pairs): pending += pairs.map(\.value)
            case .scalar(let scalar):
                guard TextSearch.contains(scalar.text, "runners"), GitLabRunnerConfig.declaresRunners(scalar.text),
                      let source = YAMLScalarSource.source(node, fileLines: lines) else { continue }
                found = true
                facts.merge(Self.facts(EmbeddedText(source), path: file.path))
            }
        }
        return found ? facts : nil
    }

    static func facts(_ embedded: EmbeddedText, path: String) -> Facts {
        do {
            let root = embedded.relocated(try TOMLParser.parse(embedded.text))
            return GitLabRunnerConfig.facts(from: root, path: path)
        } catch {
            return Facts(unscannable: [UnscannableFile(
                location: embedded.location(error.line, error.column, path: path),
                reason: "the GitLab Runner config.toml in this string could not be parsed (\(error.message)), so its runners were not judged",
                extent: .part)])
        }
    }
}
