import Foundation

extension Scanner {
    /// The overlays to build, one work item per overlays that share a base, and the discovered
    /// files a build reads in their place (its manifests and patches). Without an engine nothing
    /// is taken: the manifests are scanned as plain files and the patches are listed as not judged.
    func kustomizeWork(_ discovered: DiscoveredFiles) throws(ScanError) -> (work: [WorkItem], built: Set<String>) {
        let tree = KustomizeTree(files: discovered.files, resolved: discovered.resolved, maxFileSize: options.maxFileSize)
        guard !tree.kustomizations.isEmpty else { return ([], []) }
        var builder = options.kustomize.builder
        if builder == nil {
            do {
                builder = try KustomizeEngineDiscovery.find(explicit: options.kustomize.enginePath, environment: options.kustomize.environment)
            } catch {
                throw .kustomizeEngine(error.description)
            }
        }
        var byRealPath: [String: String] = [:]
        for file in discovered.files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".json") {
            if let real = Discovery.realPath(discovered.resolved[file] ?? file), byRealPath[real] == nil { byRealPath[real] = file }
        }
        let paths = KustomizePaths(byRealPath: byRealPath, workingFolder: Discovery.realPath("."))
        let groups = tree.groups(maxFileSize: options.maxFileSize)
        let work = groups.map { roots in
            WorkItem.kustomize(KustomizeJob(roots: roots, tree: tree, builder: builder, switchedOff: options.kustomize.switchedOff, shown: paths))
        }
        guard builder != nil else { return (work, []) }
        var read = Set<String>()
        for root in tree.roots {
            for kustomization in tree.reach(root, maxFileSize: options.maxFileSize) {
                read.formUnion(kustomization.resourceFiles)
                read.formUnion(kustomization.patchFiles)
            }
        }
        return (work, Set(read.compactMap { byRealPath[$0] }))
    }
}
