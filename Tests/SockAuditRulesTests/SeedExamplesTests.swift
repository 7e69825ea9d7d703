import Foundation
import SockAuditCore
import SockAuditRules
import SockAuditScanner
import Testing

/// The Kubernetes examples of the seed document the project grew from (`shared/seeds/000_*`):
/// each non-compliant document fires SA101 on its `path:` line, the compliant one is silent.
/// Where the shared seeds sit: beside the repository (CI's layout), or where SOCKAUDIT_SEEDS says.
private let seedFile: URL? = {
    let environment = ProcessInfo.processInfo.environment["SOCKAUDIT_SEEDS"]
    let seeds = environment.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/seeds").standardized
    let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
    return names.first { $0.hasPrefix("000_") }.map { seeds.appendingPathComponent($0) }
}()

@Suite(.enabled(if: seedFile != nil, "the shared seeds sit beside the repository"))
struct SeedExamplesTests {
    /// The YAML code blocks under a heading, in order.
    static func yamlBlocks(after heading: String) throws -> [String] {
        let text = try String(contentsOf: try #require(seedFile), encoding: .utf8)
        let section = try #require(text.components(separatedBy: heading).dropFirst().first)
        return section.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    static func scan(_ yaml: String) -> [Finding] {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: "seed.yaml", bytes: Array(yaml.utf8))]).findings
    }

    @Test func nonCompliantDocumentsFireOnThePathLine() throws {
        let blocks = try Self.yamlBlocks(after: "## Non-Compliant Code Examples")
        let yaml = try #require(blocks.first)
        let pathLines = yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("path: /var/run/docker.sock") }.map { $0.offset + 1 }
        #expect(pathLines.count == 3)
        let findings = Self.scan(yaml).filter { $0.ruleID == "SA101" }
        #expect(findings.map(\.location.line) == pathLines)
        #expect(Self.scan(yaml).filter { $0.ruleID == "SA901" }.isEmpty)
    }

    @Test func compliantDocumentIsSilent() throws {
        let blocks = try Self.yamlBlocks(after: "## Compliant Code Examples")
        let yaml = try #require(blocks.first)
        let findings = Self.scan(yaml)
        #expect(!findings.isEmpty, "the compliant pod still lacks hardening (SA3xx), so the scan did run")
        #expect(findings.filter { $0.ruleID == "SA101" || $0.ruleID == "SA901" }.isEmpty)
    }
}
