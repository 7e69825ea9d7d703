import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// MCP client configurations: claimed by name; only VS Code's file may carry comments.
@Suite struct MCPConfigInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static let server = """
        {
          "mcpServers": {"d": {"command": "docker", "args": ["run", "--privileged", "mcp/x"]}},
          "servers": {"d": {"command": "docker", "args": ["run", "--privileged", "mcp/x"]}}
        }
        """

    @Test func claimedByTheNamesClientsRead() {
        let result = Self.scan([
            (".mcp.json", Self.server),
            ("app/.vscode/mcp.json", Self.server),
            (".cursor/mcp.json", Self.server),
            ("Library/Application Support/Claude/claude_desktop_config.json", Self.server),
            ("mcp.json", Self.server),
            ("docs/examples/mcp-config.json", Self.server),
        ])
        #expect(result.filesScanned["mcp"] == 4)
        #expect(result.findings.filter { $0.ruleID == "SA301" }.count == 8)
    }

    @Test func onlyVSCodeFilesMayCarryComments() {
        let commented = "{\n  // local tools\n  \"servers\": {}\n}\n"
        let result = Self.scan([(".vscode/mcp.json", commented), (".mcp.json", commented)])
        #expect(result.findings.filter { $0.ruleID == "SA901" }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
            == [".mcp.json:2:3"])
    }

    @Test func missingSettingsAdviseTheArgsKey() {
        let result = Self.scan([(".mcp.json", "{\"mcpServers\": {\"t\": {\"command\": \"docker\", \"args\": [\"run\", \"-i\", \"mcp/time\"]}}}")])
        let capabilities = result.findings.filter { $0.ruleID == "SA303" }
        #expect(capabilities.map { "\($0.location.line):\($0.location.column)" } == ["1:34"])
        #expect(capabilities.first?.message.hasSuffix("add \"--cap-drop=ALL\" in args") == true, "\(capabilities.map(\.message))")
    }

    @Test func aServerThatIsNoRunCommandIsNoContainer() {
        let text = """
            {"mcpServers": {
              "gateway": {"command": "docker", "args": ["mcp", "gateway", "run"]},
              "help": {"command": "docker", "args": ["run", "--help"]},
              "broken": {"command": "docker", "args": "run --privileged x"},
              "none": {"args": ["run", "--privileged", "x"]}
            }}
            """
        let result = Self.scan([(".mcp.json", text)])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.filesScanned["mcp"] == 1)
    }
}
