import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditReporters

/// Writing a result and choosing the exit code: shared by `scan` and `host`, so both report,
/// suppress and fail alike.
enum ReportOutput {
    /// Renders the report to `output` (or standard output), prints the summary line, and exits 1
    /// when an active finding reaches the threshold (--fail-on, else the configuration's, else low),
    /// or 3 when none does but an SA901 says something was not scanned (`ScanExit`).
    static func emit(
        _ result: ScanResult, format: ReporterName, output: String?, summary: String, failOn: Severity?,
        configuration: Configuration
    ) throws {
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
        Terminal.error(summary)
        let threshold = failOn ?? configuration.failOn ?? .low
        if let code = ScanExit.code(result, threshold: threshold) { throw code }
    }

    /// Runs `scan`, writing the report as findings come (to `output`, or standard output), then
    /// prints the summary line and exits as `emit` does. Nothing is held but the format's own
    /// bounded state, so memory does not grow with the number of findings.
    static func stream(
        format: ReporterName, output: String?, start: ReportStart, failOn: Severity?, configuration: Configuration,
        scan: ((Finding) -> Void) throws -> ScanSummary
    ) throws {
        let toTerminal = output == nil && Terminal.isTTY(STDOUT_FILENO)
        let settings = ReporterSettings(
            color: toTerminal, grouped: toTerminal,
            baseURI: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true).absoluteString)
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
        let summary = try scan { reporter.write($0, to: out) }
        reporter.end(summary, to: out)
        out.flush()
        if failure != 0 {
            Terminal.error("sockaudit: cannot write \(output ?? "standard output"): \(String(cString: strerror(failure)))")
            throw ExitCode(2)
        }
        Terminal.error(Summary.line(summary))
        let threshold = failOn ?? configuration.failOn ?? .low
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
