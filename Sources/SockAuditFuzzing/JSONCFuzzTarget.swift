import SockAuditParsers

extension FuzzTarget {
    /// JSON with comments and trailing commas: dev containers and VS Code's MCP configuration.
    public static let jsonc = FuzzTarget(
        name: "jsonc", fileNames: [".devcontainer/devcontainer.json", ".vscode/mcp.json"],
        tokens: ["{", "}", "[", "]", ":", ",", ",]", ",}", "\"", "\\", "\\u", "//", "/*", "*/", "/", "*", "\n", "\r\n", "\r",
                 "\u{2028}", "\u{FEFF}", "é", "true", "null", "1e400",
                 "\"mounts\": [\"source=/var/run/docker.sock,target=/s,type=bind\"],",
                 "\"runArgs\": [\"--privileged\", \"-v\", \"/run:/run\"],", "\"privileged\": true,",
                 "\"features\": {\"ghcr.io/devcontainers/features/docker-in-docker:2\": {}},",
                 "\"dockerComposeFile\": [\"../docker-compose.yml\"], \"service\": \"app\",",
                 "\"servers\": {\"s\": {\"command\": \"docker\", \"args\": [\"run\", \"--privileged\", \"x\"]}},",
                 "// sockaudit:ignore SA101 -- why\n"],
        parse: { bytes, bounds in
            do throws(ParseError) {
                return bounds.violations(in: try JSONParser.parse(bytes, dialect: .jsonc))
            } catch {
                return bounds.violations(line: error.line, column: error.column, what: "JSONC error \"\(error.message)\"")
            }
        })
}
