import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Dev containers: claimed by name only, read as JSON with comments (and only they), judged on
/// what they state.
@Suite struct DevContainerInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static let socket = """
        {
          // the host socket
          "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"],
        }
        """

    @Test func claimedByTheNamesTheDevContainerCLIReads() {
        let result = Self.scan([
            (".devcontainer/devcontainer.json", Self.socket),
            (".devcontainer/python/devcontainer.json", Self.socket),
            ("api/.devcontainer.json", Self.socket),
            // not dev container configurations
            ("templates/devcontainer.json", Self.socket),
            (".devcontainer/devcontainer-lock.json", Self.socket),
            (".devcontainer/features/docker/devcontainer-feature.json", Self.socket),
        ])
        #expect(result.filesScanned["devcontainer"] == 3)
        let paths = Set(result.findings.filter { $0.ruleID == "SA101" }.map(\.location.path))
        #expect(paths == [".devcontainer/devcontainer.json", ".devcontainer/python/devcontainer.json", "api/.devcontainer.json"])
    }

    @Test func commentsAreAcceptedHereAndStillRefusedInDaemonJSON() {
        let commented = "{\n  // debug\n  \"debug\": true,\n}\n"
        let result = Self.scan([(".devcontainer/devcontainer.json", commented), ("etc/docker/daemon.json", commented)])
        let unscannable = result.findings.filter { $0.ruleID == "SA901" }
        #expect(unscannable.map(\.location.path) == ["etc/docker/daemon.json"])
    }

    @Test func aBrokenFileIsSA901AtTheProblem() {
        let result = Self.scan([(".devcontainer/devcontainer.json", "{\n  \"image\": \"x\"\n  \"privileged\": true\n}\n")])
        let unscannable = result.findings.filter { $0.ruleID == "SA901" }
        #expect(unscannable.map { "\($0.location.line):\($0.location.column)" } == ["3:3"])
    }

    @Test func windowsLineEndsKeepLines() {
        let text = "{\r\n  \"image\": \"x\",\r\n  /* on purpose */\r\n  \"privileged\": true\r\n}\r\n"
        let result = Self.scan([(".devcontainer/devcontainer.json", text)])
        #expect(result.findings.filter { $0.ruleID == "SA301" }.map(\.location.line) == [4])
    }

    @Test func anInlineDirectiveInAJSONCCommentSuppresses() {
        let text = """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              // sockaudit:ignore SA101 -- the dev container builds images with the host daemon
              "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"]
            }
            """
        let findings = Self.scan([(".devcontainer/devcontainer.json", text)]).findings
        let socket = findings.filter { $0.ruleID == "SA101" }
        #expect(socket.count == 1)
        #expect(socket.allSatisfy { $0.suppression != nil })
    }

    @Test func missingSettingsAreNotReportedOnADevContainer() {
        let findings = Self.scan([(".devcontainer/devcontainer.json", "{\"image\": \"mcr.microsoft.com/devcontainers/go:1\"}")]).findings
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aComposeFileTheDevContainerNamesButNobodyCanReadIsReported() {
        let text = """
            {
              "dockerComposeFile": ["../docker-compose.yml", "docker-compose.extend.yml"],
              "service": "app",
              "privileged": true
            }
            """
        let result = Self.scan([
            (".devcontainer/devcontainer.json", text),
            (".devcontainer/docker-compose.extend.yml", "services:\n  app:\n    command: sleep infinity\n"),
        ])
        let unscannable = result.findings.filter { $0.ruleID == "SA901" }
        #expect(unscannable.map { "\($0.location.line):\($0.location.column)" } == ["2:25"])
        #expect(unscannable.first?.message.contains("../docker-compose.yml") == true)
        let privileged = result.findings.filter { $0.ruleID == "SA301" }
        #expect(privileged.map(\.subject) == ["dev container service \"app\" of ../docker-compose.yml, docker-compose.extend.yml"])
    }
}
