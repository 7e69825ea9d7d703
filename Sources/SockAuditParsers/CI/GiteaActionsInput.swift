import SockAuditCore

extension InputKind {
    /// Gitea and Forgejo Actions workflows: GitHub Actions' syntax under their own folders.
    public static let giteaActions = InputKind("gitea-actions", group: .commandLine)
}

/// Gitea Actions (`.gitea/workflows/*.yml`) and Forgejo Actions (`.forgejo/workflows/*.yml`):
/// GitHub Actions' workflow syntax, run by act_runner, so read by the same adapter (`run:` scripts,
/// `container` and `services` with their `options` and `volumes`, `DOCKER_HOST` in `env`).
public struct GiteaActionsInput: DocumentInput {
    public init() {}

    public let kind = InputKind.giteaActions

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(file.path, ".gitea/workflows/") || TextSearch.contains(file.path, ".forgejo/workflows/")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let document = documents.first, GitHubActionsAdapter.isWorkflow(document),
              case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        // LF line ends: a CRLF is one Character to Swift, so the lines would not split on "\n"
        return GitHubActionsAdapter.facts(from: document, path: file.path, text: TextDecoding.unixLineEnds(text))
    }
}
