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
            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 a usage, \
            configuration or I/O error of the run itself.
            """)

    @Argument(help: "Files or folders to scan; `-` reads standard input.")
    var paths: [String] = ["."]

    @Option(help: "Output format: \(ReporterName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReporterName = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding has this severity or higher: info, low, medium, high, critical.")
    var failOn: Severity = .low

    @Option(help: "Skip paths matching this glob (repeatable); matched against the path relative to the scanned folder and the file name.")
    var exclude: [String] = []

    @Option(name: .customLong("max-file-size"), help: "Report files larger than this many bytes as not scanned (SA901) instead of reading them.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(name: .customLong("env-file"), help: "Interpolate Compose files with the variables of this file (repeatable; read after the .env next to each Compose file).")
    var envFile: [String] = []

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }

    func run() throws {
        let scanner = Scanner(options: ScanOptions(excludes: exclude, maxFileSize: maxFileSize, envFiles: envFile, rules: BuiltInRules.all))
        let result: ScanResult
        do {
            result = try scanner.scan(paths, standardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) })
        } catch {
            Terminal.error("sockaudit: \(error)")
            throw ExitCode(2)
        }

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
        if result.activeFindings.contains(where: { $0.severity >= failOn }) {
            throw ExitCode(1)
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension ReporterName: ExpressibleByArgument {}
