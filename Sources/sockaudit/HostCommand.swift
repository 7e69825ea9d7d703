import ArgumentParser
import Foundation
import SockAuditCore
import SockAuditHost
import SockAuditParsers
import SockAuditReporters
import SockAuditRules
import SockAuditScanner

/// `sockaudit host`: a read-only audit of the Docker host it runs on (or of a mounted image).
/// Probes collect a snapshot; the snapshot is scanned like any input, so findings, suppressions,
/// baselines, reporters and exit codes are those of `scan`.
struct HostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Audit a live Docker host: socket, docker group, daemon, runtime versions, audit rules, containers.",
        discussion: """
            Read-only: the Engine API is only sent GET requests (/_ping, /version, /info, /containers/json, \
            /containers/{id}/json), and nothing is written under --root. Findings point into the snapshot \
            (saved with --save-snapshot, which `sockaudit scan` can judge again later, elsewhere). \
            Exit codes as for `scan`: 0, 1 findings at or above --fail-on, 2 an error of the run itself \
            (including a TLS daemon, whose audit is not supported yet), 3 incomplete (an SA901).
            """)

    @Option(help: "The daemon's unix socket (default: a unix:// DOCKER_HOST, then /var/run/docker.sock).")
    var socket: String?

    @Option(help: "A plain-TCP daemon to probe (tcp://HOST:PORT); one that answers is itself SA102. TLS is not supported yet.")
    var host: String?

    @Option(help: "Read the host's files under this directory (a mounted image); the Engine API is then only asked when --socket or --host is given.")
    var root: String = "/"

    @Option(name: .customLong("save-snapshot"), help: "Write the collected snapshot (JSON) to this file; findings then point into it.")
    var saveSnapshot: String?

    @Option(help: "Seconds allowed for each Engine API request.")
    var timeout: Double = 10

    @Flag(help: "Ask for a TLS daemon: refused with an explanation (not supported yet).")
    var tls = false

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var report: ReportOptions

    /// The display name of a snapshot that was not saved.
    static let unsavedName = "live-host" + HostSnapshotAdapter.fileSuffix

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if socket != nil && host != nil { throw ValidationError("give --socket or --host, not both") }
        guard root.hasPrefix("/") else { throw ValidationError("--root must be an absolute path") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root \(root) is not a directory")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let endpoint: EngineEndpoint?
        let explicit = socket != nil || host != nil
        do {
            endpoint = try Self.endpoint(socket: socket, host: host, tls: tls, environment: environment,
                                         probeAPI: explicit || root == "/")
        } catch {
            Terminal.error("sockaudit: \(error)")
            throw ExitCode(2)
        }
        if !explicit, let dockerHost = environment["DOCKER_HOST"], !dockerHost.isEmpty, !dockerHost.lowercased().hasPrefix("unix://") {
            Terminal.error("sockaudit: DOCKER_HOST=\(dockerHost) is not a unix socket and is not used by default; pass --host to audit it")
        }
        var socketPath: String? = EngineEndpoint.defaultSocket
        if case .unix(let path)? = endpoint { socketPath = path }
        if case .tcp? = endpoint, socket == nil { socketPath = EngineEndpoint.defaultSocket }

        let probes = HostProbes(options: HostProbeOptions(
            root: root, endpoint: endpoint, socketPath: socketPath, timeout: timeout, tool: "sockaudit \(ToolInfo.sockaudit.version)"))
        let collection = probes.collect()
        if case .tlsNotSupported? = collection.engineError {
            Terminal.error("sockaudit: \(collection.engineError!)")
            throw ExitCode(2)
        }
        let text = collection.snapshot.rendered()

        // The configuration of the folder the audit runs from: a host has no scanned path to start at.
        let loaded = try policy.load(discoveringFrom: ".")
        let options = policy.scanOptions(loaded, baseline: try report.loadBaseline())
        var result: ScanResult
        if let saveSnapshot {
            try save(text, to: saveSnapshot)
            do {
                result = try Scanner(options: options).scan([saveSnapshot])
            } catch {
                Terminal.error("sockaudit: \(error)")
                throw ExitCode(2)
            }
        } else {
            result = Scanner(options: options).scan(sources: [SourceFile(path: Self.unsavedName, bytes: Array(text.utf8))])
        }
        // The report states the snapshot as what was scanned, so `scan SNAPSHOT` reports it alike.
        result.identity = ScanIdentity(
            paths: [saveSnapshot ?? Self.unsavedName], settings: options.settingsFingerprint,
            comparedWithBaseline: !(options.baseline?.entries.isEmpty ?? true), baselineFormat: options.baseline?.version)
        try report.emit(result, summary: summary(collection, endpoint: endpoint, result: result), configuration: loaded)
    }

    /// --socket, --host, then a unix:// DOCKER_HOST, then the default socket. TLS is refused.
    static func endpoint(
        socket: String?, host: String?, tls: Bool, environment: [String: String], probeAPI: Bool
    ) throws(HostProbeError) -> EngineEndpoint? {
        if let host {
            if tls { throw .tlsNotSupported(host) }
            return try EngineEndpoint.parse(host)
        }
        if let socket { return try EngineEndpoint.parse(socket.hasPrefix("/") ? socket : "unix://" + socket) }
        if tls { throw .tlsNotSupported("--tls") }
        guard probeAPI else { return nil }
        if let dockerHost = environment["DOCKER_HOST"], dockerHost.lowercased().hasPrefix("unix://") {
            return try EngineEndpoint.parse(dockerHost)
        }
        return .unix(EngineEndpoint.defaultSocket)
    }

    private func save(_ text: String, to path: String) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        if rootPath != "/", absolute == rootPath || absolute.hasPrefix(rootPath + "/") {
            Terminal.error("sockaudit: --save-snapshot \(path) is under --root \(root); the audit never writes there")
            throw ExitCode(2)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Terminal.error("sockaudit: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }

    private func summary(_ collection: HostCollection, endpoint: EngineEndpoint?, result: ScanResult) -> String {
        var parts: [String] = []
        if let endpoint {
            if let version = collection.apiVersion {
                parts.append("\(endpoint) answered (API \(version))")
            } else {
                parts.append("\(endpoint) not reached (SA901)")
            }
        } else {
            parts.append("Engine API not asked (--root without --socket or --host)")
        }
        if root != "/" { parts.append("files under \(root)") }
        parts.append("\(collection.containers) container\(collection.containers == 1 ? "" : "s") judged")
        parts.append(saveSnapshot.map { "snapshot saved to \($0)" } ?? "snapshot not saved (--save-snapshot FILE keeps it)")
        return "sockaudit: host " + parts.joined(separator: "; ") + "; " + Summary.findings(result)
    }
}
