import Foundation
import SockAuditCore
import SockAuditParsers

/// A Helm chart is one more input: it is rendered by a real Helm engine, each rendered document
/// goes through the Kubernetes adapter unchanged, and every position is moved from the rendered
/// output to the template line that wrote it (`TemplateLocationMapper`). With `--helm-scenarios`
/// each `ci/*-values.yaml` is rendered too, and a finding the scenarios share is reported once.
struct HelmChartScan {
    var renderer: (any ChartRenderer)?
    var settings: HelmSettings
    /// The `--helm-values` files that apply to this chart, in the order given.
    var valuesFiles: [String]
    var engine: Engine
    var maxFileSize: Int

    func outcome(chartFile: String) -> FileOutcome {
        let chart = ChartFolder(chartFile: chartFile, maxFileSize: maxFileSize)
        guard let renderer else { return notRendered(chart) }
        var outcome = FileOutcome(kind: .input(.helm), facts: Facts())
        outcome.renderedBy = renderer.engineName

        let missing = chart.missingDependencies()
        // A dependency switched off by its condition or tags is not rendered by Helm either.
        let defaults = valuesOrigin(chart: chart, scenario: Scenario(name: nil, files: valuesFiles))
        for dependency in missing where defaults.enables(dependency) {
            let source = [dependency.version, dependency.repository.map { "from \($0)" }].compactMap { $0 }.joined(separator: " ")
            outcome.facts.unscannable.append(UnscannableFile(
                location: SourceLocation(path: chart.chartFileDisplay, line: dependency.line, column: dependency.column),
                reason: "its dependency \"\(dependency.name)\"\(source.isEmpty ? "" : " (\(source))") is listed "
                    + "but not vendored under charts/, so its templates were not rendered; run helm dependency build, then scan again",
                extent: .part))
        }

        let scenarios = [Scenario(name: nil, files: valuesFiles)]
            + (settings.scenarios ? chart.scenarioFiles().map { Scenario(name: chart.shown($0), files: [chart.folder + "/" + $0] + valuesFiles) } : [])
        var findingsByScenario: [(Scenario, [Finding])] = []
        var templatesSeen = Set<String>()
        var valuesUses: [ValuesUseAt] = []
        for scenario in scenarios {
            let request = ChartRenderRequest(chartFolder: chart.folder, valuesFiles: scenario.files, sets: settings.sets)
            switch render(request, chart: chart, renderer: renderer, missing: missing) {
            case .failed(let message):
                outcome.facts.unscannable.append(renderFailure(message, chart: chart, scenario: scenario, renderer: renderer, missing: missing))
            case .rendered(let templates):
                let judged = judge(templates, chart: chart, scenario: scenario)
                findingsByScenario.append((scenario, judged.findings))
                outcome.facts.unscannable += judged.unscannable
                templatesSeen.formUnion(judged.templates)
                valuesUses += judged.valuesUses
            }
        }
        outcome.judged = Self.merged(findingsByScenario, scenarios: scenarios.count)
        outcome.facts.directives = directives(templates: templatesSeen.sorted(), chart: chart, uses: valuesUses, findings: outcome.judged)
        return outcome
    }

    struct Scenario {
        /// nil for the chart's default values (with the user's files and sets).
        var name: String?
        var files: [String]
        var label: String { name ?? "the default values" }
    }

    /// A rendered position that took its value from the chart's values, and where that value is set.
    struct ValuesUseAt {
        var location: SourceLocation
        var ruleID: String
        /// The finding's message before scenarios are named.
        var message: String
        var originFile: String
        var originLine: Int
    }

    // MARK: rendering

