/// How Kustomize overlays are built (`--kustomize-engine`).
public struct KustomizeSettings: Sendable {
    /// `--kustomize-engine`: a `kustomize` or `kubectl` executable, or `none`; nil to discover one.
    public var enginePath: String?
    /// The variables engine discovery reads (`PATH`, `SOCKAUDIT_KUSTOMIZE_ENGINE`).
    public var environment: [String: String] = [:]
    /// An engine chosen by the caller (tests, embedders); discovery is skipped.
    public var builder: (any KustomizeBuilder)?

    public init(enginePath: String? = nil, environment: [String: String] = [:]) {
        self.enginePath = enginePath
        self.environment = environment
    }

    var switchedOff: Bool { (enginePath ?? environment["SOCKAUDIT_KUSTOMIZE_ENGINE"]) == "none" }
}

/// The overlays of one work item (the ones that share a base), with the engine found for the scan
/// (nil: none) and how real paths are shown.
struct KustomizeJob: Sendable {
    var roots: [Kustomization]
    var tree: KustomizeTree
    var builder: (any KustomizeBuilder)?
    /// `--kustomize-engine none`: nothing is built, on purpose.
    var switchedOff: Bool
    var shown: KustomizePaths
}

/// Real paths as the user sees them: as discovery found them under the scanned folders, else
/// relative to the working folder, else as they are.
struct KustomizePaths: Sendable {
    var byRealPath: [String: String]
    var workingFolder: String?

    func shown(_ real: String) -> String {
        if let found = byRealPath[real] { return Scanner.display(found) }
        if let workingFolder, Discovery.isInside(real, workingFolder), real != workingFolder {
            return String(real.dropFirst(workingFolder.count + (workingFolder.hasSuffix("/") ? 0 : 1)))
        }
        return real
    }
}
