import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct TextReporterTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func noFindingsIsEmpty(color: Bool, grouped: Bool) {
        #expect(TextReporter(color: color, grouped: grouped).render(Fixture.empty) == "")
    }

    @Test func oneLinePerFindingInOrder() {
        let lines = TextReporter().render(Fixture.result).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Fixture.findings.count + 1)
        #expect(lines.last == "")
        #expect(lines[1] == "deploy/my stack/compose.yaml:12:5: medium SA402 host-network: "
            + "service \"node-exporter\" uses the host network (suppressed: node-exporter must see the host's interfaces)")
        #expect(lines[4] == "k8s/pod.yaml:21:9: high SA301 privileged: container \"agent\" runs privileged")
    }

    @Test func withoutColorThereAreNoEscapes() {
        for grouped in [false, true] {
            #expect(!TextReporter(color: false, grouped: grouped).render(Fixture.result).contains("\u{1B}"))
        }
    }

    @Test func groupedHasOneHeaderPerFile() {
        let lines = TextReporter(grouped: true).render(Fixture.result).split(separator: "\n")
        let headers = lines.filter { !$0.hasPrefix(" ") }
        #expect(headers == ["deploy/my stack/compose.yaml", "k8s/pod.yaml"])
        #expect(lines.filter { $0.hasPrefix("  ") }.count == Fixture.findings.count)
        #expect(lines.contains("  14:15 high SA101 runtime-socket-mount: hostPath /var/run/docker.sock is mounted "
            + "into container \"agent\"; it controls the Docker daemon"))
    }

    @Test func colourDependsOnSeverity() {
        let critical = TextReporter(color: true).render(Fixture.result(
            [Fixture.finding("SA102", .critical)]))
        let low = TextReporter(color: true).render(Fixture.result([Fixture.finding("SA308", .low)]))
        #expect(critical.contains("\u{1B}[1;31mcritical\u{1B}[0m"))
        #expect(low.contains("\u{1B}[36mlow\u{1B}[0m"))
    }

    /// A hostile file name or value must not reach the terminal as escape sequences or extra lines.
    @Test func controlCharactersAreShownEscaped() {
        let finding = Fixture.finding(path: "evil\n.yaml", message: "x\u{1B}[2J\r\u{202E}y")
        let output = TextReporter(color: false).render(Fixture.result([finding]))
        #expect(output == "evil\\n.yaml:1:1: high SA101 rule-sa101: x\\u{1B}[2J\\r\\u{202E}y\n")
    }
}
