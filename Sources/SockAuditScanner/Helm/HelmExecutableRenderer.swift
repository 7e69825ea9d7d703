import Foundation

/// Helm's own engine as the `helm` executable: `helm template release-name CHART`. `helm template`
/// renders offline (no `--validate`, so no cluster is asked and `lookup` returns nothing).
public struct HelmExecutableRenderer: ChartRenderer {
    public let path: String
    public let engineName: String
    public let refusesMissingDependencies = true

    public init(path: String) {
        self.path = path
        let version = Self.run(path, ["version", "--short"]).flatMap { result in
            result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }
        engineName = "helm" + (version.map { $0.isEmpty ? "" : " \($0)" } ?? "")
    }

    public func render(_ request: ChartRenderRequest) -> ChartRenderOutcome {
        var arguments = ["template", request.releaseName, request.chartFolder, "--namespace", request.namespace]
        for file in request.valuesFiles { arguments += ["--values", file] }
        for expression in request.sets { arguments += ["--set", expression] }
        guard let result = Self.run(path, arguments) else { return .failed("\(path) could not be started") }
        guard result.status == 0 else {
            var message = result.errors.trimmingCharacters(in: .whitespacesAndNewlines)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            return .failed(message.isEmpty ? "helm template exited with status \(result.status)" : message)
        }
        return .rendered(Self.split(result.output))
    }

    /// `helm template` prints each document after `---` and a `# Source: PATH` line; documents of
    /// one template are put back together, in the engine's order within it.
    static func split(_ output: String) -> [RenderedTemplate] {
        var texts: [String: [String]] = [:]
        var current: String?
        var lines: [Substring] = []
        func close() {
            if let current { texts[current, default: []].append(lines.joined(separator: "\n")) }
            lines = []
        }
        let all = output.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < all.count {
            let line = all[index]
            if line == "---", index + 1 < all.count, all[index + 1].hasPrefix("# Source: ") {
                close()
                current = String(all[index + 1].dropFirst("# Source: ".count))
                index += 2
                continue
            }
            lines.append(line)
            index += 1
        }
        close()
        return texts.sorted { $0.key < $1.key }.map { RenderedTemplate(source: $0.key, text: $0.value.joined(separator: "\n---\n") + "\n") }
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the executable with these arguments only (no shell), standard input closed.
    static func run(_ path: String, _ arguments: [String]) -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
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
