import SockAuditCore
import SockAuditRules
import SockAuditScanner
import Testing

/// Command lines are read only where they run: files are claimed by name, extension or shebang
/// (a `.groovy` file by its content), so source code and documents are never parsed.
@Suite struct CommandLineScopeTests {
    static let line = "docker run --privileged -v /var/run/docker.sock:/var/run/docker.sock alpine\n"

    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    @Test func outOfScopeFilesAreNotParsed() {
        let result = Self.scan([
            ("README.md", "```\n\(Self.line)```\n"),
            ("notes.txt", Self.line),
            ("dockerfile.go", "package dockerfile // RUN \(Self.line)"),
            ("Dockerfile.md", "RUN \(Self.line)"),
            ("tool.py", "#!/usr/bin/env python3\n# \(Self.line)"),
            ("nginx/conf.d/default.conf", "ExecStart=\(Self.line)"),
            ("build.groovy", "def x = 'RUN \(Self.line)'"),
            ("run", "no shebang\n\(Self.line)"),
        ])
        #expect(result.findings.isEmpty, "\(result.findings.map(\.location))")
        #expect(result.filesScanned.isEmpty)
    }

    @Test func inScopeFilesAreClaimedByNameExtensionOrShebang() {
        let result = Self.scan([
            ("bin/deploy", "#!/usr/bin/env bash\n\(Self.line)"),
            ("ci.bash", Self.line),
            ("rules.mk", "all:\n\t\(Self.line)"),
            ("GNUmakefile", "all:\n\t\(Self.line)"),
            ("Containerfile", "RUN \(Self.line)"),
            ("app.Dockerfile", "RUN \(Self.line)"),
            ("runner.service.d/10-docker.conf", "[Service]\nExecStart=/usr/bin/\(Self.line)"),
            ("ci/pipeline.groovy", "pipeline { stages { stage('a') { steps { sh '\(Self.line.dropLast())' } } } }"),
            ("jobs/build.jenkinsfile", "node { sh '\(Self.line.dropLast())' }"),
            ("templates/docker.gitlab-ci.yml", "build:\n  script:\n    - \(Self.line)"),
        ])
        #expect(result.filesScanned == ["shell": 2, "makefile": 2, "dockerfile": 2, "systemd": 1, "jenkinsfile": 2, "gitlab-ci": 1])
        let privileged = Set(result.findings.filter { $0.ruleID == "SA301" }.map(\.location.path))
        #expect(privileged.count == 10)
    }
}
