import ArgumentParser
import SockAuditCore
import SockAuditReporters
import SockAuditScanner

/// Where and how the report goes and what fails the run: shared by `scan` and `host`.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: \(ReporterName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReporterName = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher: info, low, medium, high, critical (default: the configuration's fail-on, else low).")
    var failOn: Severity?

    @Option(help: "A baseline written by `sockaudit baseline`: findings in it do not fail the run; fixed ones are listed.")
    var baseline: String?

    /// The --baseline file, read; nil without one; an unreadable one exits 2.
    func loadBaseline() throws -> Baseline? {
        try ReportOutput.loadBaseline(baseline)
    }

    /// Runs `scan` and writes the report as it goes, then the summary line; exits as `emit` does.
    func stream(_ options: ScanOptions, configuration: Configuration, scan: ((Finding) -> Void) throws -> ScanSummary) throws {
        let start = ReportStart(
            rules: options.rules.map { $0.description }, comparedWithBaseline: !(options.baseline?.entries.isEmpty ?? true))
        try ReportOutput.stream(
            format: format, output: output, start: start, failOn: failOn, configuration: configuration, scan: scan)
    }

    /// Writes the report and the summary line, then exits as the result and --fail-on decide.
    func emit(_ result: ScanResult, summary: String, configuration: Configuration) throws {
        try ReportOutput.emit(
            result, format: format, output: output, summary: summary, failOn: failOn, configuration: configuration)
    }
}

extension Severity: ExpressibleByArgument {}
extension ReporterName: ExpressibleByArgument {}
