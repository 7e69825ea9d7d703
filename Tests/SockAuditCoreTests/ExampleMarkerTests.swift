import Testing
@testable import SockAuditCore

@Suite struct ExampleMarkerTests {
    @Test func markersGiveLineAndColumnAndAreStripped() {
        let example = Example("pod.yaml", "a: 1\n  path: ↓/x\n↓b: ↓2\n")
        #expect(example.source == "a: 1\n  path: /x\nb: 2\n")
        let positions = example.markedPositions.map { "\($0.line):\($0.column)" }
        #expect(positions == ["2:9", "3:1", "3:4"])
    }

    @Test func fingerprintIgnoresLine() {
        let a = Finding(ruleID: "SA101", slug: "x", severity: .high, message: "m",
                        location: SourceLocation(path: "a.yaml", line: 3, column: 1), subject: "s", evidence: "e")
        var b = a
        b.location.line = 40
        #expect(a.fingerprint == b.fingerprint)
        b.evidence = "other"
        #expect(a.fingerprint != b.fingerprint)
        #expect(a.fingerprint.count == 16)
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.info < .low && Severity.low < .medium && Severity.medium < .high && Severity.high < .critical)
    }
}
