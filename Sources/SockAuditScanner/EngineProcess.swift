import Foundation

/// The one place sockaudit starts a process: a rendering engine the user installed or named
/// (`helm`, `kubectl`, `kustomize`, and `python3` asked where helm-python-sdk is). Never a file
/// found in the scan: the executable comes from `--helm-engine`/`--kustomize-engine`, the
/// environment or `PATH`, and it gets arguments only (no shell).
enum EngineProcess {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the executable with these arguments, standard input closed; nil when it cannot start.
    static func run(_ path: String, _ arguments: [String], in directory: String? = nil) -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        // Both pipes are drained at once so a large error output cannot block the process.
        let errorData = DataBox()
        let group = DispatchGroup()
        let reader = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { errorData.data = reader.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData.data, as: UTF8.self))
    }
}

/// Written by one reader thread, read after it is waited for.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
