import SockAuditParsers

/// Files a Kustomize `kustomization.yaml` names as patches (`patches:` with `path:`,
/// `patchesStrategicMerge:`, `patchesJson6902:`). A patch only partly describes a workload (a
/// strategic-merge patch names a Deployment and the one container field it changes), so it is never
/// judged on its own as if it were one: "missing setting" findings on it would be false. They are
/// listed in the summary as not judged; the bases and resources are scanned as plain manifests.
enum KustomizePatches {
    static let fileNames: Set<String> = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The real paths of the files the kustomizations among `files` name as patches.
    static func patchTargets(of files: [String], resolved: [String: String], maxFileSize: Int) -> Set<String> {
        var patches = Set<String>()
        for file in files where fileNames.contains(file.split(separator: "/").last.map(String.init) ?? file) {
            guard let root = ChartFolder.yaml(resolved[file] ?? file, limit: maxFileSize) else { continue }
            let folder = InputContext.folder(of: file)
            for path in patchPaths(root) {
                if let real = Discovery.realPath(folder + "/" + path) { patches.insert(real) }
            }
        }
        return patches
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
