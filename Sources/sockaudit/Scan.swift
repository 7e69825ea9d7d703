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
        let result = try input.run(input.scanOptions(configuration: configuration, baseline: try loadBaseline()))

        let toTerminal = output == nil && Terminal.isTTY(STDOUT_FILENO)
        let settings = ReporterSettings(
            color: toTerminal, grouped: toTerminal,
            baseURI: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).absoluteString)
        let report = format.reporter(settings).render(result)
        if let output {
            do {
                try Data(report.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                Terminal.error("sockaudit: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else if !report.isEmpty {
            Terminal.out(report.hasSuffix("\n") ? report : report + "\n")
        }
        Terminal.error(Summary.line(result))
        let threshold = failOn ?? configuration.failOn ?? .low
        if let code = ScanExit.code(result, threshold: threshold) { throw code }
    }

    private func loadBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: baseline))
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            Terminal.error("sockaudit: cannot read baseline \(baseline): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension ReporterName: ExpressibleByArgument {}
