import Foundation
import Testing
@testable import sockaudit

/// What a report lists, apart from what fails the run: --min-severity, --max-results, --color.
@Suite struct ReportScopeCommandTests {
    @Test func minSeverityNarrowsTheReportNotTheExitCode() throws {
        let run = try CLI.run(["scan", "examples/kubernetes", "--min-severity", "high", "--fail-on", "low"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.contains(": high ") || $0.contains(": critical ") })
        #expect(run.stderr.contains("sockaudit: 7 findings below --min-severity high not reported"), "\(run.stderr)")
        // The exit code still counts what was not reported.
        let onlyCritical = try CLI.run(["scan", "examples/kubernetes", "--min-severity", "critical"])
        #expect(onlyCritical.stdout.isEmpty)
        #expect(onlyCritical.status == 1)
    }

    @Test func maxResultsCutsTheMostSevereLastAndSaysSo() throws {
        let run = try CLI.run(["scan", "examples/kubernetes", "--format", "sarif", "--max-results", "3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("sockaudit: the sarif report lists 3 of 15 findings, the most severe; not listed: 5 high, 2 medium, 5 low"), "\(run.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == 3)
        #expect(results.allSatisfy { $0["level"] as? String == "error" })

        let wrongFormat = try CLI.run(["scan", "examples/kubernetes", "--format", "json", "--max-results", "3"])
        #expect(wrongFormat.status == 2)
        #expect(wrongFormat.stderr.contains("--max-results applies to --format sarif, github and markdown"))
        #expect(try CLI.run(["scan", "examples/kubernetes", "--format", "sarif", "--max-results", "0"]).status == 2)
    }

    @Test func colourFollowsTheFlagNoColorAndDumbTerminals() throws {
        let always = try CLI.run(["scan", "examples/kubernetes", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["))
        let never = try CLI.run(["scan", "examples/kubernetes", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(ColorChoice.auto.colors(toTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.colors(toTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.auto.colors(toTerminal: true, environment: ["NO_COLOR": ""]), "an empty NO_COLOR is unset")
        #expect(!ColorChoice.auto.colors(toTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!ColorChoice.auto.colors(toTerminal: false, environment: [:]))
        #expect(ColorChoice.always.colors(toTerminal: false, environment: ["NO_COLOR": "1"]), "asked for explicitly")
    }
}

/// A severity override in `.sockaudit.yml` reaches SARIF on the result and on the rule.
@Suite struct ConfiguredSeverityCommandTests {
    @Test func aSeverityOverrideReachesTheSARIFResultAndRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-severity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("rules:\n  severity: {SA301: info}\n".utf8).write(to: folder.appendingPathComponent(".sockaudit.yml"))
        try Data("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: a, image: x, securityContext: {privileged: true}}
            """.utf8).write(to: folder.appendingPathComponent("pod.yaml"))
        let run = try CLI.run(["scan", ".", "--format", "sarif"], in: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((sarifRun["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "SA301" })
        #expect(result["level"] as? String == "note")
        #expect((result["properties"] as? [String: Any])?["security-severity"] as? String == "1.0")
        let rules = try #require(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let rule = try #require(rules.first { $0["id"] as? String == "SA301" })
        #expect((rule["properties"] as? [String: Any])?["security-severity"] as? String == "1.0")
    }
}
