import SockAuditCore

extension InputKind {
    /// GitLab Runner configuration: `config.toml`, the same TOML held in YAML, `register` flags.
    public static let gitLabRunner = InputKind("gitlab-runner", group: .commandLine)
}

/// GitLab Runner's `config.toml` (`/etc/gitlab-runner/config.toml`, `~/.gitlab-runner/`, and the
/// copies repositories keep): a `.toml` file whose name says configuration or runner, or that sits
/// under a `gitlab-runner` folder, and that opens a `[[runners]]` table. Other TOML files
/// (`Cargo.toml`, a Hugo `config.toml`) are passed over without being parsed.
public struct GitLabRunnerConfigInput: TextInput {
    public init() {}

    public let kind = InputKind.gitLabRunner

    public func claims(_ file: SourceFile) -> Bool {
        guard file.pathExtension == "toml" else { return false }
        let name = file.name.lowercased()
        return name.contains("config") || name.contains("runner") || TextSearch.contains(file.path, "gitlab-runner")
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        guard GitLabRunnerConfig.declaresRunners(text) else { return nil }
        let root: Node
        do {
            root = try TOMLParser.parse(text)
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
        guard GitLabRunnerConfig.isRunnerConfig(root) else { return nil }
        return GitLabRunnerConfig.facts(from: root, path: file.path, text: GitLabRunnerTOMLText(text: text, embedded: nil))
    }
}
