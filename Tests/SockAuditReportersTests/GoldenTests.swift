import Testing
import SockAuditReporters

@Suite struct GoldenTests {
    @Test func text() throws {
        try GoldenFile.expect(TextReporter().render(Fixture.result), matches: "text.txt")
    }

    @Test func textGroupedColor() throws {
        try GoldenFile.expect(
            TextReporter(color: true, grouped: true).render(Fixture.result), matches: "text-grouped-color.txt")
    }

    @Test func json() throws {
        try GoldenFile.expect(JSONReporter(tool: Fixture.tool).render(Fixture.result), matches: "report.json")
    }

    @Test func sarif() throws {
        try GoldenFile.expect(
            SARIFReporter(baseURI: Fixture.baseURI, tool: Fixture.tool).render(Fixture.result), matches: "report.sarif")
    }

    @Test func sarifComparedWithBaseline() throws {
        try GoldenFile.expect(
            SARIFReporter(baseURI: Fixture.baseURI, tool: Fixture.tool).render(Fixture.gating),
            matches: "report-baseline.sarif")
    }

    @Test func junit() throws {
        try GoldenFile.expect(JUnitReporter().render(Fixture.gating), matches: "report.junit.xml")
    }

    @Test func github() throws {
        try GoldenFile.expect(GitHubReporter().render(Fixture.gating), matches: "github.txt")
    }

    @Test func markdown() throws {
        try GoldenFile.expect(MarkdownReporter().render(Fixture.gating), matches: "summary.md")
    }
}
