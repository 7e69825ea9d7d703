import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Gitea/Forgejo Actions and Woodpecker: claimed by their paths, each read once.
@Suite struct OtherCIInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    @Test func aWoodpeckerPipelineIsNotAlsoReadAsCompose() {
        let pipeline = """
            steps:
              build:
                image: docker:27-cli
                environment:
                  DOCKER_HOST: tcp://docker:2375
            services:
              docker:
                image: docker:27-dind
                privileged: true
            """
        let result = Self.scan([(".woodpecker.yml", pipeline), ("ci/.woodpecker/build.yaml", pipeline), ("compose.yaml", pipeline)])
        #expect(result.filesScanned["woodpecker"] == 2)
        #expect(result.filesScanned["compose"] == 1)
        // one finding per privileged line and per DOCKER_HOST, not one per input that read it
        #expect(result.findings.filter { $0.ruleID == "SA301" && $0.location.path == ".woodpecker.yml" }.count == 1)
        #expect(result.findings.filter { $0.ruleID == "SA104" && $0.location.path == ".woodpecker.yml" }.count == 1)
    }

    @Test func giteaAndForgejoWorkflowsAreWorkflowsOnlyInTheirFolders() {
        let workflow = "on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: docker run --privileged alpine\n"
        let result = Self.scan([
            (".gitea/workflows/a.yml", workflow), (".forgejo/workflows/b.yaml", workflow), ("docs/workflows/c.yml", workflow),
        ])
        #expect(result.filesScanned["gitea-actions"] == 2)
        #expect(result.findings.filter { $0.ruleID == "SA301" }.map(\.location.path) == [".forgejo/workflows/b.yaml", ".gitea/workflows/a.yml"])
    }

    /// A workflow or pipeline saved with Windows line ends: a literal block's commands are found at
    /// their own line and column (the script text was split on LF, which a CRLF pair is not in Swift).
    @Test func crlfPipelinesPlaceRunScriptsAtTheirLines() {
        let workflow = "on: push\r\njobs:\r\n  test:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - run: |\r\n"
            + "          echo hi\r\n          docker run -v /var/run/docker.sock:/var/run/docker.sock alpine\r\n"
        let pipeline = "test:\r\n  image: docker:27\r\n  script: |\r\n    echo hi\r\n    docker run -v /var/run/docker.sock:/s alpine\r\n"
        let result = Self.scan([(".github/workflows/ci.yml", workflow), (".gitlab-ci.yml", pipeline)])
        let socket = result.findings.filter { $0.ruleID == "SA101" }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
        #expect(socket == [".github/workflows/ci.yml:8:22", ".gitlab-ci.yml:5:16"])
    }
}
