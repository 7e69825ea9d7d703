import Foundation
import Testing

/// One version string: `sockaudit --version`, the reports' tool version, the newest CHANGELOG
/// heading, and every release tag or version the docs name (`v` + version) agree.
@Suite struct VersionAgreementTests {
    static func read(_ relative: String) throws -> String {
        try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func versionChangelogReportsAndDocsAgree() throws {
        let printed = try CLI.run(["--version"])
        #expect(printed.status == 0)
        let version = printed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.matches(#"^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$"#, in: version) == [version], "not a semantic version: \(version)")

        // The newest CHANGELOG entry is this version.
        let headings = try Self.matches(#"^## (\S+)"#, in: try Self.read("CHANGELOG.md"))
        #expect(headings.first == version, "CHANGELOG's newest heading \(headings.first ?? "none") is not \(version)")

        // Reports carry it.
        let json = try CLI.run(["scan", "examples/compose", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["tool"] as? [String: Any])?["version"] as? String == version)
        let sarif = try CLI.run(["scan", "examples/compose", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let driver = ((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["version"] as? String == version)
        #expect(driver?["semanticVersion"] as? String == version)

        // Every release tag a document names is this version's; no doc pins another.
        var documents = ["README.md", "CHANGELOG.md", "SECURITY.md", "action.yml", "Dockerfile"]
        let docs = try FileManager.default.contentsOfDirectory(atPath: CLI.repositoryRoot.appendingPathComponent("docs").path)
        documents += docs.filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        var tagsSeen = 0
        for document in documents {
            let text = try Self.read(document)
            // sockaudit's own tags: `vX.Y.Z`, a pre-commit rev, an action ref, a release download
            // (other projects' versions, Helm v4 or CIS v1.6.0, are written without these).
            for tag in try Self.matches(#"(?:`v|rev: v|sockaudit@v|download/v)(\d+\.\d+\.\d+)"#, in: text) {
                tagsSeen += 1
                #expect(tag == version, "\(document) names v\(tag), the version is \(version)")
            }
            for quoted in try Self.matches(#""version": "(\d+\.\d+\.\d+)""#, in: text) {
                #expect(quoted == version, "\(document) shows version \(quoted), the version is \(version)")
            }
        }
        #expect(tagsSeen > 0, "no document names the release tag")
    }
}
