import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

/// What SARIF 2.1.0 and GitHub code scanning require of an upload, checked on the parsed output.
@Suite struct SARIFReporterTests {
    private static let allowedLevels: Set<String> = ["none", "note", "warning", "error"]

    private func render(_ result: ScanResult = Fixture.result, baseURI: String = Fixture.baseURI) -> String {
        SARIFReporter(baseURI: baseURI, tool: Fixture.tool).render(result)
    }

    private func run(_ text: String) throws -> [String: Any] {
        let log = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    private func driver(_ run: [String: Any]) throws -> [String: Any] {
        try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }

    private func rules(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(try driver(run)["rules"] as? [[String: Any]])
    }

    private func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    private func artifactLocation(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["artifactLocation"] as? [String: Any])
    }

    private func region(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["region"] as? [String: Any])
    }

    private func artifact(for path: String, baseURI: String = Fixture.baseURI) throws -> [String: Any] {
        let output = render(Fixture.result([Fixture.finding(path: path)]), baseURI: baseURI)
        return try artifactLocation(try #require(try results(try run(output)).first))
    }

    /// The text as the file writes it sits beside the JSON report's normalised evidence, in the
    /// result's property bag; a finding without one has no such property.
    @Test func theValueAsWrittenIsAResultProperty() throws {
        let found = try results(try run(render()))
        let written = found.map { ($0["properties"] as? [String: Any])?["written"] as? String }
        #expect(written.contains("/var/run//docker.sock"))
        #expect(written.contains("--host=tcp://0.0.0.0:2375"))
        #expect(written.filter { $0 == nil }.count == Fixture.findings.filter { $0.written == nil }.count)
    }

    @Test func versionSchemaAndDriver() throws {
        let output = render()
        let log = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try run(output)
        let driver = try driver(run)
        #expect(driver["name"] as? String == "sockaudit")
        #expect(driver["version"] as? String == "0.0.0-test")
        #expect(driver["semanticVersion"] as? String == "0.0.0-test")
        #expect(driver["informationUri"] as? String == "https://github.com/sockaudit/sockaudit")
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func everyResultPointsAtItsRule() throws {
        let run = try run(render())
        let rules = try rules(run)
        let results = try results(run)
        #expect(results.count == Fixture.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            try #require(rules.indices.contains(index))
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
    }

    @Test func rulesDescribeEveryRuleThatRan() throws {
        let rules = try rules(try run(render()))
        #expect(rules.compactMap { $0["id"] as? String } == Fixture.result.rules.map(\.id).sorted())
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let source = try #require(Fixture.result.rules.first { $0.id == id })
            let name = try #require(rule["name"] as? String)
            #expect(!name.isEmpty && !name.contains("-"))
            #expect((rule["shortDescription"] as? [String: String])?["text"] == source.summary)
            #expect((rule["fullDescription"] as? [String: String])?["text"] == source.rationale)
            let help = try #require(rule["help"] as? [String: String])
            for format in ["text", "markdown"] {
                let body = try #require(help[format])
                #expect(body.contains(source.rationale) && body.contains(source.remediation))
                for reference in source.references {
                    #expect(body.contains(reference.text))
                }
            }
            let level = try #require((rule["defaultConfiguration"] as? [String: String])?["level"])
            #expect(Self.allowedLevels.contains(level))
            let properties = try #require(rule["properties"] as? [String: Any])
            #expect((properties["tags"] as? [String])?.contains("security") == true)
            let scoreText = try #require(properties["security-severity"] as? String)
            let score = try #require(Double(scoreText))
            #expect((0.0...10.0).contains(score))
        }
        let first = try #require(rules.first)
        #expect(first["name"] as? String == "RuntimeSocketMount")
        #expect(first["helpUri"] as? String == "https://docs.docker.com/engine/security/#docker-daemon-attack-surface")
    }

    /// GitHub's bands: critical >= 9.0, high 7.0 to 8.9, medium 4.0 to 6.9, low below 4.0.
    @Test func levelsAndScoresFollowSeverity() throws {
        let expected: [Severity: (level: String, scores: ClosedRange<Double>)] = [
            .critical: ("error", 9.0...10.0), .high: ("error", 7.0...8.9), .medium: ("warning", 4.0...6.9),
            .low: ("note", 0.1...3.9), .info: ("note", 0.1...3.9),
        ]
        let findings = Severity.allCases.enumerated().map { index, severity in
            Fixture.finding("SA80\(index)", severity, line: index + 1)
        }
        let run = try run(render(Fixture.result(findings)))
        let rules = try rules(run)
        for (finding, result) in zip(findings, try results(run)) {
            let want = try #require(expected[finding.severity])
            let level = try #require(result["level"] as? String)
            #expect(Self.allowedLevels.contains(level))
            #expect(level == want.level, "\(finding.severity)")
            let rule = rules[try #require(result["ruleIndex"] as? Int)]
            let scoreText = (rule["properties"] as? [String: Any])?["security-severity"] as? String
            let score = try #require(scoreText.flatMap(Double.init))
            #expect(want.scores.contains(score), "\(finding.severity)")
            let own = (result["properties"] as? [String: Any])?["security-severity"] as? String
            #expect(own == scoreText, "a result carries its own score")
        }
    }

    /// One rule, findings of two severities (SA601: high for one runtime, critical for another), and
    /// a configuration that lowered a rule: each result says its own severity.
    @Test func eachResultCarriesItsOwnSeverity() throws {
        let findings = [
            Fixture.finding("SA601", .high, line: 1), Fixture.finding("SA601", .critical, line: 2),
            Fixture.finding("SA501", .info, line: 3),
        ]
        let results = try results(try run(render(Fixture.result(findings))))
        let pairs = results.map { ($0["level"] as? String, ($0["properties"] as? [String: Any])?["security-severity"] as? String) }
        #expect(pairs.map(\.0) == ["error", "error", "note"])
        #expect(pairs.map(\.1) == ["8.0", "9.5", "1.0"])
    }

    /// A file not scanned stays visible at the file, as a note without a security score, and the
    /// invocation says the results are incomplete.
    @Test func aFileNotScannedIsANoteAndAnErrorNotification() throws {
        let unscanned = RuleDescription(
            id: "SA901", slug: "unscannable-file", severity: .high, summary: "A file could not be scanned.",
            rationale: "r", remediation: "f")
        let findings = [
            Fixture.finding("SA901", .high, path: "charts/x/Chart.yaml", message: "not scanned: Helm chart templates"),
            Fixture.finding("SA101", .high, path: "k8s/pod.yaml"),
        ]
        let run = try run(render(Fixture.result(findings, rules: [unscanned, Fixture.socketMount])))
        let result = try #require(try results(run).first { $0["ruleId"] as? String == "SA901" })
        #expect(result["level"] as? String == "note")
        #expect(result["properties"] == nil)
        let rule = try #require(try rules(run).first { $0["id"] as? String == "SA901" })
        let properties = try #require(rule["properties"] as? [String: Any])
        #expect(properties["security-severity"] == nil)
        #expect(properties["tags"] as? [String] == ["reliability"])
        #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")

        let invocations = try #require(run["invocations"] as? [[String: Any]])
        #expect(invocations.count == 1)
        #expect(invocations[0]["executionSuccessful"] as? Bool == true)
        let notifications = try #require(invocations[0]["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")
        #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == "not scanned: Helm chart templates")
        #expect((notifications[0]["associatedRule"] as? [String: Any])?["id"] as? String == "SA901")
    }

    /// More findings than the limit: the most severe are kept, in report order, and the invocation
    /// says what was left out.
    @Test func maxResultsKeepsTheMostSevere() throws {
        let low = (1...30).map { Fixture.finding("SA308", .low, path: "a.yaml", line: $0) }
        let critical = (1...3).map { Fixture.finding("SA102", .critical, path: "z.yaml", line: $0) }
        let high = (1...4).map { Fixture.finding("SA101", .high, path: "m.yaml", line: $0) }
        let reporter = SARIFReporter(baseURI: Fixture.baseURI, tool: Fixture.tool, maxResults: 10)
        let result = Fixture.result(low + critical + high)
        let run = try run(reporter.render(result))
        let kept = try results(run)
        #expect(kept.count == 10)
        #expect(kept.map { $0["ruleId"] as? String } == ["SA308", "SA308", "SA308", "SA101", "SA101", "SA101", "SA101",
                                                          "SA102", "SA102", "SA102"], "report order: a, m, z")
        let lines = try kept.map { try #require(try region($0)["startLine"] as? Int) }
        #expect(lines.prefix(3) == [1, 2, 3], "among equals, the first in report order")
        let notifications = try #require((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        let text = try #require((notifications.last?["message"] as? [String: Any])?["text"] as? String)
        #expect(notifications.last?["level"] as? String == "warning")
        #expect(text.hasPrefix("This run lists 10 of 37 findings, the most severe; not listed: 27 low (at most 10 results"), "\(text)")
        #expect(Fixture.cut(.sarif, maxResults: 10, result)?.omitted.total == 27)
        #expect(Fixture.cut(.sarif, result) == nil)
    }

    @Test func regionsAreOneBased() throws {
        for result in try results(try run(render())) {
            let region = try region(result)
            let line = try #require(region["startLine"] as? Int)
            let column = try #require(region["startColumn"] as? Int)
            #expect(line >= 1 && column >= 1)
        }
        let first = try #require(try results(try run(render())).first)
        #expect(try region(first) as? [String: Int] == ["startLine": 6, "startColumn": 7])
    }

    @Test func aPositionOfZeroIsClampedToTheFile() throws {
        let output = render(Fixture.result([Fixture.finding(line: 0, column: 0)]))
        let result = try #require(try results(try run(output)).first)
        #expect(try region(result) as? [String: Int] == ["startLine": 1, "startColumn": 1])
    }

    @Test func urisAreRelativeAndResolveThroughTheBase() throws {
        let run = try run(render())
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        let base = try #require(bases["%SRCROOT%"]?["uri"])
        #expect(base == Fixture.baseURI)
        #expect(base.hasPrefix("file:///") && base.hasSuffix("/"))
        let baseURL = try #require(URL(string: base))
        let expected = Fixture.findings.sorted(by: Finding.ordered)
        for (finding, result) in zip(expected, try results(run)) {
            let artifact = try artifactLocation(result)
            let uri = try #require(artifact["uri"] as? String)
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            #expect(!uri.hasPrefix("/") && !uri.contains(":") && !uri.contains("\\") && !uri.contains(" "))
            #expect(!uri.split(separator: "/").contains(".."))
            let resolved = try #require(URL(string: uri, relativeTo: baseURL))
            #expect(resolved.absoluteURL.path == "/srv/checkout/" + finding.location.path)
        }
    }

    @Test func baseWithoutFinalSlashGetsOne() throws {
        let run = try run(render(baseURI: "file:///srv/checkout"))
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        #expect(bases["%SRCROOT%"]?["uri"] == "file:///srv/checkout/")
    }

    @Test(arguments: [
        ("deploy/my stack/compose.yaml", "deploy/my%20stack/compose.yaml"),
        ("./k8s//pod.yaml", "k8s/pod.yaml"),
        ("a/./b/../c.yaml", "a/c.yaml"),
        ("host:docker.sock", "host%3Adocker.sock"),
        ("dir/ü#1?+.yaml", "dir/%C3%BC%231%3F%2B.yaml"),
        ("/srv/checkout/k8s/pod.yaml", "k8s/pod.yaml"),
    ])
    func relativeURIsAreEncodedReferences(path: String, uri: String) throws {
        let artifact = try artifact(for: path)
        #expect(artifact["uri"] as? String == uri)
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test(arguments: [
        ("../shared/daemon.json", "file:///srv/shared/daemon.json"),
        ("a/../../x y.json", "file:///srv/x%20y.json"),
        ("../../../../etc/docker/daemon.json", "file:///etc/docker/daemon.json"),
        ("/etc/docker/daemon.json", "file:///etc/docker/daemon.json"),
        ("/srv/checkoutor/a.yaml", "file:///srv/checkoutor/a.yaml"),
    ])
    func pathsOutsideTheBaseAreAbsolute(path: String, uri: String) throws {
        let artifact = try artifact(for: path)
        #expect(artifact["uri"] as? String == uri)
        #expect(artifact["uriBaseId"] == nil)
    }

    @Test func anEncodedBaseIsMatchedDecoded() throws {
        let artifact = try artifact(for: "/home/me/my repo/k8s/pod.yaml", baseURI: "file:///home/me/my%20repo/")
        #expect(artifact["uri"] as? String == "k8s/pod.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test func fingerprintsArePresentAndStable() throws {
        let first = try results(try run(render())).map { $0["partialFingerprints"] as? [String: String] }
        let second = try results(try run(render())).map { $0["partialFingerprints"] as? [String: String] }
        #expect(first == second)
        let expected = Fixture.findings.sorted(by: Finding.ordered).map { ["sockaudit/v1": $0.fingerprint] }
        #expect(first == expected)

        // Lines moving (an edit above the finding) must not change the fingerprint.
        var moved = Fixture.result
        moved.findings = moved.findings.map { var finding = $0; finding.location.line += 10; return finding }
        let third = try results(try run(render(moved))).map { $0["partialFingerprints"] as? [String: String] }
        #expect(third == first)
    }

    @Test func suppressedFindingsCarryTheirJustification() throws {
        let results = try results(try run(render()))
        let suppressed = results.filter { $0["suppressions"] != nil }
        try #require(suppressed.count == 1)
        #expect(suppressed[0]["ruleId"] as? String == "SA402")
        #expect(suppressed[0]["suppressions"] as? [[String: String]]
            == [["kind": "inSource", "justification": "node-exporter must see the host's interfaces"]])
    }

    @Test func configurationSuppressionsAreExternal() throws {
        let results = try results(try run(render(Fixture.gating)))
        let kinds = results.compactMap { ($0["suppressions"] as? [[String: String]])?.first?["kind"] }
        #expect(kinds == ["inSource", "external"])
    }

    @Test func baselineStateOnlyAfterAComparison() throws {
        #expect(try results(try run(render())).allSatisfy { $0["baselineState"] == nil })

        let results = try results(try run(render(Fixture.gating)))
        let states = results.map { "\($0["ruleId"] ?? "") \($0["baselineState"] ?? "")" }
        #expect(states == ["SA102 new", "SA402 new", "SA203 unchanged", "SA308 new", "SA308 new", "SA101 new",
                           "SA301 new"])

        // Everything recorded was fixed and nothing matched: still a comparison, so every result is new.
        var fixedOnly = Fixture.result
        fixedOnly.fixedSinceBaseline = [Fixture.fixedEntry]
        #expect(try self.results(try run(render(fixedOnly))).allSatisfy { $0["baselineState"] as? String == "new" })
    }

    @Test func aFindingWithoutRuleMetadataStillHasADescriptor() throws {
        let run = try run(render(Fixture.result([Fixture.finding("SA901", .high)])))
        let rules = try rules(run)
        #expect(rules.count == 1)
        #expect(rules.first?["id"] as? String == "SA901")
        #expect(rules.first?["name"] as? String == "RuleSa901")
        #expect(try results(run).first?["ruleIndex"] as? Int == 0)
    }

    @Test func emptyResultIsAValidRun() throws {
        let run = try run(render(Fixture.empty))
        #expect(try results(run).isEmpty)
        #expect(try rules(run).isEmpty)
    }

    @Test func sameInputSameBytes() {
        #expect(render() == render())
    }
}
