import SockAuditCore
import SockAuditRules
import SockAuditScanner
import Testing

/// The command lines of the seed documents (`shared/seeds` beside the repository), written into our own fixture
/// scripts: each fires exactly the rules it should, on the lines of its flags.
@Suite struct SeedCommandLineTests {
    /// Rules other branches are adding (SA404, SA503): left out so these tests judge only this one.
    static let pending: Set<String> = ["SA404", "SA503"]

    static func findings(_ text: String, file: String = "seed.sh") -> [Finding] {
        let scanner = Scanner(options: ScanOptions(rules: BuiltInRules.all))
        return scanner.scan(sources: [SourceFile(path: file, bytes: Array(text.utf8))]).findings
            .filter { !pending.contains($0.ruleID) }
    }

    static func ids(_ text: String) -> [String] {
        Array(Set(findings(text).map(\.ruleID))).sorted()
    }

    static let missing = ["SA303", "SA306", "SA307", "SA308", "SA501", "SA502"]

    @Test func socketMountWithAnInnerCommand() {
        // the -v /:/host after the image is the inner container's, not this one's
        let text = "docker run -v /var/run/docker.sock:/var/run/docker.sock alpine docker run -v /:/host alpine chroot /host\n"
        #expect(Self.ids(text) == (["SA101"] + Self.missing).sorted())
    }

    @Test func restrictedContainerStillReachesTheSocket() {
        let text = "docker run --user 1000:1000 --cap-drop=ALL -v /var/run/docker.sock:/var/run/docker.sock myapp:1.0\n"
        #expect(Self.ids(text) == ["SA101", "SA306", "SA307", "SA501", "SA502"])
        let socket = Self.findings(text).first { $0.ruleID == "SA101" }
        #expect(socket?.location.column == 44)
    }

    @Test func ciRunner() {
        let text = "docker run -v /var/run/docker.sock:/var/run/docker.sock some-ci-runner:1.0\n"
        #expect(Self.ids(text) == (["SA101"] + Self.missing).sorted())
        let text2 = "docker run -v /var/run/docker.sock:/var/run/docker.sock myapp:1.0\n"
        #expect(Self.ids(text2) == (["SA101"] + Self.missing).sorted())
    }

    @Test func clientOfAProxyIsNotAnExposure() {
        let text = "docker run --rm alpine curl http://docker-proxy:2375/containers/json\n"
        #expect(Self.ids(text) == Self.missing)
    }

    @Test func hardenedRunFromTheArticle() {
        let text = """
            docker run --cap-drop=ALL --cap-add=NET_BIND_SERVICE \\
              --security-opt=no-new-privileges \\
              --read-only --tmpfs /tmp myapp

            """
        #expect(Self.ids(text) == ["SA308", "SA501", "SA502"])
    }

    @Test func dockerBenchSecurity() {
        let text = """
            docker run --rm --net host --pid host --cap-add audit_control \\
              -v /var/lib:/var/lib:ro -v /var/run/docker.sock:/var/run/docker.sock:ro \\
              docker/docker-bench-security

            """
        #expect(Self.ids(text) == ["SA101", "SA303", "SA306", "SA307", "SA308", "SA401", "SA402", "SA405", "SA501", "SA502"])
        let found = Self.findings(text)
        let at = { (id: String) in found.filter { $0.ruleID == id }.map { "\($0.location.line):\($0.location.column)" } }
        #expect(at("SA101") == ["2:27"])
        #expect(at("SA405") == ["2:3"])
        #expect(at("SA402") == ["1:17"])
        #expect(at("SA401") == ["1:28"])
        #expect(at("SA303") == ["1:1"])
        #expect(found.first { $0.ruleID == "SA101" }?.message.contains("read-only") == true)
    }

    @Test func rootlessSetupIsQuiet() {
        let text = """
            # Install and run the daemon as a non-root user
            dockerd-rootless-setuptool.sh install
            export DOCKER_HOST=unix:///run/user/$(id -u)/docker.sock

            """
        #expect(Self.ids(text) == [])
    }

    @Test func theSameLinesInEveryHostFormat() {
        let line = "docker run -v /var/run/docker.sock:/var/run/docker.sock some-ci-runner:1.0"
        let files: [(String, String)] = [
            ("ci.sh", "#!/bin/sh\n\(line)\n"),
            ("Makefile", "ci:\n\t\(line)\n"),
            ("Dockerfile", "FROM docker:cli\nRUN \(line)\n"),
            ("runner.service", "[Service]\nExecStart=/usr/bin/\(line)\n"),
            (".github/workflows/ci.yml", "on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - run: \(line)\n"),
            (".gitlab-ci.yml", "ci:\n  script:\n    - \(line)\n"),
            ("Jenkinsfile", "node {\n  sh '\(line)'\n}\n"),
        ]
        for (file, text) in files {
            let socket = Self.findings(text, file: file).filter { $0.ruleID == "SA101" }
            #expect(socket.count == 1, "\(file)")
            #expect(socket.first?.location.line == text.split(separator: "\n").firstIndex { $0.contains("-v /var") }.map { $0 + 1 }, "\(file)")
        }
    }
}
