import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditReporters
import SockAuditRules

/// `sockaudit merge REPORT...`: the JSON reports of a sweep's shards -> the report a single scan
/// over everything gives, in any format, with its exit code.
struct MergeCommand: ParsableCommand, ReportChoices {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of a sharded sweep (`scan --shard I/N --format json`) into one report.",
        discussion: """
            Gives the report, summary and exit code a single `sockaudit scan` of all the paths gives \
            (run from the same folder). Reports from another sockaudit version, from different scans, \
            a shard given twice or a shard missing are refused (exit 2), each named.
            """)

    @Argument(help: "The shards' JSON reports, every shard exactly once, in any order.")
    var reports: [String]

    @Option(help: ReportHelp.format)
    var format: ReporterName = .text

    @Option(help: ReportHelp.output)
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher (default: the threshold the shards ran with).")
    var failOn: Severity?

    @Option(name: .customLong("min-severity"), help: ReportHelp.minSeverity)
    var minSeverity: Severity?

    @Option(name: .customLong("max-results"), help: ReportHelp.maxResults)
    var maxResults: Int?

    @Option(help: ReportHelp.color)
    var color: ColorChoice = .auto

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("name the shards' JSON reports") }
        try validateLimits()
    }

    /// Reads every report twice, one finding at a time: first to check it and learn what the merge
    /// must know beforehand (its counts, the suppressions it used, its findings outside its own
    /// repositories), then to merge the findings as the report is written. Nothing proportional to
    /// the findings is held.
    func run() throws {
        var surveys: [SweepMerge.Survey] = []
        var problems: [String] = []
        for path in reports {
            do throws(JSONReportReader.Failure) {
                let report = try JSONReportReader.Stream(path: path)
                var reader = SweepMerge.Survey.Reader(name: path, toolVersion: report.tool.version, identity: report.identity)
                while let finding = try report.next() { reader.add(finding) }
                surveys.append(reader.finish(try report.summary()))
            } catch {
                problems.append("\(path): \(error)")
            }
        }
        guard problems.isEmpty else {
            Terminal.error("sockaudit: cannot merge\n" + problems.joined(separator: "\n"))
            throw ExitCode(2)
        }
        do {
            try SweepMerge.check(surveys, toolVersion: ToolInfo.sockaudit.version, thresholdGiven: failOn != nil)
        } catch {
            Terminal.error("sockaudit: cannot merge\n\(error)")
            throw ExitCode(2)
        }
        var identity = SweepMerge.identity(of: surveys)
        identity.failOn = failOn ?? identity.failOn
        identity.minSeverity = minSeverity
        let start = ReportStart(
            rules: BuiltInRules.all.map { $0.description }, comparedWithBaseline: identity.comparedWithBaseline, identity: identity)
        var choices = Choices(self)
        choices.failOn = identity.failOn
        try ReportOutput.stream(choices, start: start, configuration: Configuration(), summaryLine: Summary.line) { emit in
            var streams: [JSONReportReader.Stream] = []
            var reading = 0
            do throws(JSONReportReader.Failure) {
                for path in reports {
                    streams.append(try JSONReportReader.Stream(path: path))
                    reading += 1
                }
                return try SweepMerge.merge(surveys, next: { index throws(JSONReportReader.Failure) in
                    reading = index
                    return try streams[index].next()
                }, emit: emit)
            } catch {
                // Only a report changed between the two readings gets here.
                Terminal.error("sockaudit: cannot merge\n\(reports[min(reading, reports.count - 1)]): \(error)")
                throw ExitCode(2)
            }
        }
    }

    /// The options as given, with the threshold the merge settled on.
    struct Choices: ReportChoices {
        var format: ReporterName, output: String?, failOn: Severity?, minSeverity: Severity?, maxResults: Int?, color: ColorChoice

        init(_ given: some ReportChoices) {
            (format, output, failOn) = (given.format, given.output, given.failOn)
            (minSeverity, maxResults, color) = (given.minSeverity, given.maxResults, given.color)
        }
    }
}
