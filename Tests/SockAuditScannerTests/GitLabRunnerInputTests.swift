import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// GitLab Runner configuration: which TOML files are read, what the messages say, the TOML held
/// in YAML, and `gitlab-runner register` flags.
@Suite struct GitLabRunnerInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static func positions(_ result: ScanResult, _ rule: String) -> [String] {
        result.findings.filter { $0.ruleID == rule }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
    }

    static let privileged = "[[runners]]\n  name = \"shared\"\n  [runners.docker]\n    privileged = true\n"

    @Test func onlyRunnerConfigurationsAmongTOMLFilesAreRead() {
        let result = Self.scan([
            ("etc/gitlab-runner/config.toml", Self.privileged),
            ("runner.toml", Self.privileged),
            ("gitlab-runner/prod.toml", Self.privileged),
            ("config.template.toml", Self.privileged),
            // a runner table in a file no runner reads by that name
            ("Cargo.toml", Self.privileged),
            // other tools' configuration, even broken, is not ours
            ("site/config.toml", "title = \"docs\"\nbroken = \n"),
            (".cargo/config.toml", "[build]\ntarget = \"x86_64-unknown-linux-musl\"\n"),
        ])
        #expect(result.filesScanned["gitlab-runner"] == 4)
        #expect(Self.positions(result, "SA301").count == 4)
        #expect(Self.positions(result, "SA901").isEmpty)
    }

    @Test func theMessageSaysEveryJobOfEveryProjectGetsIt() throws {
        let result = Self.scan([("config.toml", """
            [[runners]]
              name = "shared"
              [runners.docker]
                privileged = true
                allowed_privileged_images = ["docker:*-dind"]
                volumes = ["/var/run/docker.sock:/var/run/docker.sock"]
            [[runners]]
              [runners.docker]
                services_privileged = true
            """)])
        let messages = result.findings.filter { ["SA101", "SA301"].contains($0.ruleID) }.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.contains("every job of every project on GitLab Runner") })
        let dind = try #require(messages.first { $0.contains("allowed_privileged_images") })
        #expect(dind.contains("(docker:*-dind), which any job may use"))
        #expect(messages.contains { $0.hasPrefix("every service container of every job of every project on GitLab Runner #2 (no name)") })
        #expect(messages.contains { $0.contains("[runners.docker] volumes \"/var/run/docker.sock:/var/run/docker.sock\"") })
    }

    @Test func aBrokenRunnerConfigurationIsSA901AtItsLine() {
        let result = Self.scan([("config.toml", "[[runners]]\n  name = \"x\"\n  [runners.docker]\n    privileged = yes\n")])
        #expect(Self.positions(result, "SA901") == ["config.toml:4:18"])
        #expect(result.findings.first { $0.ruleID == "SA901" }?.message.contains("not a TOML value") == true)
    }

    @Test func tomlInAYAMLStringIsJudgedAtTheYAMLLinesAndABrokenOneIsSA901ForThatString() {
        let values = """
            runners:
              config: |
                [[runners]]
                  [runners.docker]
                    privileged = true
                    volumes = ["/var/run/docker.sock:/var/run/docker.sock"]
            other:
              config: "[[runners]]\\n  [runners.docker]\\n    privileged = maybe\\n"
            """
        let result = Self.scan([("values.yaml", values)])
        #expect(Self.positions(result, "SA301") == ["values.yaml:5:22"])
        #expect(Self.positions(result, "SA101") == ["values.yaml:6:20"])
        #expect(Self.positions(result, "SA901").count == 1)
        #expect(result.findings.first { $0.ruleID == "SA901" }?.message.contains("config.toml in this string") == true)
        // the same file with CRLF line ends: the same lines
        let crlf = Self.scan([("values.yaml", values.replacingOccurrences(of: "\n", with: "\r\n"))])
        #expect(Self.positions(crlf, "SA301") == ["values.yaml:5:22"])
    }

    @Test func registerFlagsAreTheKeysTheyWrite() {
        let script = """
            #!/bin/sh
            docker exec -it gitlab-runner gitlab-runner register --non-interactive --executor docker \\
              --description "ci-dind" --docker-image docker:27 --docker-privileged \\
              --docker-volumes=/var/run/docker.sock:/var/run/docker.sock --docker-network-mode host
            gitlab-runner --debug register -n --docker-services_privileged
            grep -- --docker-privileged README
            """
        let result = Self.scan([("setup.sh", script)])
        #expect(Self.positions(result, "SA301") == ["setup.sh:3:52", "setup.sh:5:35"])
        #expect(Self.positions(result, "SA101") == ["setup.sh:4:3"])
        #expect(Self.positions(result, "SA402") == ["setup.sh:4:84"])
        #expect(result.findings.contains { $0.message.hasPrefix("every job of every project on GitLab Runner \"ci-dind\" (docker executor) runs privileged (--docker-privileged)") })
        #expect(result.findings.contains { $0.message.hasPrefix("every service container of every job of every project on the GitLab Runner this command registers") })
    }
}
