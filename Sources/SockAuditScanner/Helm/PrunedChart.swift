import Foundation

/// A temporary copy of a chart whose `Chart.yaml` lists only the dependencies that are vendored,
/// for the `helm` executable, which refuses to render a chart with any missing.
struct PrunedChart {
    let root: String
    let folder: String

    init?(chart: ChartFolder, missing: [ChartFolder.Dependency]) {
        var template = Array((NSTemporaryDirectory() + "sockaudit-chart.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        root = String(cString: made)
        folder = root + "/" + (chart.folder.split(separator: "/").last.map(String.init) ?? "chart")
        guard (try? FileManager.default.copyItem(atPath: chart.folder, toPath: folder)) != nil,
              let text = chart.read("Chart.yaml") else {
            try? FileManager.default.removeItem(atPath: root)
            return nil
        }
        let drop = missing.map { Self.lines(of: $0, in: chart) }
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { line in !drop.contains { $0.contains(line.offset + 1) } }.map(\.element).joined(separator: "\n")
        guard (try? kept.write(toFile: folder + "/Chart.yaml", atomically: true, encoding: .utf8)) != nil else {
            try? FileManager.default.removeItem(atPath: root)
            return nil
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The lines of one `dependencies:` item: from its first key to the line before the next item
    /// or the next top-level key.
    private static func lines(of dependency: ChartFolder.Dependency, in chart: ChartFolder) -> ClosedRange<Int> {
        let items = chart.chartYAML?["dependencies"]?.sequence ?? []
        let after = items.map(\.line).filter { $0 > dependency.line }.min()
        let nextKey = (chart.chartYAML?.pairs ?? []).map(\.key.line).filter { $0 > dependency.line }.min()
        let end = [after, nextKey].compactMap { $0 }.min().map { $0 - 1 } ?? Int.max - 1
        // The item's `- ` marker sits on its first key's line.
        return dependency.line...max(dependency.line, end)
    }
}
