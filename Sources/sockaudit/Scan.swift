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
    @OptionGroup var report: ReportOptions

    @Option(help: ArgumentHelp(
        "Scan part I of N of a sweep (I from 0 to N-1, as JOB_COMPLETION_INDEX): the repositories (the entries at the top of the one folder scanned, or the paths named) are dealt out whole by a stable hash. Merge the parts' JSON reports with `sockaudit merge`.",
        valueName: "I/N"))
    var shard: Shard?

    func run() throws {
        let configuration = try input.loadConfiguration()
        let baseline = try report.loadBaseline()
        var options = input.scanOptions(configuration: configuration, baseline: baseline)
        options.shard = shard
        // Standard input named by --stdin-filename is stated as that file, as a scan of it would be.
        let paths = input.paths.map { $0 == "-" ? input.stdinFilename ?? $0 : $0 }
        try report.stream(options, paths: paths, configuration: configuration) { emit in
            try input.stream(options, emit: emit)
        }
    }
}

extension Shard: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
