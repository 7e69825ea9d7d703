import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditReporters

/// Writing a result and choosing the exit code: shared by `scan` and `host`, so both report,
/// suppress and fail alike.
enum ReportOutput {
    /// Runs `scan`, writing the report as findings come (to `output`, or standard output), then
    /// prints the summary line (and what the report left out) and exits 1 when an active finding
    /// reaches the threshold (--fail-on, else the configuration's, else low), or 3 when none does
    /// but an SA901 says something was not scanned (`ScanExit`). Nothing is held but the format's
    /// own bounded state, so memory does not grow with the number of findings. --min-severity
    /// narrows what is written, never the counts or the exit code.
    static func stream(
        _ options: some ReportChoices, start: ReportStart, configuration: Configuration, summaryLine: (ScanSummary) -> String,
        scan: ((Finding) -> Void) throws -> ScanSummary
    ) throws {
        let format = options.format, output = options.output
        let toTerminal = output == nil && Terminal.isTTY(STDOUT_FILENO)
        let settings = ReporterSettings(
            color: options.color.colors(toTerminal: toTerminal, environment: ProcessInfo.processInfo.environment),
            grouped: toTerminal,
            baseURI: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).absoluteString,
            maxResults: options.maxResults)
        let destination: Int32
        if let output {
            destination = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard destination >= 0 else {
                Terminal.error("sockaudit: cannot write \(output): \(String(cString: strerror(errno)))")
                throw ExitCode(2)
            }
        } else {
            destination = STDOUT_FILENO
        }
        defer { if output != nil { close(destination) } }
        var failure: Int32 = 0
        let out = ReportStream { bytes in
            guard failure == 0 else { return }
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(destination, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += written
                }
            }
        }
        var reporter = format.streamingReporter(settings)
        reporter.begin(start, to: out)
        var belowFloor = 0
        let summary = try scan { finding in
            if let minimum = options.minSeverity, finding.severity < minimum, finding.ruleID != FindingTally.unscannableRuleID {
                belowFloor += 1
            } else {
                reporter.write(finding, to: out)
            }
        }
        reporter.end(summary, to: out)
        out.flush()
        if failure != 0 {
            Terminal.error("sockaudit: cannot write \(output ?? "standard output"): \(String(cString: strerror(failure)))")
            throw ExitCode(2)
        }
        Terminal.error(summaryLine(summary))
        if let minimum = options.minSeverity, belowFloor > 0 {
            Terminal.error("sockaudit: \(belowFloor) findings below --min-severity \(minimum.rawValue) not reported")
        }
        if let cut = reporter.cut {
            Terminal.error("sockaudit: the \(format.rawValue) report \(cut.description) (--max-results sets the limit)")
        }
        let threshold = options.failOn ?? configuration.failOn ?? .low
        if let code = ScanExit.code(summary.tally, threshold: threshold) { throw code }
    }

    /// A baseline written by `sockaudit baseline`; an unreadable one exits 2.
    static func loadBaseline(_ path: String?) throws -> Baseline? {
        guard let path else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            Terminal.error("sockaudit: cannot read baseline \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
