import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct JSONReporterTests {
    private func parse(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func parsesAndIsVersioned() throws {
        let document = try parse(JSONReporter(tool: Fixture.tool).render(Fixture.result))
        #expect(document["schemaVersion"] as? String == "2.2")
        let tool = try #require(document["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "sockaudit")
        #expect(tool["version"] as? String == "0.0.0-test")
    }

    /// `evidence` is the stable form the fingerprint hashes; `written` the text in the file.
    @Test func evidenceIsNormalisedAndWrittenIsAsInTheFile() throws {
        let findings = try #require(try parse(JSONReporter().render(Fixture.result))["findings"] as? [[String: Any]])
        let mount = try #require(findings.first { $0["ruleId"] as? String == Fixture.socketMount.id })
        #expect(mount["evidence"] as? String == "/run/docker.sock")
        #expect(mount["written"] as? String == "/var/run//docker.sock")
        let root = try #require(findings.first { $0["ruleId"] as? String == Fixture.runsAsRoot.id })
        #expect(root["written"] is NSNull)
    }

    @Test func schemaVersionComesFirst() {
        #expect(JSONReporter().render(Fixture.result).hasPrefix("{\n  \"schemaVersion\": \"2.2\",\n"))
    }

    /// The summary is known only when every finding is: it comes last, so the report can stream.
    @Test func summaryComesLast() throws {
        let text = JSONReporter().render(Fixture.result)
        let summary = try #require(text.range(of: "\n  \"summary\": {"))
        #expect(text.range(of: "\n  \"findings\": [")!.lowerBound < summary.lowerBound)
        #expect(text[summary.upperBound...].hasSuffix("\n  }\n}\n"))
    }

    @Test func sameInputSameBytes() {
        let reporter = JSONReporter(tool: Fixture.tool)
        #expect(reporter.render(Fixture.result) == reporter.render(Fixture.result))
        // Equal dictionaries built in different orders must not leak their iteration order.
        var a = Fixture.result
        var b = Fixture.result
        let kinds = ["k8s", "compose", "cli", "daemon", "inspect", "host"]
        a.filesScanned = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        b.filesScanned = Dictionary(uniqueKeysWithValues: kinds.enumerated().reversed().map { ($1, $0) })
        #expect(reporter.render(a) == reporter.render(b))
    }

    @Test func summaryCountsActiveFindingsOnly() throws {
        let summary = try #require(try parse(JSONReporter().render(Fixture.result))["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 4)
        #expect(summary["suppressed"] as? Int == 1)
        #expect(summary["bySeverity"] as? [String: Int]
            == ["critical": 1, "high": 2, "medium": 0, "low": 1, "info": 0])
        #expect(summary["filesScanned"] as? [String: Int] == ["k8s": 1, "compose": 1])
        #expect(summary["filesSkipped"] as? Int == 3)
    }

    @Test func findingsAreOrderedAndComplete() throws {
        let findings = try #require(try parse(JSONReporter().render(Fixture.result))["findings"] as? [[String: Any]])
        let expected = Fixture.findings.sorted(by: Finding.ordered)
        #expect(findings.map { $0["ruleId"] as? String } == expected.map(\.ruleID))
        #expect(findings.map { $0["fingerprint"] as? String } == expected.map(\.fingerprint))
        let first = try #require(findings.first)
        #expect(Set(first.keys) == ["ruleId", "slug", "severity", "message", "location", "subject", "evidence",
                                    "fingerprint", "identityPath", "suppression", "baselined", "written"])
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["path"] as? String == Fixture.compose)
        #expect(location["line"] as? Int == 6)
        #expect(location["column"] as? Int == 7)
        #expect(first["suppression"] is NSNull)
        let suppression = try #require(findings[1]["suppression"] as? [String: String])
        #expect(suppression == ["reason": "node-exporter must see the host's interfaces",
                                "source": "deploy/my stack/compose.yaml:11", "kind": "inSource"])
    }

    @Test func stringsRoundTrip() throws {
        let message = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} slash / é 🐳"
        let text = JSONReporter().render(Fixture.result([Fixture.finding(path: "a/b.yaml", message: message)]))
        #expect(text.contains("\"path\": \"a/b.yaml\""))
        let findings = try #require(try parse(text)["findings"] as? [[String: Any]])
        #expect(findings.first?["message"] as? String == message)
    }

    @Test func emptyResult() throws {
        let document = try parse(JSONReporter().render(Fixture.empty))
        #expect((document["findings"] as? [Any])?.isEmpty == true)
        #expect((document["summary"] as? [String: Any])?["filesScanned"] as? [String: Int] == [:])
    }
}
