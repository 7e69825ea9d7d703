import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditRules
import SockAuditScanner

/// What to scan and how: shared by `scan` and `baseline`.
struct ScanInputOptions: ParsableArguments {
    @Argument(help: "Files or folders to scan; `-` reads standard input.")
    var paths: [String] = ["."]

    @Option(help: "Skip paths matching this glob (repeatable); matched against the path relative to the scanned folder and the file name.")
    var exclude: [String] = []

    @Option(name: .customLong("max-file-size"), help: "Report files larger than this many bytes as not scanned (SA901) instead of reading them.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(name: .customLong("env-file"), help: "Interpolate Compose files with the variables of this file (repeatable; read after the .env next to each Compose file).")
    var envFile: [String] = []

    @Option(help: "The configuration file (default: the nearest .sockaudit.yml in the first scanned path or a folder above it).")
    var config: String?

    @Flag(name: .customLong("no-suppress"), help: "Ignore every suppression: show all findings.")
    var noSuppress = false

    @Flag(name: [.short, .long], help: "No progress line on the terminal.")
    var quiet = false

    @Flag(name: .customLong("follow-symlinks"), help: "Follow symbolic links inside scanned folders when they resolve inside the folder (never outside it; loops are detected).")
    var followSymlinks = false

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }

    /// The configuration named by --config, or found by walking up; exits 2 listing every problem.
    func loadConfiguration() throws -> Configuration {
        let rules = BuiltInRules.all.map { $0.description }
        let start = paths.first { $0 != "-" } ?? "."
        guard let path = config ?? ConfigurationLoader.discover(from: start) else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path, rules: rules)
        } catch {
            Terminal.error("sockaudit: invalid configuration\n\(error)")
            throw ExitCode(2)
        }
    }

    func scanOptions(configuration: Configuration, baseline: Baseline? = nil) -> ScanOptions {
        var options = ScanOptions(
            excludes: exclude, maxFileSize: maxFileSize, envFiles: envFile, rules: BuiltInRules.all, configuration: configuration,
            today: Today.string, honoursSuppressions: !noSuppress, baseline: baseline)
        options.followSymlinks = followSymlinks
        return options
    }

    /// Runs the scan; an error of the run itself (a missing path) exits 2.
    func run(_ options: ScanOptions) throws -> ScanResult {
        var options = options
        let progress = ProgressLine.make(quiet: quiet)
        options.progress = progress?.1
        defer { progress?.0.erase() }
        do {
            return try Scanner(options: options).scan(paths, standardInput: {
                Scanner.readStandardInput(limit: options.maxFileSize)
            })
        } catch {
            Terminal.error("sockaudit: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Today's date (UTC) for suppression expiry; `SOCKAUDIT_TODAY=YYYY-MM-DD` pins it for reproducible runs.
enum Today {
    static var string: String {
        if let pinned = ProcessInfo.processInfo.environment["SOCKAUDIT_TODAY"], !pinned.isEmpty { return pinned }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
