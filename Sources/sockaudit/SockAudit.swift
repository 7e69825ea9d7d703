import ArgumentParser

@main
struct SockAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sockaudit",
        abstract: "Find every place where a container, a CI job or a network client can reach the Docker daemon API, and the settings that decide whether a breakout stays contained.",
        version: ToolVersion.current,
        subcommands: [Scan.self, HostCommand.self, BaselineCommand.self, Rules.self, Explain.self],
        defaultSubcommand: Scan.self)
}

enum ToolVersion {
    static let current = "0.1.0"
}
