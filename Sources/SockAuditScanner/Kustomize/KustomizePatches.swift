import SockAuditParsers

/// Files a Kustomize `kustomization.yaml` names as patches (`patches:` with `path:`,
/// `patchesStrategicMerge:`, `patchesJson6902:`). A patch only partly describes a workload (a
/// strategic-merge patch names a Deployment and the one container field it changes), so it is never
/// judged on its own as if it were one: "missing setting" findings on it would be false. They are
/// listed in the summary as not judged; the bases and resources are scanned as plain manifests.
enum KustomizePatches {
    static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The files among `files` that a kustomization among them names as a patch.
    static func patchFiles(among files: [String], resolved: [String: String], maxFileSize: Int) -> Set<String> {
        let kustomizations = files.filter { fileNames.contains($0.split(separator: "/").last.map(String.init) ?? $0) }
        guard !kustomizations.isEmpty else { return [] }
        var patches = Set<String>()
        for file in kustomizations {
            guard let root = ChartFolder.yaml(resolved[file] ?? file, limit: maxFileSize) else { continue }
            let folder = InputContext.folder(of: file)
            for path in patchPaths(root) {
                if let real = Discovery.realPath(folder + "/" + path) { patches.insert(real) }
            }
        }
        guard !patches.isEmpty else { return [] }
        return Set(files.filter { file in Discovery.realPath(resolved[file] ?? file).map(patches.contains) ?? false })
    }

    /// Relative paths of the patch files a kustomization names (inline patches are not files).
    static func patchPaths(_ kustomization: Node) -> [String] {
        var paths: [String] = []
        for item in kustomization["patchesStrategicMerge"]?.sequence ?? [] {
            if let text = item.string, !text.contains("\n") { paths.append(text) }
        }
        for key in ["patches", "patchesJson6902"] {
            for item in kustomization[key]?.sequence ?? [] {
                if let path = item["path"]?.string { paths.append(path) }
            }
        }
        return paths
    }
}
