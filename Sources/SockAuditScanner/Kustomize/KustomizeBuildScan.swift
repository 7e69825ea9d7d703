import Foundation
import SockAuditCore
import SockAuditParsers

/// Kustomize overlays are one more input: each overlay is built by a real engine, every built
/// document goes through the Kubernetes adapter unchanged, and each finding is moved from the
/// built output to the file and line that declared it (`KustomizeLocationMap`). Overlays that share
/// a base are one item, so a finding in the base that several overlays keep is reported once,
/// naming them.
struct KustomizeBuildScan {
    var job: KustomizeJob
    var engine: Engine
    var fileScanner: FileScanner
    var maxFileSize: Int

    func outcome() -> FileOutcome {
        var outcome = FileOutcome(kind: .input(.kustomize), facts: Facts())
        var byOverlay: [(overlay: String, findings: [Finding])] = []
        var sourceFiles = Set<String>()
        var plainFiles = Set<String>()
        for root in job.roots {
            let reach = job.tree.reach(root, maxFileSize: maxFileSize)
            let overlay = shownFolder(root)
            guard let builder = job.builder else {
                if reach.contains(where: \.transforms) || reach.contains(where: { !$0.remote.isEmpty }) {
                    outcome.facts.unscannable.append(notBuilt(root))
                }
                continue
            }
            if let remote = reach.lazy.flatMap({ kustomization in kustomization.remote.map { (kustomization, $0) } }).first {
                outcome.facts.unscannable.append(UnscannableFile(
                    location: SourceLocation(path: remote.0.file, line: remote.1.line, column: remote.1.column),
                    reason: "Kustomize overlay \(overlay) not built: it names the remote base \(remote.1.text), which sockaudit does not "
                        + "fetch (scans are offline); its local resources were scanned as plain manifests and its patches were not judged; "
                        + "vendor the base, or scan the built output with: kubectl kustomize \(overlay) | sockaudit scan -",
                    extent: .part))
                plainFiles.formUnion(reach.flatMap(\.resourceFiles))
                continue
            }
            switch builder.build(folder: root.folder) {
            case .failed(let message):
                outcome.facts.unscannable.append(buildFailure(message, root: root, reach: reach))
                plainFiles.formUnion(reach.flatMap(\.resourceFiles))
            case .built(let output, let originBase):
                outcome.overlaysBuilt += 1
                outcome.builtBy = builder.engineName
                let judged = judge(output, originBase: originBase, root: root, reach: reach)
                byOverlay.append((overlay, judged.findings))
                outcome.facts.unscannable += judged.unscannable
                sourceFiles.formUnion(judged.files)
            }
        }
        outcome.judged = Self.merged(byOverlay)
        // A build that failed leaves its plain manifests to be judged as they are written.
        for file in plainFiles.sorted() where !sourceFiles.contains(file) {
            guard let bytes = try? FileReader.read(file, limit: maxFileSize).get() else { continue }
            let plain = fileScanner.scan(SourceFile(path: job.shown.shown(file), bytes: bytes))
            outcome.facts.merge(plain.facts)
        }
        for file in sourceFiles.sorted() {
            if let text = ChartFolder.text(file, limit: maxFileSize) {
                outcome.facts.directives += SuppressionDirectives.scan(text, path: job.shown.shown(file))
            }
        }
        return outcome
    }

    private func shownFolder(_ kustomization: Kustomization) -> String {
        let folder = InputContext.folder(of: kustomization.file)
        return Scanner.display(folder == "." ? "." : folder)
    }

    private func notBuilt(_ root: Kustomization) -> UnscannableFile {
        let folder = shownFolder(root)
        let why = job.switchedOff
            ? "building is switched off (--kustomize-engine none)" : "no Kustomize engine was found (\(KustomizeEngineDiscovery.howToGetOne))"
        return UnscannableFile(
            location: SourceLocation(path: root.file, line: 1, column: 1),
            reason: "Kustomize overlay not built: \(why); its resources were scanned as plain manifests and its patches were not judged; "
                + "or scan the built output with: kubectl kustomize \(folder) | sockaudit scan -",
            extent: .part)
    }

    /// SA901 at the kustomization entry the engine's message names (a missing file, a patch that
    /// matches nothing), else at the overlay's first line.
    private func buildFailure(_ message: String, root: Kustomization, reach: [Kustomization]) -> UnscannableFile {
        if let helm = helmChartsFailure(message, root: root, reach: reach) { return helm }
        var text = message
        for kustomization in reach {
            text = text.replacingOccurrences(of: kustomization.folder + "/", with: shownFolder(kustomization) + "/")
        }
        var location = SourceLocation(path: root.file, line: 1, column: 1)
        // An entry the message names: one that is missing on disk first, then any.
        let named = reach.flatMap { kustomization in
            (kustomization.missing + kustomization.patchReferences()).map { (kustomization, $0) }
        }
        let missingFirst = named.filter { Discovery.realPath($0.0.folder + "/" + $0.1.text) == nil }
            + named.filter { Discovery.realPath($0.0.folder + "/" + $0.1.text) != nil }
        if let found = missingFirst.first(where: { !$0.1.text.isEmpty && message.contains($0.1.text) }) {
            location = SourceLocation(path: found.0.file, line: found.1.line, column: found.1.column)
        }
        return UnscannableFile(
            location: location,
            reason: "Kustomize could not build overlay \(shownFolder(root)): \(text); its resources were scanned as plain manifests "
                + "and its patches were not judged",
            extent: .part)
    }

