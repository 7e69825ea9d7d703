import Foundation
import SockAuditCore
import SockAuditRules
import Testing
import SockAuditParsers
@testable import SockAuditScanner

@Suite struct PolicyTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers:
          - name: a
            image: busybox
            securityContext:
              privileged: true
            volumeMounts: [{name: s, mountPath: /s}]
          volumes:
          - {name: s, hostPath: {path: /var/run/docker.sock}}
        """

    func scan(_ text: String = pod, path: String = "deploy/agent/pod.yaml", _ configure: (inout ScanOptions) -> Void = { _ in }) -> ScanResult {
        var options = ScanOptions(rules: BuiltInRules.all, today: "2026-11-24")
        configure(&options)
        return Scanner(options: options).scan(sources: [SourceFile(path: path, bytes: Array(text.utf8))])
    }

    func configuration(_ yaml: String) throws -> Configuration {
        try ConfigurationLoader.parse(yaml, path: ".sockaudit.yml", rules: BuiltInRules.all.map { $0.description })
    }

    @Test func pathSuppressionMarksAndKeepsTheFinding() throws {
        let config = try configuration("""
            suppressions:
              - paths: ["deploy/agent/*.yaml"]
                rules: [runtime-socket-mount]
                reason: the agent lists containers; reviewed in SEC-7
                expires: 2027-01-31
            """)
        let result = scan { $0.configuration = config }
        let sa101 = try #require(result.findings.first { $0.ruleID == "SA101" })
        #expect(sa101.suppression == Suppression(
            reason: "the agent lists containers; reviewed in SEC-7", source: ".sockaudit.yml:2", kind: .external))
        #expect(!result.activeFindings.contains { $0.ruleID == "SA101" })
        #expect(result.activeFindings.contains { $0.ruleID == "SA301" })
        #expect(!result.findings.contains { $0.ruleID == "SA903" })
    }

    /// SARIF tells a comment in the file (`inSource`) from a suppression kept elsewhere (`external`).
    @Test func suppressionKindSaysWhereItIsWritten() throws {
        let descriptions = BuiltInRules.all.map { $0.description }
        var configuration = Configuration()
        configuration.suppressions = [PathSuppression(
            paths: ["c.yaml"], rules: [], reason: "config", expires: nil,
            location: SourceLocation(path: ".sockaudit.yml", line: 3, column: 5))]
        let policy = Policy(
            configuration: configuration, today: "2026-11-24", honoursSuppressions: true, rules: descriptions,
            staleSuppression: StaleSuppressionRule.description)
        func finding(_ path: String) -> Finding {
            Finding(ruleID: "SA101", slug: "runtime-socket-mount", severity: .high, message: "m",
                    location: SourceLocation(path: path, line: 2, column: 1))
        }
        let directives = [
            SuppressionDirective(
                location: SourceLocation(path: "a.yaml", line: 1, column: 1), rules: ["SA101"], reason: "inline",
                lines: 1...2),
            SuppressionDirective(
                location: SourceLocation(path: "b.json", line: 1, column: 1), rules: ["SA101"], reason: "sidecar",
                lines: 1...Int.max, sidecar: SourceLocation(path: "b.json.sockaudit-ignore", line: 1, column: 1)),
        ]
        let result = policy.apply([finding("a.yaml"), finding("b.json"), finding("c.yaml")], directives: directives)
        let kinds = result.map { [$0.location.path: $0.suppression?.kind] }
        #expect(kinds == [["a.yaml": .inSource], ["b.json": .external], ["c.yaml": .external]])
    }

    @Test func suppressionsEncodedWithoutAKindDecodeAsInSource() throws {
        let old = Data(#"{"reason":"r","source":"a.yaml:1"}"#.utf8)
        #expect(try JSONDecoder().decode(Suppression.self, from: old) == Suppression(reason: "r", source: "a.yaml:1"))
        let external = Suppression(reason: "r", source: ".sockaudit.yml:2", kind: .external)
        #expect(try JSONDecoder().decode(Suppression.self, from: JSONEncoder().encode(external)) == external)
    }

    @Test func expiredSuppressionStopsSuppressingAndSaysSo() throws {
        let config = try configuration("""
            suppressions:
              - {paths: [deploy/**], rules: [SA101], reason: temporary, expires: 2026-11-01}
              - {paths: [other/**], reason: nothing here}
            """)
        let result = scan { $0.configuration = config }
        #expect(result.activeFindings.contains { $0.ruleID == "SA101" })
        let stale = result.findings.filter { $0.ruleID == "SA903" }.map(\.message)
        #expect(stale.count == 2)
        #expect(stale.contains { $0.contains("expired on 2026-11-01") })
        #expect(stale.contains { $0.contains("unused suppression of every rule in other/**") })
    }

    @Test func disabledRulesAndSeverityOverrides() throws {
        let config = try configuration("""
            rules:
              disable: [SA303, writable-root-fs]
              severity: {runtime-socket-mount: critical}
            fail-on: high
            exclude: [vendor]
            """)
        #expect(config.failOn == .high)
        #expect(config.excludes == ["vendor"])
        let result = scan { $0.configuration = config }
        #expect(!result.findings.contains { $0.ruleID == "SA303" || $0.ruleID == "SA307" })
        #expect(result.findings.first { $0.ruleID == "SA101" }?.severity == .critical)
    }

    /// A pod with one unused directive (SA903) and one without a reason (SA902).
    static let staleAndUnjustified = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: a
            image: busybox
            # sockaudit:ignore SA301 -- was privileged once, fixed since
            securityContext:
              privileged: false  # sockaudit:ignore SA306
        """

    @Test func staleSuppressionsObeyDisabledRules() throws {
        #expect(scan(Self.staleAndUnjustified).findings.filter { $0.ruleID == "SA903" }.count == 1)
        let config = try configuration("rules:\n  disable: [SA903, unjustified-suppression]\n")
        let result = scan(Self.staleAndUnjustified) { $0.configuration = config }
        #expect(!result.findings.contains { $0.ruleID == "SA903" || $0.ruleID == "SA902" })
        #expect(result.findings.contains { $0.ruleID == "SA306" })
    }

    @Test func staleSuppressionsObeySeverityOverrides() throws {
        let config = try configuration("rules:\n  severity: {SA903: high, SA902: low}\n")
        let result = scan(Self.staleAndUnjustified) { $0.configuration = config }
        let stale = try #require(result.findings.first { $0.ruleID == "SA903" })
        #expect(stale.severity == .high)
        #expect(stale.location.line == 8)
        #expect(result.findings.filter { $0.ruleID == "SA902" }.map(\.severity) == [.low])
    }

    /// Directives are judged in the per-file pass only: one finding each, without a dedup to hide a second.
    @Test func unjustifiedSuppressionIsJudgedOnce() {
        let scanner = Scanner(options: ScanOptions(rules: BuiltInRules.all))
        let context = InputContext.inMemory([:])
        let work = [Scanner.WorkItem.source(SourceFile(path: "pod.yaml", bytes: Array(Self.staleAndUnjustified.utf8)))]
        let engine = Engine(rules: BuiltInRules.all)
        let files = scanner.perFilePass(work, context: context, engine: engine)
        let perFile = files.flatMap(\.findings).filter { $0.ruleID == "SA902" }
        let crossFile = scanner.crossFilePass(files, engine: engine, passedTogether: []).filter { $0.ruleID == "SA902" }
        #expect(perFile.count == 1)
        #expect(crossFile.isEmpty)
    }

    @Test func everyConfigurationProblemIsReportedAtOnce() {
        do {
            _ = try configuration("""
                fail-on: severe
                colour: true
                rules:
                  disable: [SA777]
                  enable: [SA101]
                suppressions:
                  - paths: [x]
                    rules: [SA101]
                  - paths: [y]
                    reason: ok
                    expires: next week
                    owner: me
                """)
            Issue.record("the configuration should have been refused")
        } catch let error as ConfigurationError {
            let lines = error.problems.map { "\($0.line):\($0.column) \($0.message)" }
            #expect(lines.count == 7, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("12:5 unknown key \"suppressions.owner\"") })
            #expect(lines.contains { $0.hasPrefix("1:10 invalid severity") })
            #expect(lines.contains { $0.hasPrefix("2:1 unknown key \"colour\"") })
            #expect(lines.contains { $0.hasPrefix("4:13 unknown rule \"SA777\"") })
            #expect(lines.contains { $0.hasPrefix("5:3 unknown key \"rules.enable\"") })
            #expect(lines.contains { $0.hasPrefix("7:5 a suppression needs a reason") })
            #expect(lines.contains { $0.contains("expires must be a date") })
            #expect(error.description.hasPrefix(".sockaudit.yml:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func noSuppressShowsEverything() {
        let text = Self.pod.replacingOccurrences(
            of: "  - {name: s,", with: "  # sockaudit:ignore SA101 -- reviewed\n  - {name: s,")
        #expect(scan(text).findings.first { $0.ruleID == "SA101" }?.suppression != nil)
        let all = scan(text) { $0.honoursSuppressions = false }
        #expect(all.findings.first { $0.ruleID == "SA101" }?.suppression == nil)
        #expect(!all.findings.contains { $0.ruleID == "SA903" })
    }

    @Test func baselineSurvivesMovedLinesAndReportsFixedOnes() throws {
        let before = scan()
        let baseline = Baseline(findings: before.findings)
        let encoded = try JSONEncoder().encode(baseline)
        let decoded = try JSONDecoder().decode(Baseline.self, from: encoded)
        #expect(decoded == baseline)

        // Lines move (a comment on top), privileged is fixed, and a new capability is added.
        let changed = "# moved down by a comment\n" + Self.pod
            .replacingOccurrences(of: "privileged: true", with: "privileged: false\n      capabilities: {add: [SYS_ADMIN]}")
        let after = scan(changed) { $0.baseline = decoded }
        #expect(after.findings.first { $0.ruleID == "SA101" }?.isBaselined == true)
        #expect(after.activeFindings.map(\.ruleID) == ["SA302"])
        #expect(after.fixedSinceBaseline.map(\.ruleId) == ["SA301"])
    }

    @Test func globs() {
        #expect(Glob.matches("deploy/**", "deploy/a/b.yaml"))
        #expect(Glob.matches("deploy", "deploy/a/b.yaml"))
        #expect(Glob.matches("*.yaml", "x/y/z.yaml"))
        #expect(Glob.matches("deploy/*/pod.yaml", "deploy/agent/pod.yaml"))
        #expect(!Glob.matches("deploy/*.yaml", "deploy/agent/pod.yaml"))
        #expect(Glob.matches("**/pod.yaml", "pod.yaml"))
        #expect(!Glob.matches("vendor", "src/vendor.yaml"))
    }
}
