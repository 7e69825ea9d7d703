import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

/// The JSON report carries everything a merge needs: read back, it renders the same bytes in every format.
@Suite struct JSONReportReaderTests {
    private var sharded: ScanResult {
        var result = Fixture.gating
        result.identity = ScanIdentity(
            paths: ["repos"], shard: Shard(index: 2, count: 4), settings: "0123456789abcdef", failOn: .high,
            comparedWithBaseline: true)
        result.linksNotFollowed = ["repos/a/link", "repos/b/link"]
        return result
    }

    @Test func readsBackWhatItWrites() throws {
        let text = JSONReporter(tool: Fixture.tool).render(sharded)
        let report = try JSONReportReader.read(Data(text.utf8))
        #expect(report.tool == Fixture.tool)
        #expect(report.identity == sharded.identity)
        #expect(report.summary.fixedSinceBaseline == [Fixture.fixedEntry])
        #expect(report.summary.linksNotFollowed == ["repos/a/link", "repos/b/link"])
        #expect(report.findings == sharded.findings.sorted(by: Finding.ordered))
        var back = ScanResult(
            findings: report.findings, filesScanned: report.summary.filesScanned, filesSkipped: report.summary.filesSkipped,
            rules: sharded.rules)
        back.identity = report.identity
        back.fixedSinceBaseline = report.summary.fixedSinceBaseline
        back.linksNotFollowed = report.summary.linksNotFollowed
        for name in ReporterName.allCases {
            let reporter = name.reporter(ReporterSettings(baseURI: Fixture.baseURI, tool: Fixture.tool))
            #expect(reporter.render(back) == reporter.render(sharded), "\(name)")
        }
    }

    @Test func refusesOtherSchemasAndMalformedReports() throws {
        let old = #"{"schemaVersion": "2.0", "tool": {"name": "sockaudit", "version": "0.0.9", "informationUri": "x"}}"#
        #expect(throws: JSONReportReader.Failure.self) { try JSONReportReader.read(Data(old.utf8)) }
        do {
            _ = try JSONReportReader.read(Data(old.utf8))
        } catch {
            #expect(error.description.contains("schema 2.0, written by sockaudit 0.0.9"))
        }
        do {
            _ = try JSONReportReader.read(Data("[1, 2".utf8))
        } catch {
            #expect(error.description.hasPrefix("not a sockaudit JSON report"))
        }
        var text = JSONReporter(tool: Fixture.tool).render(sharded)
        text = text.replacingOccurrences(of: "\"severity\": \"critical\"", with: "\"severity\": \"dire\"")
        do {
            _ = try JSONReportReader.read(Data(text.utf8))
            Issue.record("a report with an unknown severity was read")
        } catch {
            #expect(error.description == "malformed JSON report (severity \"dire\")")
        }
    }
}
