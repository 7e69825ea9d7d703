import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// The Gitea/Forgejo runner's config.yaml: known by its structure, not its name.
@Suite struct ActRunnerInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    @Test func otherConfigYAMLWithTheSameWordsIsNotTheRunners() {
        // an application's settings with runner: and container: sections, but none of the runner's keys
        let settings = """
            runner:
              threads: 4
            container:
              registry: registry.example.com
              privileged: true
            # docker_host and valid_volumes are documented elsewhere
            """
        let runner = "runner:\n  capacity: 1\ncontainer:\n  privileged: true\n  docker_host: \"-\"\n"
        let result = Self.scan([("app/config.yaml", settings), ("runner/config.yaml", runner)])
        #expect(result.filesScanned["act-runner"] == 1)
        #expect(result.findings.filter { $0.ruleID == "SA301" }.map(\.location.path) == ["runner/config.yaml"])
        #expect(result.findings.filter { $0.ruleID == "SA901" }.isEmpty)
    }

    @Test func dockerHostSpellingsDecideTheMount() {
        func socketFindings(_ dockerHost: String) -> Int {
            let config = "runner:\n  capacity: 1\ncontainer:\n  valid_volumes: []\n  docker_host: \(dockerHost)\n"
            return Self.scan([("config.yaml", config)]).findings.filter { $0.ruleID == "SA101" }.count
        }
        #expect(socketFindings("\"\"") == 1)
        #expect(socketFindings("unix:///var/run/docker.sock") == 1)
        #expect(socketFindings("\"-\"") == 0)
        #expect(socketFindings("tcp://docker:2376") == 0)
        #expect(socketFindings("ssh://ci@build-host") == 0)
    }

    @Test func aConfigMapStringThatIsNotYAMLIsUnscannableForThatStringOnly() {
        let configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: runner}
            data:
              config.yaml: |
                runner:
                  capacity: 2
                container:
                  docker_host: [unclosed
              notes.txt: |
                the runner: container: docker_host keys are documented upstream
            """
        let result = Self.scan([("runner-configmap.yaml", configMap)])
        let unscannable = result.findings.filter { $0.ruleID == "SA901" }
        #expect(unscannable.count == 1)
        #expect(unscannable.first?.location.line == 9)
        #expect(result.findings.filter { $0.ruleID == "SA101" }.isEmpty)
    }
}
