import Foundation

/// Helm's own engine as the `helm` executable: `helm template release-name CHART`. `helm template`
/// renders offline (no `--validate`, so no cluster is asked and `lookup` returns nothing).
public struct HelmExecutableRenderer: ChartRenderer {
    public let path: String
    public let engineName: String
    public let refusesMissingDependencies = true

    public init(path: String) {
        self.path = path
        let version = EngineProcess.run(path, ["version", "--short"]).flatMap { result in
            result.status == 0 ? result.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }
        engineName = "helm" + (version.map { $0.isEmpty ? "" : " \($0)" } ?? "")
    }

    public func render(_ request: ChartRenderRequest) -> ChartRenderOutcome {
        var arguments = ["template", request.releaseName, request.chartFolder, "--namespace", request.namespace]
        for file in request.valuesFiles { arguments += ["--values", file] }
        for expression in request.sets { arguments += ["--set", expression] }
        guard let result = EngineProcess.run(path, arguments) else { return .failed("\(path) could not be started") }
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
}
