import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct GitHubReporterTests {
    @Test func levelsFollowSeverity() {
        let findings = Severity.allCases.enumerated().map { index, severity in
            Fixture.finding("SA10\(index)", severity, line: index + 1)
        }
        let levels = GitHubReporter().render(Fixture.result(findings)).split(separator: "\n").map {
            $0.prefix { $0 != " " }
        }
        #expect(levels == ["::notice", "::notice", "::warning", "::error", "::error"])
    }

    @Test func oneCommandPerActiveFinding() {
        let lines = GitHubReporter().render(Fixture.gating).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Fixture.gating.activeFindings.count + 1)
        #expect(lines.last == "")
        // As String: #expect mis-compares an optional Substring with a `+` expression.
        #expect(lines.first.map(String.init) == "::error file=deploy/my stack/compose.yaml,line=6,col=7,title=SA102 daemon-tcp-no-tls::"
            + "dockerd listens on tcp://0.0.0.0:2375 without TLS — anyone on the network is root")
        #expect(!lines.contains { $0.contains("SA402") || $0.contains("SA203") })
    }

    /// `%`, CR and LF are escaped everywhere, `:` and `,` in properties too: otherwise a hostile value
    /// ends the command early or starts one of its own on the next line.
    @Test func escapingFollowsTheActionsToolkit() {
        let finding = Fixture.finding(
            path: "dir,x/a:b%.yaml", line: 3, column: 4,
            message: "100% root,\r\n::error file=x::forged: yes, really")
        #expect(GitHubReporter().render(Fixture.result([finding]))
            == "::error file=dir%2Cx/a%3Ab%25.yaml,line=3,col=4,title=SA101 rule-sa101::"
            + "100%25 root,%0D%0A::error file=x::forged: yes, really\n")
    }

    @Test func pathsAreNormalisedAndAMissingLineIsLeftOut() {
        let findings = [
            Fixture.finding(path: "./k8s//pod.yaml", line: 2, column: 1),
            Fixture.finding(path: "host:docker.sock", line: 0, column: 0),
        ]
        #expect(GitHubReporter().render(Fixture.result(findings)) == """
            ::error file=k8s/pod.yaml,line=2,col=1,title=SA101 rule-sa101::m
            ::error file=host%3Adocker.sock,title=SA101 rule-sa101::m

            """)
    }

    @Test func nothingToAnnotateIsEmpty() {
        #expect(GitHubReporter().render(Fixture.empty) == "")
        let accepted = Fixture.gating.findings.filter { !$0.isActive }
        #expect(GitHubReporter().render(Fixture.result(accepted)) == "")
    }
}
