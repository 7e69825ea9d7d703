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

    @Option(name: .customLong("min-severity"), help: "Report only findings of this severity or higher (SA901, a file not scanned, is always reported); --fail-on still decides the exit code.")
    var minSeverity: Severity?

    @Option(name: .customLong("max-results"), help: "sarif, github and markdown: list at most this many findings, the most severe (defaults fit GitHub: 25,000 SARIF results, 10 annotations of each level, 200 rows per table); the report and standard error say what was left out.")
    var maxResults: Int?

    @Option(help: "Colour text output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if let maxResults {
            guard maxResults > 0 else { throw ValidationError("--max-results must be positive") }
            guard format.isLimited else {
                throw ValidationError("--max-results applies to --format sarif, github and markdown; \(format.rawValue) lists every finding")
            }
        }
    }

    /// The --baseline file, read; nil without one; an unreadable one exits 2.
    func loadBaseline() throws -> Baseline? {
        try ReportOutput.loadBaseline(baseline)
    }

    /// Runs `scan` and writes the report as it goes, then the summary line; exits as `emit` does.
    func stream(_ options: ScanOptions, configuration: Configuration, scan: ((Finding) -> Void) throws -> ScanSummary) throws {
        let start = ReportStart(
            rules: options.reportedRules, comparedWithBaseline: !(options.baseline?.entries.isEmpty ?? true))
        try ReportOutput.stream(self, start: start, configuration: configuration, summaryLine: Summary.line, scan: scan)
    }

    /// Writes a result held whole (`host`) through the same writer, then `summary` and the exit code.
    func emit(_ result: ScanResult, summary: String, configuration: Configuration) throws {
        let start = ReportStart(rules: result.rules, comparedWithBaseline: result.wasComparedWithBaseline)
        try ReportOutput.stream(self, start: start, configuration: configuration, summaryLine: { _ in summary }) { emit in
            for finding in result.reportOrder { emit(finding) }
            return result.summary
        }
    }
}

/// `--color`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether text output is coloured: `auto` colours a terminal, unless `NO_COLOR` is set to
    /// anything (no-color.org) or the terminal is `TERM=dumb`.
    func colors(toTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: toTerminal && Terminal.allowsEscapes(environment) && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension ReporterName: ExpressibleByArgument {}
