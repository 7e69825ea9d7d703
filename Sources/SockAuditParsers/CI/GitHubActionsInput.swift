import SockAuditCore

/// GitHub Actions workflows (`.github/workflows/*.yml`) and composite actions (`action.yml`).
public struct GitHubActionsInput: DocumentInput {
    public init() {}

    public let kind = InputKind.gitHubActions

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(file.path, ".github/workflows/") || file.name == "action.yml" || file.name == "action.yaml"
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let document = documents.first, GitHubActionsAdapter.isWorkflow(document),
              case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        return GitHubActionsAdapter.facts(from: document, path: file.path, text: TextDecoding.unixLineEnds(text))
    }
}
