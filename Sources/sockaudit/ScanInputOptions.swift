import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditRules
import SockAuditScanner

/// What to scan and how: shared by `scan` and `baseline`.
struct ScanInputOptions: ParsableArguments {
    @Argument(help: "Files or folders to scan; `-` reads standard input.")
    var paths: [String] = ["."]

    @Option(name: .customLong("stdin-filename"), help: "Report findings of `-` (standard input) under this path, and read it as a file of that name would be.")
    var stdinFilename: String?

    @Option(help: "Skip paths matching this glob (repeatable); matched against the path relative to the scanned folder and the file name.")
    var exclude: [String] = []

    @Option(name: .customLong("max-file-size"), help: "Report files larger than this many bytes as not scanned (SA901) instead of reading them.")
    var maxFileSize: Int = 10 * 1024 * 1024

    @Option(name: .customLong("env-file"), help: "Interpolate Compose files with the variables of this file (repeatable; read after the .env next to each Compose file).")
    var envFile: [String] = []

    @Flag(name: [.short, .long], help: "No progress line on the terminal.")
    var quiet = false

    @OptionGroup(title: "Helm charts and Kustomize overlays") var render: RenderOptions

    @Flag(name: .customLong("follow-symlinks"), help: "Follow symbolic links inside scanned folders when they resolve inside the folder (never outside it; loops are detected).")
    var followSymlinks = false

    @Option(help: "Scan at most this many files at once (default: one per core).")
    var jobs: Int?

    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let stdinFilename {
            guard paths.contains("-") else { throw ValidationError("--stdin-filename names standard input: add `-` to the paths") }
            guard !stdinFilename.isEmpty, stdinFilename != "-", !stdinFilename.utf8.contains(0) else {
                throw ValidationError("--stdin-filename must be a file path")
            }
        }
    }

    /// The configuration for these paths: --config, else the nearest one at or above the first path.
    func loadConfiguration() throws -> Configuration {
        try policy.load(discoveringFrom: paths.first { $0 != "-" } ?? stdinFilename ?? ".")
    }

    func scanOptions(configuration loaded: Configuration, baseline: Baseline? = nil) -> ScanOptions {
        var options = policy.scanOptions(loaded, baseline: baseline)
        options.excludes = exclude
        options.maxFileSize = maxFileSize
        options.envFiles = envFile
        options.followSymlinks = followSymlinks
        if let jobs { options.workers = jobs }
        options.helm = render.settings
        options.standardInputName = stdinFilename
        options.kustomize = render.kustomizeSettings
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

extension ScanInputOptions {
    /// Runs the scan, handing each finding to `emit` in report order as soon as it is known.
    func stream(_ options: ScanOptions, emit: (Finding) -> Void) throws -> ScanSummary {
        var options = options
        // A report written to the terminal as it goes is progress enough; a line under it would tear it.
        let progress = Terminal.isTTY(STDOUT_FILENO) ? nil : ProgressLine.make(quiet: quiet)
        options.progress = progress?.1
        defer { progress?.0.erase() }
        do {
            return try Scanner(options: options).stream(paths, standardInput: {
                Scanner.readStandardInput(limit: options.maxFileSize)
            }, emit: emit)
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