    /// `helmCharts:` is inflated only by `kustomize build --enable-helm`, which runs a `helm`
    /// executable and pulls the chart from its repository: sockaudit builds offline without it,
    /// so the SA901 sits at the entry and says how to get the chart judged.
    private func helmChartsFailure(_ message: String, root: Kustomization, reach: [Kustomization]) -> UnscannableFile? {
        guard message.contains("--enable-helm") || message.contains("HelmChartInflationGenerator"),
              let (kustomization, entry) = reach.lazy.flatMap({ k in k.helmCharts().map { (k, $0) } }).first else { return nil }
        let home = kustomization.root?["helmGlobals"]?["chartHome"]?.string ?? "charts"
        let vendored = Discovery.realPath(kustomization.folder + "/" + home + "/" + entry.name + "/Chart.yaml") != nil
        let source = entry.repository.map { " from \($0)" } ?? ""
        let judged = vendored
            ? "its chart \(home)/\(entry.name) is scanned on its own as a Helm chart (with that chart's values.yaml, not this entry's values)"
            : "to judge the chart, vendor it (helm pull\(entry.repository.map { " --repo \($0)" } ?? "") \(entry.name) --untar --untardir \(home)) and scan again, where it is rendered as a Helm chart"
        return UnscannableFile(
            location: SourceLocation(path: kustomization.file, line: entry.line, column: entry.column),
            reason: "Kustomize overlay \(shownFolder(root)) not built: its helmCharts entry \"\(entry.name)\"\(source) is inflated only by "
                + "kustomize build --enable-helm with a helm executable, which a scan does not run (it builds offline); "
                + "its resources were scanned as plain manifests and its patches were not judged; \(judged); "
                + "or scan the built output with: kubectl kustomize --enable-helm \(shownFolder(root)) | sockaudit scan -",
            extent: .part)
    }

    // MARK: judging

    struct Judged {
        var findings: [Finding] = []
        var unscannable: [UnscannableFile] = []
        /// Real paths of the files the built resources came from (their suppressions apply).
        var files: Set<String> = []
    }

    private func judge(_ output: String, originBase: String, root: Kustomization, reach: [Kustomization]) -> Judged {
        var judged = Judged()
        let parsed = YAMLParser.parse(output)
        let builtPath = root.file + " (built)"
        if let error = parsed.error {
            judged.unscannable.append(UnscannableFile(
                location: SourceLocation(path: root.file, line: 1, column: 1),
                reason: "the output Kustomize built is not valid YAML: \(error.message) (built line \(error.line)); the documents before it were judged",
                extent: .part))
        }
        let patches = orderedPatches(root, reach: reach)
        var map = KustomizeLocationMap()
        var sources = SourceDocuments(maxFileSize: maxFileSize)
        let lineCount = output.split(separator: "\n", omittingEmptySubsequences: false).count
        let starts = parsed.documents.map(\.line)
        for (index, document) in parsed.documents.enumerated() {
            let last = index + 1 < starts.count ? starts[index + 1] - 1 : lineCount
            let kind = document["kind"]?.string
            let name = document["metadata"]?["name"]?.string
            let origin = Self.origin(of: document, relativeTo: originBase)
            var layers: [KustomizeLayer] = []
            var fallback = SourceLocation(path: root.file, line: 1, column: 1)
            if let file = origin.file, let source = sources.document(in: file, kind: kind, name: name) {
                judged.files.insert(file)
                let shown = job.shown.shown(file)
                layers.append(KustomizeLayer(file: shown, shape: .document(source)))
                fallback = SourceLocation(path: shown, line: source.line, column: source.column)
            } else if let configured = origin.configuredIn {
                fallback = SourceLocation(path: job.shown.shown(configured), line: 1, column: 1)
            }
            for patch in patches where patch.patch.applies(kind: kind, name: name) {
                layers += patch.patch.layers
                judged.files.formUnion(patch.file.map { [$0] } ?? [])
            }
            map.add(built: document, lastLine: last, layers: layers, fallback: fallback)
        }
        var facts = Facts(containers: KubernetesAdapter.containers(in: parsed.documents, path: builtPath))
        facts.merge(ContainerDerivedFacts.derive(from: facts.containers))
        judged.findings = engine.run(facts).map { finding in
            var moved = finding
            if finding.location.path == builtPath {
                moved.location = map.location(line: finding.location.line, column: finding.location.column)
                    ?? SourceLocation(path: root.file, line: 1, column: 1)
            }
            return moved
        }
        return judged
    }

