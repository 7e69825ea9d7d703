import Foundation
import SockAuditParsers

/// One `kustomization.yaml` as written, read without an engine: what it names (local folders and
/// files, remote bases) and the patches it declares, each with the line that names it. Paths are
/// real paths, so two kustomizations that name one base by different routes agree on it.
struct Kustomization {
    static let fileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The file as discovered (shown in reports) and its real folder.
    var file: String
    var folder: String
    var root: Node?
    /// `kind: Component`: applied by the overlays that name it, never built on its own.
    var isComponent: Bool
    /// Kustomization folders named under `resources:`, `bases:` or `components:`.
    var folders: [String] = []
    /// Manifest files named under `resources:`.
    var resourceFiles: [String] = []
    /// Files named as patches, and the other YAML a transformer reads (`replacements:`,
    /// `transformers:`, `generators:`, `crds:`): none is a whole workload of its own.
    var patchFiles: [String] = []
    /// Remote bases (`github.com/org/repo//path?ref=v1`, `https://...`): never fetched.
    var remote: [Reference] = []
    /// Named entries that do not exist on disk (the engine reports them when it builds).
    var missing: [Reference] = []
    /// Whether building changes what a plain scan of its files would see: patches, components,
    /// image or replacement transformers, plugins, inline Helm charts.
    var transforms: Bool

    struct Reference: Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    init?(file: String, readFrom: String, maxFileSize: Int) {
        guard let text = ChartFolder.text(readFrom, limit: maxFileSize),
              let folder = Discovery.realPath(InputContext.folder(of: readFrom)) else { return nil }
        self.file = file
        self.folder = folder
        let root = YAMLParser.parse(text).documents.first
        self.root = root
        let transformerKeys = [
            "patches", "patchesStrategicMerge", "patchesJson6902", "components", "images", "replacements", "transformers",
            "generators", "helmCharts",
        ]
        transforms = transformerKeys.contains { !(root?[$0]?.sequence ?? []).isEmpty }
        isComponent = root?["kind"]?.string == "Component"
        for key in ["resources", "bases", "components"] {
            for item in root?[key]?.sequence ?? [] {
                guard let entry = item.string, !entry.isEmpty else { continue }
                let reference = Reference(text: entry, line: item.line, column: item.column)
                if let real = Discovery.realPath(folder + "/" + entry) {
                    var info = stat()
                    if stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { folders.append(real) } else if key == "resources" { resourceFiles.append(real) }
                } else if Self.isRemote(entry) {
                    remote.append(reference)
                } else {
                    missing.append(reference)
                }
            }
        }
        for reference in patchReferences() {
            if let real = Discovery.realPath(folder + "/" + reference.text) { patchFiles.append(real) }
        }
    }

    /// Relative paths of the patch files and transformer configurations it names (inline patches
    /// are not files).
    func patchReferences() -> [Reference] {
        var found: [Reference] = []
        for item in root?["patchesStrategicMerge"]?.sequence ?? [] {
            if let text = item.string, !text.contains("\n") { found.append(Reference(text: text, line: item.line, column: item.column)) }
        }
        for key in ["patches", "patchesJson6902", "replacements"] {
            for item in root?[key]?.sequence ?? [] {
                if let path = item["path"], let text = path.string { found.append(Reference(text: text, line: path.line, column: path.column)) }
            }
        }
        for key in ["transformers", "generators", "crds"] {
            for item in root?[key]?.sequence ?? [] {
                if let text = item.string, !text.contains("\n") { found.append(Reference(text: text, line: item.line, column: item.column)) }
            }
        }
        return found
    }

    /// The `helmCharts:` entries: chart name, repository and where the entry is.
    func helmCharts() -> [(name: String, repository: String?, line: Int, column: Int)] {
        (root?["helmCharts"]?.sequence ?? []).compactMap { item in
            guard let name = item["name"]?.string else { return nil }
            return (name, item["repo"]?.string, item.line, item.column)
        }
    }

    /// What kustomize would fetch: a URL, an scp-style git address, or a path whose first segment
    /// is a host name (`github.com/org/repo/deploy?ref=v1`). Only asked of entries not on disk.
    static func isRemote(_ entry: String) -> Bool {
        if entry.contains("://") || entry.hasPrefix("git@") || entry.hasPrefix("git::") { return true }
        guard let first = entry.split(separator: "/").first, entry.contains("/") else { return false }
        return first.contains(".") && first != "." && first != ".." && !first.hasSuffix(".yaml") && !first.hasSuffix(".yml")
    }

    /// The line of the entry naming this text, for a message about it.
    func reference(naming text: String) -> Reference? {
        for key in ["resources", "bases", "components", "patchesStrategicMerge", "transformers", "generators", "crds"] {
            for item in root?[key]?.sequence ?? [] where item.string == text {
                return Reference(text: text, line: item.line, column: item.column)
            }
        }
        return patchReferences().first { $0.text == text }
    }
}
