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
        #expect(levels == ["::error", "::error", "::warning", "::notice", "::notice"], "most severe first")
    }

    /// GitHub shows 10 annotations of each level per step, in the order printed: the 10 most severe
    /// of each level are printed, and first a notice (in one of the ten notice places) says what is not.
    @Test func annotationsFitGitHubsLimitsMostSevereFirst() {
        let notices = (1...15).map { Fixture.finding("SA308", .low, path: "a.yaml", line: $0) }
        let errors = (1...12).map { Fixture.finding("SA101", .high, path: "b.yaml", line: $0) }
            + [Fixture.finding("SA102", .critical, path: "c.yaml", line: 1)]
        let warnings = (1...3).map { Fixture.finding("SA402", .medium, path: "d.yaml", line: $0) }
        let result = Fixture.result(notices + errors + warnings)
        let lines = GitHubReporter().render(result).split(separator: "\n").map(String.init)
        #expect(lines.first == "::notice title=sockaudit::sockaudit lists 22 of 31 findings, the most severe; not listed: "
            + "3 high, 6 low. GitHub shows at most 10 annotations of each level per step; --format text, json or sarif lists every finding.")
        let body = lines.dropFirst()
        #expect(body.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(body.filter { $0.hasPrefix("::warning ") }.count == 3)
        #expect(body.filter { $0.hasPrefix("::notice ") }.count == 9, "one notice place is the note's")
        #expect(body.first?.contains("SA102") == true, "the critical one first")
        #expect(body.dropFirst().prefix(9).allSatisfy { $0.contains("file=b.yaml,line=") })
        let highLines: [String] = body.filter { $0.contains("file=b.yaml") }.map { String($0.split(separator: ",")[1]) }
        let firstNine: [String] = (1...9).map { "line=\($0)" }
        #expect(highLines == firstNine, "among equals, the first in report order")
        #expect(Fixture.cut(.github, result)?.omitted.total == 9)
    }

    @Test func maxAnnotationsCapsTheTotal() {
        let findings = (1...5).map { Fixture.finding("SA308", .low, line: $0) } + [Fixture.finding("SA102", .critical, line: 9)]
        let lines = GitHubReporter(maxAnnotations: 2).render(Fixture.result(findings)).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("::notice title=sockaudit::sockaudit lists 2 of 6 findings, the most severe; not listed: 4 low. --max-results 2"))
        #expect(lines[1].contains("SA102") && lines[2].contains("line=1,"))
        // Within the limits nothing is said.
        #expect(!GitHubReporter().render(Fixture.result(findings)).contains("title=sockaudit::"))
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