    private func render(_ request: ChartRenderRequest, chart: ChartFolder, renderer: any ChartRenderer, missing: [ChartFolder.Dependency]) -> ChartRenderOutcome {
        guard renderer.refusesMissingDependencies, !missing.isEmpty else { return renderer.render(request) }
        // The `helm` executable refuses a chart whose dependencies are not vendored: render a copy
        // whose Chart.yaml lists only the vendored ones (what the library does by itself).
        guard let copy = PrunedChart(chart: chart, missing: missing) else { return renderer.render(request) }
        defer { copy.remove() }
        var pruned = request
        pruned.chartFolder = copy.folder
        pruned.valuesFiles = request.valuesFiles.map { $0.hasPrefix(chart.folder + "/") ? copy.folder + $0.dropFirst(chart.folder.count) : $0 }
        return renderer.render(pruned)
    }

    private func notRendered(_ chart: ChartFolder) -> FileOutcome {
        let folder = chart.display.isEmpty ? "." : chart.display
        let switchedOff = (settings.enginePath ?? settings.environment["SOCKAUDIT_HELM_ENGINE"]) == "none"
        let why = switchedOff ? "rendering is switched off (--helm-engine none)" : "no Helm engine was found (\(HelmEngineDiscovery.howToGetOne))"
        let reason = "Helm chart not rendered: \(why); "
            + "or scan the rendered manifests with: helm template \(folder) | sockaudit scan -"
        let location = SourceLocation(path: chart.chartFileDisplay, line: 1, column: 1)
        return FileOutcome(kind: .input(.helm), facts: Facts(unscannable: [UnscannableFile(location: location, reason: reason)]))
    }

    /// SA901 at the template file and line the engine names; when the default values cannot
    /// render, the `ci/` values files that do are named.
    private func renderFailure(_ message: String, chart: ChartFolder, scenario: Scenario, renderer: any ChartRenderer, missing: [ChartFolder.Dependency]) -> UnscannableFile {
        var location = SourceLocation(path: chart.chartFileDisplay, line: 1, column: 1)
        if let named = Self.templatePosition(in: message, chartName: chart.name) {
            let place = chart.locate(source: named.source)
            location = place.archive == nil && chart.read(place.relative) != nil
                ? SourceLocation(path: chart.shown(place.relative), line: named.line, column: named.column ?? 1)
                : SourceLocation(path: chart.shown(place.archive ?? "Chart.yaml"), line: 1, column: 1)
        }
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        var reason = "Helm could not render this chart with \(scenario.label): \(oneLine)"
        // A template that does not parse cannot be fixed with values; anything else may be.
        if scenario.name == nil, !message.contains("parse error") {
            let give = "give the values it needs with --helm-values FILE or --helm-set key=value"
            let tried = chart.scenarioFiles()
            let rendering = tried.filter { file in
                var request = ChartRenderRequest(chartFolder: chart.folder, valuesFiles: [chart.folder + "/" + file] + valuesFiles, sets: settings.sets)
                request.releaseName = "release-name"
                if case .rendered = render(request, chart: chart, renderer: renderer, missing: missing) { return true }
                return false
            }
            if !rendering.isEmpty {
                reason += "; it renders with \(rendering.map(chart.shown).joined(separator: ", ")): scan with --helm-scenarios, or \(give)"
            } else if !tried.isEmpty {
                reason += "; none of its ci/ values files renders it either: \(give)"
            } else {
                reason += "; \(give)"
            }
        }
        return UnscannableFile(location: location, reason: reason)
    }

    /// `CHART/templates/x.yaml:12:5` (or `:12`) in an engine message.
    static func templatePosition(in message: String, chartName: String) -> (source: String, line: Int, column: Int?)? {
        var rest = Substring(message)
        while let start = rest.firstRange(of: chartName + "/") {
            let tail = rest[start.lowerBound...]
            let token = tail.prefix { !$0.isWhitespace && $0 != ")" && $0 != "\"" && $0 != "," }
            let parts = token.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 2, let line = Int(parts[1]) {
                return (String(parts[0]), line, parts.count >= 3 ? Int(parts[2]) : nil)
            }
            rest = rest[start.upperBound...]
        }
        return nil
    }

    // MARK: judging

    struct Judged {
        var findings: [Finding] = []
        var unscannable: [UnscannableFile] = []
        var templates: [String] = []
        var valuesUses: [ValuesUseAt] = []
    }

