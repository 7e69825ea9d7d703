import SockAuditCore

/// Docker Compose and Swarm stack files: a Compose file name, or a top-level `services:` of
/// Compose shape. Interpolation reads the `.env` next to the file and `--env-file` files, never the
/// scanning machine's environment.
public struct ComposeInput: DocumentInput {
    public init() {}

    public let kind = InputKind.compose

    public func claims(_ file: SourceFile, text: String) -> Bool {
        // a Woodpecker or Drone pipeline's `services:` holds images too, but is not Compose
        ComposeFile.isComposeName(file.name) || (TextSearch.contains(text, "services:") && !WoodpeckerInput.isPipelinePath(file) && !DroneInput.isPipelinePath(file))
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let named = ComposeFile.isComposeName(file.name)
        let composeDocuments = documents.filter { ComposeFile.isCompose($0, namedAsCompose: named) }
        var problems: [UnscannableFile] = []
        if named {
            // A file named like a Compose file is never passed over: a document of another shape is
            // said to be unread (an empty one, or one of networks and volumes only, has nothing to judge).
            for document in documents {
                guard let (node, reason) = ComposeFile.unreadableShape(document) else { continue }
                problems.append(UnscannableFile(location: node.location(in: file.path), reason: reason, extent: .part))
            }
        } else if composeDocuments.isEmpty {
            return nil
        }

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
        guard !composeDocuments.isEmpty else { return Facts(unscannable: problems) }
        let project = ComposeProject.load(documents: composeDocuments, path: file.path, variables: variables, loader: loader)
        let output = ComposeAdapter.read(project)
        return Facts(containers: output.containers, unscannable: problems + output.problems)
    }
}
