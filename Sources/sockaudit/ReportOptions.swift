import ArgumentParser
import SockAuditCore
import SockAuditReporters
import SockAuditScanner

/// Where and how the report goes and what fails the run: shared by `scan` and `host`.
struct ReportOptions: ParsableArguments, ReportChoices {
    @Option(help: ReportHelp.format)
    var format: ReporterName = .text

    @Option(help: ReportHelp.output)
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher: info, low, medium, high, critical (default: the configuration's fail-on, else low).")
    var failOn: Severity?

    @Option(help: "A baseline written by `sockaudit baseline`: findings in it do not fail the run; fixed ones are listed.")
    var baseline: String?

    @Option(name: .customLong("min-severity"), help: ReportHelp.minSeverity)
    var minSeverity: Severity?

    @Option(name: .customLong("max-results"), help: ReportHelp.maxResults)
    var maxResults: Int?

    @Option(help: ReportHelp.color)
    var color: ColorChoice = .auto

    func validate() throws {
        try validateLimits()
    }

    /// The --baseline file, read; nil without one; an unreadable one exits 2.
    func loadBaseline() throws -> Baseline? {
        try ReportOutput.loadBaseline(baseline)
    }

    /// Runs `scan` and writes the report as it goes, then the summary line; exits as `emit` does.
    /// `paths`: what was scanned, as given, for the report to state (JSON) and a merge to check.
    func stream(
        _ options: ScanOptions, paths: [String] = [], configuration: Configuration, scan: ((Finding) -> Void) throws -> ScanSummary
    ) throws {
        let compared = !(options.baseline?.entries.isEmpty ?? true)
        let identity = ScanIdentity(
            paths: paths, shard: options.shard, settings: options.settingsFingerprint,
            failOn: failOn ?? configuration.failOn ?? .low, comparedWithBaseline: compared, minSeverity: minSeverity,
            baselineFormat: options.baseline?.version)
        let start = ReportStart(rules: options.reportedRules, comparedWithBaseline: compared, identity: identity)
        try ReportOutput.stream(self, start: start, configuration: configuration, summaryLine: Summary.line, scan: scan)
    }

    /// Writes a result held whole (`host`) through the same writer, then `summary` and the exit code.
    func emit(_ result: ScanResult, summary: String, configuration: Configuration) throws {
        var identity = result.identity
        identity.failOn = failOn ?? configuration.failOn ?? .low
        identity.minSeverity = minSeverity
        let start = ReportStart(rules: result.rules, comparedWithBaseline: result.wasComparedWithBaseline, identity: identity)
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