    /// Each rendered template: parsed, moved to its template's lines, adapted and judged.
    private func judge(_ templates: [RenderedTemplate], chart: ChartFolder, scenario: Scenario) -> Judged {
        var judged = Judged()
        let origins = valuesOrigin(chart: chart, scenario: scenario)
        let named = chart.namedTemplates()
        var archives: [String: [String: String]] = [:]
        for rendered in templates where rendered.isManifest {
            let place = chart.locate(source: rendered.source)
            let parsed = YAMLParser.parse(rendered.text)
            var documents = parsed.documents
            let path: String
            var notes: [TemplateLocationMapper.Note] = []
            var archiveText: String?
            if let archive = place.archive, let inner = place.inArchive, let renderer {
                if archives[archive] == nil { archives[archive] = renderer.archiveTemplates(chart.folder + "/" + archive) }
                archiveText = archives[archive]?[inner]
            }
            if place.archive == nil, let template = chart.read(place.relative) {
                path = chart.shown(place.relative)
                judged.templates.append(place.relative)
                let subchart = place.subchart
                let mapper = TemplateLocationMapper(template: template, named: named, values: { origins.effective(for: $0, subchart: subchart) })
                documents = documents.map { document in
                    // Each document's notes are numbered from 1: renumber them after the ones before.
                    let relocated = mapper.relocate(document)
                    let offset = notes.count
                    notes += relocated.notes
                    return offset == 0 ? relocated.document : Self.renumbered(relocated.document, by: offset)
                }
            } else if let archiveText {
                // A template inside a `.tgz` subchart: mapped to its lines as the engine read them;
                // the finding stays on the archive's first line and its message names that line.
                path = chart.shown(place.archive ?? place.relative)
                let mapper = TemplateLocationMapper(template: archiveText)
                documents = documents.map { Self.untagged(mapper.relocate($0).document) }
            } else {
                // A template inside a `.tgz` subchart the engine cannot show: its findings are on
                // the archive's first line, and the message names the template.
                path = chart.shown(place.archive ?? place.relative)
                documents = documents.map { Self.flattened($0) }
            }
            if let error = parsed.error {
                // The rendered line, where the template writes it once as it is; else the file's first line.
                let written = place.archive == nil ? chart.read(place.relative).flatMap { Self.onlyLine(writing: Self.line(error.line, of: rendered.text), in: $0) } : nil
                judged.unscannable.append(UnscannableFile(
                    location: SourceLocation(path: path, line: written?.line ?? 1, column: written?.column ?? 1),
                    reason: "the output Helm rendered from this template (\(rendered.source)) is not valid YAML: \(error.message) "
                        + "(rendered line \(error.line)\(Self.quotedLine(rendered.text, error.line))); the documents before it were judged",
                    extent: .part))
            }
            var facts = Facts(containers: KubernetesAdapter.containers(in: documents, path: path))
            facts.merge(ContainerDerivedFacts.derive(from: facts.containers))
            var findings = engine.run(facts)
            for index in findings.indices {
                let (column, tag) = NoteTag.untag(findings[index].location.column)
                findings[index].location.column = column
                if tag > 0, tag <= notes.count {
                    let note = notes[tag - 1]
                    if let written = note.writtenBy {
                        findings[index].message += " (written by the named template \"\(written.name)\" at \(written.path):\(written.line))"
                        // A directive next to that line in the named template's file covers the finding.
                        judged.valuesUses.append(ValuesUseAt(
                            location: findings[index].location, ruleID: findings[index].ruleID, message: findings[index].message,
                            originFile: written.path, originLine: written.line))
                    }
                    if let use = note.values, let origin = origins.origin(of: use.path, value: use.value, subchart: place.subchart) {
                        findings[index].message += " (the value comes from \(origin.text))"
                        judged.valuesUses.append(ValuesUseAt(
                            location: findings[index].location, ruleID: findings[index].ruleID, message: findings[index].message,
                            originFile: origin.file, originLine: origin.line))
                    }
                } else if place.archive != nil, archiveText != nil {
                    let line = findings[index].location.line
                    findings[index].message += " (at \(rendered.source):\(line), inside the archive)"
                    findings[index].location = SourceLocation(path: path, line: 1, column: 1)
                } else if place.archive != nil {
                    findings[index].message += " (in \(rendered.source), inside the archive)"
                }
            }
            judged.findings += findings
        }
        return judged
    }

