import ArgumentParser
import Foundation
import SockAuditReporters

@main
struct SockAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sockaudit",
        abstract: "Find every place where a container, a CI job or a network client can reach the Docker daemon API, and the settings that decide whether a breakout stays contained.",
        version: ToolInfo.sockaudit.version,
        subcommands: [Scan.self, HostCommand.self, BaselineCommand.self, MergeCommand.self, Rules.self, Explain.self],
        defaultSubcommand: Scan.self)

    /// ArgumentParser exits 64 on bad usage; sockaudit documents 2 for every error of the run itself.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let message = UnknownSubcommand.message(arguments, subcommands: names, exists: { FileManager.default.fileExists(atPath: $0) }) {
            Terminal.error(message)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == ExitCode(1) || code == ExitCode(2) || code == ScanExit.incomplete {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            Foundation.exit(2)
        }
    }
}
