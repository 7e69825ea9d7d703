import Foundation

/// The files of a scan in discovery order, as often as asked: a list held, or the walk run again.
typealias EveryFile = ((_ path: String, _ resolved: String?) -> Void) -> Void

/// What the kustomizations of a scan change about it.
struct KustomizeWork {
    /// One work item per overlays that share a base.
    var work: [Scanner.WorkItem] = []
    /// Discovered files a build reads in their place (its manifests and patches).
    var built: Set<String> = []
    /// Discovered files named as patches and not built: listed as not judged.
    var patches: Set<String> = []
}

extension Scanner {
    /// The overlays to build and the discovered files they take over. Without an engine nothing is
    /// taken: the manifests are scanned as plain files and the patches are listed as not judged.
    /// `kustomizations` are the discovered kustomization files (`resolved` where reached through a
    /// link); `everyFile` is walked once, when there are any, to find the files they name.
    func kustomizeWork(kustomizations: [String], resolved: [String: String], everyFile: EveryFile) throws(ScanError) -> KustomizeWork {
        guard !kustomizations.isEmpty else { return KustomizeWork() }
        let tree = KustomizeTree(files: kustomizations, resolved: resolved, maxFileSize: options.maxFileSize)
        var builder = options.kustomize.builder
        // What the builds read, and the folders they reach: the only files whose discovered paths
        // are needed to show what a build reports (memory follows the overlays, not the sweep).
        var read = Set<String>()
        var reached = Set<String>()
        if !tree.kustomizations.isEmpty {
            if builder == nil {
                do {
                    builder = try KustomizeEngineDiscovery.find(explicit: options.kustomize.enginePath, environment: options.kustomize.environment)
                } catch {
                    throw .kustomizeEngine(error.description)
                }
            }
            for root in tree.roots {
                for kustomization in tree.reach(root, maxFileSize: options.maxFileSize) {
                    reached.insert(kustomization.folder)
                    read.formUnion(kustomization.resourceFiles)
                    read.formUnion(kustomization.patchFiles)
                }
            }
        }
        let patchTargets = KustomizePatches.patchTargets(of: kustomizations, resolved: resolved, maxFileSize: options.maxFileSize)
        var byRealPath: [String: String] = [:]
        var patches = Set<String>()
        everyFile { file, resolvedTo in
            let isManifest = !tree.kustomizations.isEmpty && (file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".json"))
            guard isManifest || !patchTargets.isEmpty, let real = Discovery.realPath(resolvedTo ?? file) else { return }
            if patchTargets.contains(real) { patches.insert(file) }
            if isManifest, byRealPath[real] == nil, read.contains(real) || Self.isInside(real, anyOf: reached) { byRealPath[real] = file }
        }
        var result = KustomizeWork()
        if !tree.kustomizations.isEmpty {
            let paths = KustomizePaths(byRealPath: byRealPath, workingFolder: Discovery.realPath("."))
            result.work = tree.groups(maxFileSize: options.maxFileSize).map { roots in
                WorkItem.kustomize(KustomizeJob(roots: roots, tree: tree, builder: builder, switchedOff: options.kustomize.switchedOff, shown: paths))
            }
            if builder != nil { result.built = Set(read.compactMap { byRealPath[$0] }) }
        }
        result.patches = patches.subtracting(result.built)
        return result
    }

    /// Whether a real path lies in one of the folders (or below).
    private static func isInside(_ real: String, anyOf folders: Set<String>) -> Bool {
        guard !folders.isEmpty else { return false }
        var folder = Substring(real)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if folders.contains(folder.isEmpty ? "/" : String(folder)) { return true }
        }
        return false
    }
}
