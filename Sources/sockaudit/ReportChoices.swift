import ArgumentParser
import SockAuditCore
import SockAuditReporters

/// What shapes a written report: `scan` and `host` (`ReportOptions`) and `merge` take the same
/// options, so a merged report is written exactly as a single run writes it.
protocol ReportChoices {
    var format: ReporterName { get }
    var output: String? { get }
    var failOn: Severity? { get }
    var minSeverity: Severity? { get }
    var maxResults: Int? { get }
    var color: ColorChoice { get }
}

extension ReportChoices {
    /// --max-results is positive and for a format that caps its list.
    func validateLimits() throws {
        if let maxResults {
            guard maxResults > 0 else { throw ValidationError("--max-results must be positive") }
            guard format.isLimited else {
                throw ValidationError("--max-results applies to --format sarif, github and markdown; \(format.rawValue) lists every finding")
            }
        }
    }
}

/// The options' help, said once for every command that takes them.
enum ReportHelp {
    static let format = ArgumentHelp("Output format: \(ReporterName.allCases.map(\.rawValue).joined(separator: ", ")).")
    static let output = ArgumentHelp("Write the report to this file instead of standard output.")
    static let minSeverity = ArgumentHelp("Report only findings of this severity or higher (SA901, a file not scanned, is always reported); --fail-on still decides the exit code.")
    static let maxResults = ArgumentHelp("sarif, github and markdown: list at most this many findings, the most severe (defaults fit GitHub: 25,000 SARIF results, 10 annotations of each level, 200 rows per table); the report and standard error say what was left out.")
    static let color = ArgumentHelp("Colour text output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
}
