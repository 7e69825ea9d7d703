import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditRules

/// `sockaudit rules`: the catalogue.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules sockaudit checks.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let rules = BuiltInRules.all.map { $0.description }
        switch format {
        case .text:
            for rule in rules {
                let id = rule.id.padding(toLength: 7, withPad: " ", startingAt: 0)
                let slug = rule.slug.padding(toLength: 30, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                Terminal.out("\(id)\(slug)\(severity)\(rule.summary)\n")
            }
        case .json:
            Terminal.out(try RuleCatalogueJSON.render(rules) + "\n")
        }
    }
}

/// The catalogue as JSON: stable keys, one object per rule.
enum RuleCatalogueJSON {
    struct Catalogue: Encodable {
        var schemaVersion = "1.0"
        var rules: [Entry]
    }

    struct Entry: Encodable {
        var id, slug, severity, summary, rationale, remediation: String
        var inputs: [String]
        var references: [String]
    }

    static func render(_ rules: [RuleDescription]) throws -> String {
        let entries = rules.map {
            Entry(id: $0.id, slug: $0.slug, severity: $0.severity.rawValue, summary: $0.summary,
                  rationale: $0.rationale, remediation: $0.remediation, inputs: $0.inputs.map(\.rawValue),
                  references: $0.references.map(\.text))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Catalogue(rules: entries)), as: UTF8.self)
    }
}