    /// Every patch the overlay's kustomizations declare, in the order kustomize applies them: a
    /// kustomization's resources and bases first, then its components, then its own patches.
    private func orderedPatches(_ root: Kustomization, reach: [Kustomization]) -> [(patch: KustomizePatch, file: String?)] {
        let byFolder = Dictionary(reach.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        func visit(_ kustomization: Kustomization) -> [(patch: KustomizePatch, file: String?)] {
            guard seen.insert(kustomization.folder).inserted else { return [] }
            var patches: [(patch: KustomizePatch, file: String?)] = []
            for folder in kustomization.folders {
                if let inner = byFolder[folder] {
                    patches += visit(inner)
                }
            }
            guard let text = ChartFolder.text(kustomizationPath(kustomization), limit: maxFileSize) else { return patches }
            let own = KustomizePatch.declared(by: kustomization, text: text, shown: job.shown.shown, maxFileSize: maxFileSize)
            let files = Dictionary(kustomization.patchFiles.map { (job.shown.shown($0), $0) }, uniquingKeysWith: { first, _ in first })
            patches += own.map { patch in (patch, patch.layers.first.flatMap { files[$0.file] }) }
            return patches
        }
        return visit(root)
    }

    private func kustomizationPath(_ kustomization: Kustomization) -> String {
        let name = kustomization.file.split(separator: "/").last.map(String.init) ?? kustomization.file
        return kustomization.folder + "/" + name
    }

    /// The file a built document came from (`config.kubernetes.io/origin`: `path:` for a resource
    /// file, `configuredIn:` for a generator), as a real path.
    static func origin(of document: Node, relativeTo base: String) -> (file: String?, configuredIn: String?) {
        guard let text = document["metadata"]?["annotations"]?["config.kubernetes.io/origin"]?.string,
              let origin = YAMLParser.parse(text).documents.first, origin["repo"] == nil else { return (nil, nil) }
        func resolve(_ relative: String?) -> String? {
            guard let relative, !relative.isEmpty else { return nil }
            return Discovery.realPath(normalized(relative.hasPrefix("/") ? relative : base + "/" + relative))
        }
        return (resolve(origin["path"]?.string), resolve(origin["configuredIn"]?.string))
    }

    /// `a/b/../c` as `a/c`: the temporary folder the origin is relative to is gone by now, so
    /// `..` is taken lexically (it was made with no links in its path).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// Findings of several overlays: one finding per rule and place, naming the overlays that
    /// have it when more than one was built.
    static func merged(_ byOverlay: [(overlay: String, findings: [Finding])]) -> [Finding] {
        guard byOverlay.count > 1 else { return byOverlay.first?.findings ?? [] }
        var order: [Finding] = []
        var first: [String: Int] = [:]
        var overlays: [[String]] = []
        for (overlay, findings) in byOverlay {
            for finding in findings {
                let key = "\(finding.ruleID)\u{1F}\(finding.location)\u{1F}\(finding.evidence)"
                if let index = first[key] {
                    if !overlays[index].contains(overlay) { overlays[index].append(overlay) }
                } else {
                    first[key] = order.count
                    order.append(finding)
                    overlays.append([overlay])
                }
            }
        }
        return order.indices.map { index in
            var named = order[index]
            named.message += overlays[index].count == byOverlay.count
                ? " [every overlay: \(overlays[index].joined(separator: ", "))]"
                : " [overlay\(overlays[index].count == 1 ? "" : "s"): \(overlays[index].joined(separator: ", "))]"
            return named
        }
    }
}

/// Source documents read once per build, and the one among a file's documents that a built
/// resource came from: same kind, and the longest name the built name contains (prefixes and
/// suffixes are added by the overlay).
struct SourceDocuments {
    var maxFileSize: Int
    private var cache: [String: [Node]] = [:]

    init(maxFileSize: Int) {
        self.maxFileSize = maxFileSize
    }

    mutating func document(in file: String, kind: String?, name: String?) -> Node? {
        if cache[file] == nil {
            cache[file] = ChartFolder.text(file, limit: maxFileSize).map { YAMLParser.parse($0).documents.filter(\.isMapping) } ?? []
        }
        let documents = cache[file] ?? []
        let sameKind = documents.filter { $0["kind"]?.string == kind }
        let named = sameKind.filter { document in
            guard let own = document["metadata"]?["name"]?.string, let name else { return false }
            return name.contains(own)
        }
        return named.max { ($0["metadata"]?["name"]?.string?.count ?? 0) < ($1["metadata"]?["name"]?.string?.count ?? 0) }
            ?? sameKind.first ?? documents.first
    }
}
