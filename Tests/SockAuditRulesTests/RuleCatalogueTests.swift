import Foundation
import SockAuditCore
import SockAuditRules
import Testing

/// The catalogue's own promises: unique IDs and slugs, complete metadata, every rule file registered.
@Suite struct RuleCatalogueTests {
    @Test func idsAndSlugsAreUniqueAndWellFormed() {
        let descriptions = BuiltInRules.all.map { $0.description }
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
        #expect(Set(descriptions.map(\.slug)).count == descriptions.count)
        for rule in descriptions {
            #expect(rule.id.wholeMatch(of: /SA[1-9][0-9]{2}/) != nil, "\(rule.id)")
            #expect(rule.slug.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(rule.slug)")
        }
    }

    @Test func everyRuleHasItsMetadata() {
        for rule in BuiltInRules.all.map({ $0.description }) {
            #expect(!rule.summary.isEmpty, "\(rule.id) summary")
            #expect(rule.rationale.count > 40, "\(rule.id) rationale")
            #expect(rule.remediation.hasSuffix("."), "\(rule.id) remediation must end with a full stop")
            #expect(!rule.inputs.isEmpty, "\(rule.id) inputs")
            if !rule.id.hasPrefix("SA9") {  // the scan's own rules map to no benchmark item
                #expect(rule.references.contains { if case .cisDocker = $0 { true } else { false } },
                        "\(rule.id) names no CIS Docker Benchmark item")
            }
        }
    }

    @Test func catalogueIsInIDOrder() {
        let ids = BuiltInRules.all.map { $0.description.id }
        #expect(ids == ids.sorted())
    }

    /// The file, the type and the slug agree, and every rule file is in BuiltInRules.
    @Test func everyRuleFileIsRegistered() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/SockAuditRules").standardized
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let ruleFiles = files.filter { $0.hasSuffix("Rule.swift") && !$0.hasSuffix("/LimitRule.swift")
            && !$0.hasSuffix("/HostNamespaceRule.swift") }
        #expect(!ruleFiles.isEmpty)
        let registered = Set(BuiltInRules.all.map { String(describing: type(of: $0)) })
        for file in ruleFiles {
            let typeName = String(file.split(separator: "/").last!.dropLast(".swift".count))
            #expect(registered.contains(typeName), "\(file) is not in BuiltInRules.all")
        }
        for rule in BuiltInRules.all {
            let typeName = String(describing: type(of: rule))
            let fromSlug = rule.description.slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Rule"
            #expect(typeName.lowercased() == fromSlug.lowercased(), "\(typeName) vs slug \(rule.description.slug)")
        }
    }

    @Test func lookupByIDOrSlug() {
        #expect(BuiltInRules.rule(named: "sa101")?.description.slug == "runtime-socket-mount")
        #expect(BuiltInRules.rule(named: "runtime-socket-mount")?.description.id == "SA101")
        #expect(BuiltInRules.rule(named: "SA999") == nil)
    }
}
