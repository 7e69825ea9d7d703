import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct ReporterNameTests {
    @Test func namesAreTheCLIsFormatValues() {
        #expect(ReporterName.allCases.map(\.rawValue) == ["text", "json", "sarif", "junit", "github", "markdown", "html"])
        #expect(ReporterName(rawValue: "sarif") == .sarif)
        #expect(ReporterName(rawValue: "xml") == nil)
    }

    @Test func factoryPassesSettingsThrough() {
        let settings = ReporterSettings(color: true, grouped: true, baseURI: "file:///srv/repo/", tool: Fixture.tool)
        #expect(ReporterName.text.reporter(settings).render(Fixture.result)
            == TextReporter(color: true, grouped: true).render(Fixture.result))
        #expect(ReporterName.json.reporter(settings).render(Fixture.result)
            == JSONReporter(tool: Fixture.tool).render(Fixture.result))
        #expect(ReporterName.sarif.reporter(settings).render(Fixture.result)
            == SARIFReporter(baseURI: "file:///srv/repo/", tool: Fixture.tool).render(Fixture.result))
        #expect(ReporterName.junit.reporter(settings).render(Fixture.result) == JUnitReporter().render(Fixture.result))
        #expect(ReporterName.github.reporter(settings).render(Fixture.result) == GitHubReporter().render(Fixture.result))
        #expect(ReporterName.markdown.reporter(settings).render(Fixture.result)
            == MarkdownReporter().render(Fixture.result))
    }

    @Test func defaultToolIsSockaudit() throws {
        #expect(ToolInfo.sockaudit.version == "0.1.0")
        let output = ReporterName.json.reporter(ReporterSettings(baseURI: "file:///")).render(Fixture.result)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let tool = try #require(document["tool"] as? [String: String])
        #expect(tool == ["name": "sockaudit", "version": "0.1.0",
                         "informationUri": "https://github.com/sockaudit/sockaudit"])
    }
}
