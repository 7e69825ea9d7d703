import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditReporters
import SockAuditRules
import SockAuditScanner

/// `sockaudit scan [PATH ...]`: scan files and folders.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files and folders (`-` for standard input) for daemon-socket exposure and weak container settings.",
        discussion: """
            Exit codes: 0 no finding at or above --fail-on and every file in scope scanned; 1 findings \
            at or above --fail-on; 2 a usage, configuration or I/O error of the run itself; 3 the scan \
            is incomplete: no finding reaches --fail-on, but a file in scope could not be read or \
            parsed (SA901), so "no findings" does not mean clean. Suppressed findings and findings in \
            the --baseline never fail the run.
            """)

    @OptionGroup var input: ScanInputOptions

    @Option(help: "Output format: \(ReporterName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReporterName = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher: info, low, medium, high, critical (default: the configuration's fail-on, else low).")
    var failOn: Severity?

    @Option(help: "A baseline written by `sockaudit baseline`: findings in it do not fail the run; fixed ones are listed.")
    var baseline: String?

    func run() throws {
        let configuration = try input.loadConfiguration()
        let result = try input.run(input.scanOptions(configuration: configuration, baseline: try ReportOutput.loadBaseline(baseline)))
        try ReportOutput.emit(
            result, format: format, output: output, summary: Summary.line(result), failOn: failOn, configuration: configuration)
    }
}

extension Severity: ExpressibleByArgument {}
extension ReporterName: ExpressibleByArgument {}
