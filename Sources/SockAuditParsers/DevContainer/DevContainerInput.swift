import SockAuditCore

/// Dev containers: `.devcontainer.json`, `.devcontainer/devcontainer.json` and
/// `.devcontainer/NAME/devcontainer.json`, read as JSON with comments and trailing commas (the
/// only JSON files that are), claimed by name alone.
public struct DevContainerInput: TextInput {
    public init() {}

    public let kind = InputKind.devContainer

    public func claims(_ file: SourceFile) -> Bool {
        file.name == ".devcontainer.json" || (file.name == "devcontainer.json" && TextSearch.contains(file.path, ".devcontainer/"))
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let document: Node
        do {
            document = try JSONParser.parse(text, dialect: .jsonc)
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
        return DevContainerAdapter.facts(from: document, path: file.path) { composeFile in
            context.readFile(composeFile, file) != nil
        }
    }
}
