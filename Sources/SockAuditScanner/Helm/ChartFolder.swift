import Foundation
import SockAuditCore
import SockAuditParsers

/// A chart on disk: its folder as read and as shown, its `Chart.yaml`, its vendored subcharts, its
/// listed dependencies and its chart-testing values files.
struct ChartFolder {
    /// Read from here.
    var folder: String
    /// Shown as this ("" for the current folder).
    var display: String
    var name: String
    var chartYAML: Node?

    struct Dependency {
        var name: String
        var line: Int
        var column: Int
        var repository: String?
        var version: String?
        /// `condition:`: values paths, comma-separated; the first that holds a boolean decides.
        var conditions: [[String]] = []
        /// `tags:`: the chart is off when every tag it names is false under the values' `tags:`.
        var tags: [String] = []
    }

    init(chartFile: String, maxFileSize: Int) {
        folder = InputContext.folder(of: chartFile)
        let shown = Scanner.display(chartFile)
        display = shown == "Chart.yaml" ? "" : String(shown.dropLast("/Chart.yaml".count))
        chartYAML = Self.yaml(chartFile, limit: maxFileSize)
        name = chartYAML?["name"]?.string ?? (folder.split(separator: "/").last.map(String.init) ?? "chart")
    }

    var chartFileDisplay: String { shown("Chart.yaml") }

    /// A path inside the chart as the user sees it.
    func shown(_ relative: String) -> String { display.isEmpty ? relative : "\(display)/\(relative)" }

    func read(_ relative: String) -> String? {
        Self.text(folder + "/" + relative, limit: 10 * 1024 * 1024)
    }

    /// Dependencies listed in `Chart.yaml` that are not under `charts/` (a folder whose chart has
    /// that name, or a `NAME-VERSION.tgz`).
    func missingDependencies() -> [Dependency] {
        let vendored = Set(subcharts().keys)
        return (chartYAML?["dependencies"]?.sequence ?? []).compactMap { item in
            guard let nameNode = item["name"], let name = nameNode.string, !vendored.contains(name) else { return nil }
            let conditions = (item["condition"]?.string ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map { $0.split(separator: ".").map(String.init) }
            return Dependency(
                name: name, line: item.line, column: item.column, repository: item["repository"]?.string, version: item["version"]?.string,
                conditions: conditions, tags: (item["tags"]?.sequence ?? []).compactMap(\.string))
        }
    }

    /// Vendored subcharts by chart name: folder (relative to this chart) or `.tgz` archive.
    func subcharts() -> [String: String] {
        var found: [String: String] = [:]
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/charts")) ?? []).sorted()
        for entry in entries {
            let relative = "charts/\(entry)"
            if entry.hasSuffix(".tgz") {
                var base = String(entry.dropLast(4))
                // NAME-VERSION.tgz: the version starts at the last `-` followed by a digit.
                if let dash = base.indices.last(where: { base[$0] == "-" && base.index(after: $0) < base.endIndex && base[base.index(after: $0)].isNumber }) {
                    base = String(base[..<dash])
                }
                found[base] = found[base] ?? relative
            } else if let chart = Self.yaml("\(folder)/\(relative)/Chart.yaml", limit: 1 << 20), let name = chart["name"]?.string {
                found[name] = relative
            }
        }
        return found
    }

    /// The named templates of this chart and of its folder subcharts: the parent's files first
    /// (Helm parses them last, so their definitions win), each chart's in path order.
    func namedTemplates() -> NamedTemplates {
        var files: [(path: String, text: String)] = []
        var charts: [String] = [""]
        var index = 0
        while index < charts.count, index < 64 {
            let prefix = charts[index]
            index += 1
            for relative in templateFiles(under: prefix + "templates") {
                if let text = read(relative) { files.append((shown(relative), text)) }
            }
            let nested = ChartFolder(folder: folder + "/" + prefix.dropLast(prefix.isEmpty ? 0 : 1), display: "", name: "", chartYAML: nil)
            charts += nested.subcharts().values.filter { !$0.hasSuffix(".tgz") }.sorted().map { prefix + $0 + "/" }
        }
        return NamedTemplates(files: files)
    }

    /// Files under a folder of the chart (relative to the chart), sorted; bounded in number.
    private func templateFiles(under relative: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder + "/" + relative) else { return [] }
        var found: [String] = []
        while let entry = enumerator.nextObject() as? String, found.count < 2000 {
            if entry.hasSuffix(".tpl") || entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".txt") { found.append(relative + "/" + entry) }
        }
        return found.sorted()
    }

    /// `ci/*-values.yaml`: chart-testing's scenarios, relative to the chart.
    func scenarioFiles() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/ci")) ?? []
        return entries.filter { $0.hasSuffix("-values.yaml") || $0.hasSuffix("-values.yml") }.sorted().map { "ci/\($0)" }
    }

    /// Where a template named by the engine (`CHART/charts/SUB/templates/x.yaml`) is, relative to
    /// this chart, and which subchart (by name) it belongs to; `archive` when it is inside a `.tgz`.
    func locate(source: String) -> (relative: String, subchart: String?, archive: String?, inArchive: String?) {
        var parts = source.split(separator: "/").map(String.init)
        guard !parts.isEmpty else { return (source, nil, nil, nil) }
        parts.removeFirst()
        var chart = self
        var prefix = ""
        var subchart: String?
        while parts.count >= 2, parts[0] == "charts" {
            let name = parts[1]
            guard let place = chart.subcharts()[name] else { break }
            subchart = name
            if place.hasSuffix(".tgz") {
                return (prefix + place, subchart, prefix + place, parts.dropFirst(2).joined(separator: "/"))
            }
            prefix += place + "/"
            chart = ChartFolder(folder: chart.folder + "/" + place, display: "", name: name, chartYAML: nil)
            parts.removeFirst(2)
        }
        return (prefix + parts.joined(separator: "/"), subchart, nil, nil)
    }

    private init(folder: String, display: String, name: String, chartYAML: Node?) {
        self.folder = folder
        self.display = display
        self.name = name
        self.chartYAML = chartYAML
    }

    static func text(_ path: String, limit: Int) -> String? {
        guard case .success(let bytes) = FileReader.read(path, limit: limit), case .success(let text) = TextDecoding.decode(bytes) else { return nil }
        return text
    }

    static func yaml(_ path: String, limit: Int) -> Node? {
        text(path, limit: limit).flatMap { YAMLParser.parse($0).documents.first }
    }
}
