/// What one render of a chart is asked for: the chart folder, values files applied over the chart's
/// own `values.yaml` in order, then `--set` expressions. The release is named and placed as
/// `helm template` does by default, so both engines render the same bytes.
public struct ChartRenderRequest: Sendable, Hashable {
    public var chartFolder: String
    public var valuesFiles: [String]
    public var sets: [String]
    public var releaseName = "release-name"
    public var namespace = "default"

    public init(chartFolder: String, valuesFiles: [String] = [], sets: [String] = []) {
        self.chartFolder = chartFolder
        self.valuesFiles = valuesFiles
        self.sets = sets
    }
}

/// One template's rendered output, under the path the engine gives it in `# Source:`
/// (`CHART/templates/x.yaml`, `CHART/charts/SUB/templates/y.yaml`).
public struct RenderedTemplate: Sendable, Hashable {
    public var source: String
    public var text: String

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}

public enum ChartRenderOutcome: Sendable, Hashable {
    /// Every template that produced output, ordered by source path.
    case rendered([RenderedTemplate])
    /// The engine's own message (a template error names `CHART/templates/x.yaml:LINE:COL`).
    case failed(String)
}

/// A Helm engine: the `helm` executable or the `libhelm_c` library. Renders offline only (no
/// cluster: `lookup` returns nothing), and the same chart always renders to the same output.
public protocol ChartRenderer: Sendable {
    /// Named in the summary line (`libhelm_c 0.2.2 (Helm v4.2.3)`, `helm v3.15.2`).
    var engineName: String { get }
    /// Whether the engine refuses a chart whose listed dependencies are not vendored (the `helm`
    /// executable does; the library renders the chart's own templates).
    var refusesMissingDependencies: Bool { get }
    func render(_ request: ChartRenderRequest) -> ChartRenderOutcome
    /// The templates inside a subchart archive (`charts/NAME-VERSION.tgz`), by their path in that
    /// chart (`templates/x.yaml`), as the engine reads them; empty where the engine cannot say.
    func archiveTemplates(_ archive: String) -> [String: String]
}

extension ChartRenderer {
    public func archiveTemplates(_ archive: String) -> [String: String] { [:] }
}

extension RenderedTemplate {
    /// Templates that are not manifests: partials (`_helpers.tpl`), `NOTES.txt`, and templates that
    /// rendered to nothing (a switched-off feature).
    var isManifest: Bool {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        if name.hasPrefix("_") || name == "NOTES.txt" { return false }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
