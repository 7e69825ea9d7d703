import SockAuditCore

/// MCP client configurations, by name: `.mcp.json` (Claude Code), `.cursor/mcp.json`,
/// `claude_desktop_config.json`, and `.vscode/mcp.json`, which VS Code reads as JSON with comments
/// (as it reads all its settings files); the others are strict JSON.
public struct MCPConfigInput: TextInput {
    public init() {}

    public let kind = InputKind.mcpConfig

    public func claims(_ file: SourceFile) -> Bool {
        file.name == ".mcp.json" || file.name == "claude_desktop_config.json"
            || (file.name == "mcp.json" && (file.folderName == ".vscode" || file.folderName == ".cursor"))
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let document: Node
        do {
            document = try JSONParser.parse(text, dialect: file.folderName == ".vscode" ? .jsonc : .strict)
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
        return MCPConfigAdapter.facts(from: document, path: file.path)
    }
}
