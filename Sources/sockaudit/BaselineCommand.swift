import ArgumentParser
import Foundation
import SockAuditCore

/// `sockaudit baseline [PATH ...]`: record today's findings so later scans fail only on new ones.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Print a baseline of today's findings (JSON) for `scan --baseline`.",
        discussion: """
            Findings are recorded by a fingerprint of rule, path, resource and offending value, not by \
            line, so moving lines does not make them new. Suppressed findings are not recorded.
            """)

    @OptionGroup var input: ScanInputOptions

    func run() throws {
        let result = try input.run(input.scanOptions(configuration: try input.loadConfiguration()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let baseline = Baseline(findings: result.findings)
        Terminal.out(String(decoding: try encoder.encode(baseline), as: UTF8.self) + "\n")
        Terminal.error("sockaudit: baseline of \(baseline.entries.count) findings")
    }
}
