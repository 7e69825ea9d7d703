import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct ReporterNameTests {
    @Test func namesAreTheCLIsFormatValues() {
        #expect(ReporterName.allCases.map(\.rawValue) == ["text", "json"])
        #expect(ReporterName(rawValue: "json") == .json)
        #expect(ReporterName(rawValue: "xml") == nil)
    }

    @Test func factoryPassesSettingsThrough() {
        let settings = ReporterSettings(color: true, grouped: true, baseURI: "file:///srv/repo/", tool: Fixture.tool)
        #expect(ReporterName.text.reporter(settings).render(Fixture.result)
            == TextReporter(color: true, grouped: true).render(Fixture.result))
        #expect(ReporterName.json.reporter(settings).render(Fixture.result)
            == JSONReporter(tool: Fixture.tool).render(Fixture.result))
    }

    @Test func defaultToolIsSockaudit() {
        #expect(ToolInfo.sockaudit == ToolInfo(
            name: "sockaudit", version: "0.1.0", informationURI: "https://github.com/sockaudit/sockaudit"))
        #expect(ReporterSettings(baseURI: "file:///").tool == .sockaudit)
    }
}