    /// Tags moved past the notes of the documents before (see `NoteTag`).
    private static func renumbered(_ node: Node, by offset: Int) -> Node {
        var moved = node
        let (column, tag) = NoteTag.untag(node.column)
        if tag > 0 { moved.column = NoteTag.tagged(column, tag + offset) }
        switch node.content {
        case .scalar: break
        case .sequence(let items): moved.content = .sequence(items.map { renumbered($0, by: offset) })
        case .mapping(let pairs): moved.content = .mapping(pairs.map { Node.Pair(key: renumbered($0.key, by: offset), value: renumbered($0.value, by: offset)) })
        }
        return moved
    }

    /// Every tag dropped: an archive's template is not annotated.
    private static func untagged(_ node: Node) -> Node {
        var moved = node
        moved.column = NoteTag.untag(node.column).column
        switch node.content {
        case .scalar: break
        case .sequence(let items): moved.content = .sequence(items.map(untagged))
        case .mapping(let pairs): moved.content = .mapping(pairs.map { Node.Pair(key: untagged($0.key), value: untagged($0.value)) })
        }
        return moved
    }

    /// `: "text"` of a rendered line (it is not in any file the user has), shortened.
    static func quotedLine(_ text: String, _ line: Int) -> String {
        let trimmed = Self.line(line, of: text)
        guard !trimmed.isEmpty else { return "" }
        return ": \"\(trimmed.count > 80 ? trimmed.prefix(77) + "..." : trimmed)\""
    }

