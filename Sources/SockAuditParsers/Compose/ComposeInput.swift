import SockAuditCore

/// Docker Compose and Swarm stack files: a Compose file name, or a top-level `services:` of
/// Compose shape. Interpolation reads the `.env` next to the file and `--env-file` files, never the
/// scanning machine's environment.
public struct ComposeInput: DocumentInput {
    public init() {}

    public let kind = InputKind.compose

    public func claims(_ file: SourceFile, text: String) -> Bool {
        ComposeFile.isComposeName(file.name) || TextSearch.contains(text, "services:")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let named = ComposeFile.isComposeName(file.name)
        let composeDocuments = documents.filter { ComposeFile.isCompose($0, namedAsCompose: named) }
        guard !composeDocuments.isEmpty else { return nil }

        var problems: [UnscannableFile] = []
        var variables: [String: String] = [:]
        if let bytes = context.readFile(".env", file), case .success(let text) = TextDecoding.decode(bytes) {
            variables = ComposeEnvFile.parse(text)
        }
        let workingDirectory = SourceFile(path: "", bytes: [])
        for envFile in context.envFiles {
            guard let bytes = context.readFile(envFile, workingDirectory), case .success(let text) = TextDecoding.decode(bytes) else {
                problems.append(UnscannableFile(
                    location: SourceLocation(path: file.path, line: 1, column: 1),
                    reason: "the --env-file \(envFile) could not be read, so this file's variables are not interpolated from it",
                    extent: .part))
                continue
            }
            variables = ComposeEnvFile.parse(text, inheriting: variables)
        }
        let loader: ComposeProject.Loader = { path in
            guard let bytes = context.readFile(path, workingDirectory), case .success(let text) = TextDecoding.decode(bytes) else { return nil }
            return text
        }
        let project = ComposeProject.load(documents: composeDocuments, path: file.path, variables: variables, loader: loader)
        let output = ComposeAdapter.read(project)
        return Facts(containers: output.containers, unscannable: problems + output.problems)
    }
}
