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

    /// A report larger than the reader's 1 MiB chunks, read from its file a finding at a time:
    /// findings that straddle a chunk boundary, and strings with every escape JSON has (control
    /// characters, quotes, `\u` escapes, characters outside the BMP), come back as written.
    @Test func streamsALargeReportFromItsFile() throws {
        var findings: [Finding] = []
        for index in 0..<2_500 {
            findings.append(Fixture.finding(
                "SA101", .high, path: "repos/r\(index % 40)/we\"ird\t/x\u{1}\(index).yaml", line: index + 1,
                message: "a\u{0}b\u{8}c\u{c}\r\n\\/</x> é ✓ \u{2028} 🐳 \(String(repeating: "m", count: index % 700))"))
        }
        var result = Fixture.result(findings, rules: [Fixture.socketMount])
        result.identity = sharded.identity
        let text = JSONReporter(tool: Fixture.tool).render(result)
        #expect(text.utf8.count > 3 << 19)  // a chunk and a half at least
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-report-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)

        let stream = try JSONReportReader.Stream(path: file.path)
        var streamed: [Finding] = []
        while let finding = try stream.next() { streamed.append(finding) }
        #expect(streamed == result.findings.sorted(by: Finding.ordered))
        #expect(try stream.summary().filesScanned == result.filesScanned)
        #expect(stream.identity == result.identity)
        #expect(try stream.next() == nil)
    }

    /// A report cut short or broken in its findings names the finding where reading stopped.
    @Test func namesTheFindingWhereAReportBreaks() throws {
        let text = JSONReporter(tool: Fixture.tool).render(sharded)
        let second = try #require(text.range(of: "\"ruleId\"", range: text.range(of: "\"ruleId\"")!.upperBound..<text.endIndex))
        let cases: [(String, String)] = [
            (String(text[..<second.lowerBound]), "malformed JSON report (not valid JSON at .findings[1])"),
            (text.replacingOccurrences(of: "\"line\": ", with: "\"line\": \"x\", \"l\": "),
             "malformed JSON report (unexpected value at .findings[0].location.line)"),
            (text.replacingOccurrences(of: "\"slug\"", with: "\"slag\""), "malformed JSON report (no .findings[0].slug)"),
        ]
        for (broken, message) in cases {
            do {
                let report = try JSONReportReader.read(Data(broken.utf8))
                Issue.record("read \(report.findings.count) findings from a broken report")
            } catch {
                #expect(error.description == message)
            }
        }
    }
}