    /// Line `number` of `text`, without its surrounding spaces ("" past the end).
    static func line(_ number: Int, of text: String) -> String {
        var current = 1
        for content in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return content.trimmingCharacters(in: .whitespaces) }
            current += 1
        }
        return ""
    }

    /// The one line of the template whose text is `content` (no action on it), and its column.
    static func onlyLine(writing content: String, in template: String) -> (line: Int, column: Int)? {
        guard !content.isEmpty, !content.contains("{{") else { return nil }
        var found: (line: Int, column: Int)?
        var number = 0
        for text in template.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard text.trimmingCharacters(in: .whitespaces) == content else { continue }
            if found != nil { return nil }
            found = (number, (text.firstIndex { $0 != " " && $0 != "\t" }.map { text.distance(from: text.startIndex, to: $0) } ?? 0) + 1)
        }
        return found
    }

    /// Every node at the document's first line: positions inside an archive cannot be shown.
    private static func flattened(_ node: Node) -> Node {
        var moved = node
        moved.line = 1
        moved.column = 1
        switch node.content {
        case .scalar: break
        case .sequence(let items): moved.content = .sequence(items.map(flattened))
        case .mapping(let pairs): moved.content = .mapping(pairs.map { Node.Pair(key: flattened($0.key), value: flattened($0.value)) })
        }
        return moved
    }

    private func valuesOrigin(chart: ChartFolder, scenario: Scenario) -> ValuesOrigin {
        var sources: [ValuesOrigin.Source] = []
        for file in scenario.files.reversed() {
            guard let root = ChartFolder.yaml(file, limit: maxFileSize) else { continue }
            let display = file.hasPrefix(chart.folder + "/") ? chart.shown(String(file.dropFirst(chart.folder.count + 1))) : Scanner.display(file)
            sources.append(ValuesOrigin.Source(display: display, root: root, prefix: []))
        }
        if let root = chart.read("values.yaml").flatMap({ YAMLParser.parse($0).documents.first }) {
            sources.append(ValuesOrigin.Source(display: chart.shown("values.yaml"), root: root, prefix: []))
        }
        var subchartSources: [String: ValuesOrigin.Source] = [:]
        for (name, place) in chart.subcharts() where !place.hasSuffix(".tgz") {
            if let root = chart.read(place + "/values.yaml").flatMap({ YAMLParser.parse($0).documents.first }) {
                subchartSources[name] = ValuesOrigin.Source(display: chart.shown(place + "/values.yaml"), root: root, prefix: [])
            }
        }
        return ValuesOrigin(sources: sources, subchartSources: subchartSources, sets: settings.sets)
    }

    // MARK: scenarios and suppressions

    /// One finding per place and message; with scenarios, each names the values it was found with.
    static func merged(_ byScenario: [(Scenario, [Finding])], scenarios: Int) -> [Finding] {
        var order: [Finding] = []
        var labels: [Finding: [String]] = [:]
        for (scenario, findings) in byScenario {
            for finding in findings {
                if labels[finding] == nil { order.append(finding) }
                if labels[finding]?.contains(scenario.label) != true { labels[finding, default: []].append(scenario.label) }
            }
        }
        guard scenarios > 1 else { return order }
        return order.map { finding in
            var named = finding
            let found = labels[finding] ?? []
            named.message += found.count == scenarios
                ? " [every values scenario]"
                : " [values: \(found.joined(separator: ", "))]"
            return named
        }
    }

    /// Inline directives of the templates that were rendered, of the values files and of the named
    /// templates that wrote findings; a directive in a values file or a named template covers the
    /// findings whose value comes from (or that were written at) the lines it covers.
    private func directives(templates: [String], chart: ChartFolder, uses: [ValuesUseAt], findings: [Finding]) -> [SuppressionDirective] {
        var directives: [SuppressionDirective] = []
        for relative in templates {
            if let text = chart.read(relative) { directives += SuppressionDirectives.scan(text, path: chart.shown(relative)) }
        }
        var texts: [String: String] = [:]
        if let text = chart.read("values.yaml") { texts[chart.shown("values.yaml")] = text }
        for file in userValuesFiles(chart) {
            if let text = ChartFolder.text(file.path, limit: maxFileSize) { texts[file.display] = text }
        }
        // The files of the named templates that wrote findings (`_pod.tpl`), unless rendered themselves.
        let rendered = Set(templates.map(chart.shown))
        for file in Set(uses.map(\.originFile)) where texts[file] == nil && !rendered.contains(file) {
            let relative = chart.display.isEmpty ? file : String(file.dropFirst(chart.display.count + 1))
            guard chart.shown(relative) == file, relative.hasPrefix("templates/") || relative.hasPrefix("charts/"),
                  let text = chart.read(relative) else { continue }
            texts[file] = text
        }
        for (display, text) in texts.sorted(by: { $0.key < $1.key }) {
            for directive in SuppressionDirectives.scan(text, path: display) {
                let covered = uses.filter { $0.originFile == display && directive.lines.contains($0.originLine) }
                let moved = covered.flatMap { use in
                    findings.filter { finding in
                        finding.location == use.location && finding.ruleID == use.ruleID && finding.message.hasPrefix(use.message) && directive.rules.contains {
                            $0.lowercased() == finding.ruleID.lowercased() || $0.lowercased() == finding.slug
                        }
                    }.map { finding in
                        SuppressionDirective(
                            location: finding.location, rules: directive.rules, reason: directive.reason,
                            lines: finding.location.line...finding.location.line, sidecar: directive.location)
                    }
                }
                // Written in a values file or a named template but covering no finding: kept where it
                // is, reported as unused.
                directives += moved.isEmpty ? [directive] : Array(Set(moved)).sorted { $0.location < $1.location }
            }
        }
        return directives
    }

    private func userValuesFiles(_ chart: ChartFolder) -> [(path: String, display: String)] {
        let scenarioFiles = settings.scenarios ? chart.scenarioFiles().map { chart.folder + "/" + $0 } : []
        return (valuesFiles + scenarioFiles).map { file in
            (file, file.hasPrefix(chart.folder + "/") ? chart.shown(String(file.dropFirst(chart.folder.count + 1))) : Scanner.display(file))
        }
    }
}
