import Foundation
import Testing
import SockAuditReporters
@testable import sockaudit

/// The commands share their option groups, so `scan` and `host` accept the same report and policy
/// options, and a misspelt subcommand is a usage error rather than a path.
@Suite struct CommandShapeTests {
    @Test func scanAndHostOfferTheSameReportAndPolicyOptions() {
        let shared = ["--format", "--output", "--fail-on", "--baseline", "--config", "--no-suppress"]
        let scan = Scan.helpMessage(columns: 400)
        let host = HostCommand.helpMessage(columns: 400)
        for option in shared {
            #expect(scan.contains(option), "scan lacks \(option)")
            #expect(host.contains(option), "host lacks \(option)")
        }
        #expect(BaselineCommand.helpMessage(columns: 400).contains("--no-suppress"))
    }

    @Test func theVersionIsTheReportersVersion() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == ToolInfo.sockaudit.version + "\n")
    }

    @Test func aMisspeltSubcommandIsAUsageErrorWithASuggestion() throws {
        let run = try CLI.run(["hots"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("'hots' is neither a subcommand nor an existing path; did you mean 'host'?"), "\(run.stderr)")
        let far = try CLI.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("subcommands: scan, host, baseline, merge, rules, explain, help"), "\(far.stderr)")
        // A folder that exists is still scanned by default, and a path-shaped word is a path.
        #expect(try CLI.run(["examples"]).status == 1)
        let missing = try CLI.run(["no/such/folder"])
        #expect(missing.stderr.contains("no/such/folder: no such file or directory"))
    }

    @Test func suggestionsComeFromEditDistance() {
        let names = ["scan", "host", "baseline", "rules", "explain"]
        #expect(UnknownSubcommand.closest(to: "hots", in: names) == "host")
        #expect(UnknownSubcommand.closest(to: "scna", in: names) == "scan")
        #expect(UnknownSubcommand.closest(to: "baselin", in: names) == "baseline")
        #expect(UnknownSubcommand.closest(to: "xyzzy", in: names) == nil)
        #expect(UnknownSubcommand.message(["-"], subcommands: names, exists: { _ in false }) == nil)
        #expect(UnknownSubcommand.message(["--format", "json"], subcommands: names, exists: { _ in false }) == nil)
        #expect(UnknownSubcommand.message(["compose.yml"], subcommands: names, exists: { _ in false }) == nil)
        #expect(UnknownSubcommand.message(["Makefile"], subcommands: names, exists: { _ in true }) == nil)
    }
}
