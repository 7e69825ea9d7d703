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

    /// A page shows the first reported and the first silent example of each input; the rest are one
    /// flag away.
    @Test func explainShowsAFewExamplesPerInput() throws {
        let short = try CLI.run(["explain", "SA101"])
        let all = try CLI.run(["explain", "SA101", "--all-examples"])
        #expect(short.status == 0 && all.status == 0)
        func examples(_ page: String) -> [String] { page.split(separator: "\n").filter { $0.hasPrefix("  --- ") }.map(String.init) }
        // one reported and one not, for each of k8s, inspect, compose and cli
        #expect(examples(short.stdout).filter { $0 == "  --- pod.yaml" }.count == 2)
        #expect(examples(short.stdout).filter { $0 == "  --- inspect.json" }.count == 2)
        #expect(examples(short.stdout).filter { $0 == "  --- run.sh" }.count == 2)
        #expect(examples(all.stdout).count > examples(short.stdout).count)
        #expect(short.stdout.hasSuffix(" more examples: sockaudit explain SA101 --all-examples\n"))
        #expect(!all.stdout.contains("--all-examples"))
        #expect(short.stdout.split(separator: "\n").count * 2 < all.stdout.split(separator: "\n").count)
    }
}
