import Foundation
import Testing

@Suite struct CatalogueCommandTests {
    @Test func rulesAsTextAndJSON() throws {
        let text = try CLI.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("SA101  runtime-socket-mount          high     A container can reach a container-runtime API socket on the host."))
        let json = try CLI.run(["rules", "--format", "json"])
        let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rules = try #require(catalogue["rules"] as? [[String: Any]])
        #expect(rules.first?["id"] as? String == "SA101")
        #expect((rules.first?["references"] as? [String])?.contains("CIS Docker Benchmark v1.6.0 5.32") == true)
    }

    @Test func explainBySlugWithExamples() throws {
        let run = try CLI.run(["explain", "runtime-socket-mount"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("SA101 runtime-socket-mount (high)\n"))
        #expect(run.stdout.contains("Why it matters"))
        #expect(run.stdout.contains("socket proxy"))
        #expect(run.stdout.contains("Reported (↓ marks where the finding lands)"))
        let unknown = try CLI.run(["explain", "SA999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown rule 'SA999'"))
    }
}
