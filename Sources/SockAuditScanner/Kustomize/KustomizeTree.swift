import Foundation

/// The kustomizations of a scan, read without an engine: which ones are overlays to build (named
/// by no other), what each reaches (its bases and components, down to the files), and which
/// overlays share a base, so one work item builds them together and reports a shared finding once.
struct KustomizeTree {
    /// By real folder.
    var kustomizations: [String: Kustomization] = [:]

    init(files: [String], resolved: [String: String], maxFileSize: Int) {
        for file in files where Kustomization.fileNames.contains(file.split(separator: "/").last.map(String.init) ?? file) {
            guard let kustomization = Kustomization(file: file, readFrom: resolved[file] ?? file, maxFileSize: maxFileSize),
                  kustomizations[kustomization.folder] == nil else { continue }
            kustomizations[kustomization.folder] = kustomization
        }
    }

    /// Kustomizations no other one in the scan names, less components: what `kustomize build` is
    /// run on. Sorted by file.
    var roots: [Kustomization] {
        let named = Set(kustomizations.values.flatMap(\.folders))
        return kustomizations.values.filter { !$0.isComponent && !named.contains($0.folder) }.sorted { $0.file < $1.file }
    }

    /// The kustomization folders a root reaches, itself first, each once (bases outside the scan
    /// are read too: they are built with it).
    func reach(_ root: Kustomization, maxFileSize: Int) -> [Kustomization] {
        var seen: Set<String> = [root.folder]
        var order = [root]
        var queue = [root]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for folder in current.folders where !seen.contains(folder) {
                seen.insert(folder)
                let found = kustomizations[folder] ?? Self.outside(folder, maxFileSize: maxFileSize)
                if let found {
                    order.append(found)
                    queue.append(found)
                }
            }
        }
        return order
    }

    /// A base outside the scanned folders (`kubectl kustomize overlays/prod` names `../../base`).
    private static func outside(_ folder: String, maxFileSize: Int) -> Kustomization? {
        for name in Kustomization.fileNames where FileManager.default.fileExists(atPath: folder + "/" + name) {
            return Kustomization(file: folder + "/" + name, readFrom: folder + "/" + name, maxFileSize: maxFileSize)
        }
        return nil
    }

    /// Roots that reach a common kustomization, together (each group sorted, groups by first file).
    func groups(maxFileSize: Int) -> [[Kustomization]] {
        var groups: [(roots: [Kustomization], folders: Set<String>)] = []
        for root in roots {
            let folders = Set(reach(root, maxFileSize: maxFileSize).map(\.folder))
            let joined = groups.indices.filter { !groups[$0].folders.isDisjoint(with: folders) }
            var merged = (roots: [root], folders: folders)
            for index in joined.reversed() {
                merged.roots = groups[index].roots + merged.roots
                merged.folders.formUnion(groups[index].folders)
                groups.remove(at: index)
            }
            groups.append(merged)
        }
        return groups.map { $0.roots.sorted { $0.file < $1.file } }.sorted { $0[0].file < $1[0].file }
    }
}
