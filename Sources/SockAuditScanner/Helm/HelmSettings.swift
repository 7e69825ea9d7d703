/// How charts are rendered: the engine and the values, as the user asked (`--helm-engine`,
/// `--helm-values`, `--helm-set`, `--helm-scenarios`).
public struct HelmSettings: Sendable {
    /// `--helm-engine`: a `helm` executable or a `libhelm_c` library; nil to discover one.
    public var enginePath: String?
    /// `--helm-values`: a file inside a chart's folder applies to that chart, any other to every chart.
    public var valuesFiles: [String] = []
    /// `--helm-set key=value`, applied after the values files.
    public var sets: [String] = []
    /// `--helm-scenarios`: also render each `ci/*-values.yaml` of a chart.
    public var scenarios = false
    /// The variables engine discovery reads (`PATH`, `HOME`, `VIRTUAL_ENV`, `SOCKAUDIT_HELM_ENGINE`).
    public var environment: [String: String] = [:]
    /// Where Python packages are looked for (`PREFIX/lib/python3.*/site-packages`), besides the
    /// environment's `VIRTUAL_ENV` and `HOME/.local` and what `python3` on `PATH` says.
    public var pythonPrefixes = HelmSettings.systemPrefixes
    public static let systemPrefixes = ["/usr/local", "/usr"]
    /// An engine chosen by the caller (tests, embedders); discovery is skipped.
    public var renderer: (any ChartRenderer)?

    public init(enginePath: String? = nil, valuesFiles: [String] = [], sets: [String] = [], scenarios: Bool = false, environment: [String: String] = [:]) {
        self.enginePath = enginePath
        self.valuesFiles = valuesFiles
        self.sets = sets
        self.scenarios = scenarios
        self.environment = environment
    }
}

/// One chart's rendering: the engine found for the scan (nil: none) and the `--helm-values` files
/// that apply to this chart.
struct HelmJob: Sendable {
    var renderer: (any ChartRenderer)?
    var valuesFiles: [String]
}
