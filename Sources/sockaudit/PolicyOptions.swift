import ArgumentParser
import SockAuditCore
import SockAuditRules
import SockAuditScanner

/// The policy a scan applies (which `.sockaudit.yml`, whether suppressions count): shared by
/// `scan`, `baseline` and `host`, so every command finds, reads and reports its configuration alike.
struct PolicyOptions: ParsableArguments {
    @Option(help: "The configuration file (default: the nearest .sockaudit.yml in the first scanned path, or the current folder for `host`, or a folder above it).")
    var config: String?

    @Flag(name: .customLong("no-suppress"), help: "Ignore every suppression: show all findings.")
    var noSuppress = false

    /// The configuration named by --config, or the nearest one at or above `start`; an invalid
    /// one exits 2 listing every problem with its line.
    func load(discoveringFrom start: String) throws -> Configuration {
        guard let path = config ?? ConfigurationLoader.discover(from: start) else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path, rules: BuiltInRules.all.map { $0.description })
        } catch {
            Terminal.error("sockaudit: invalid configuration\n\(error)")
            throw ExitCode(2)
        }
    }

    /// What every command's scan shares: the built-in rules, the configuration, today's date for
    /// expiring suppressions, --no-suppress and the baseline.
    func scanOptions(_ configuration: Configuration, baseline: Baseline? = nil) -> ScanOptions {
        ScanOptions(
            rules: BuiltInRules.all, configuration: configuration, today: Today.string,
            honoursSuppressions: !noSuppress, baseline: baseline)
    }
}
