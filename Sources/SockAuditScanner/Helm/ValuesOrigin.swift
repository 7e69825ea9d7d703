import SockAuditCore
import SockAuditParsers

/// Finds the line of the values file (or the `--helm-set`) that set a value a template used:
/// `--helm-set` first, then the values files from the last to the first, then the chart's own
/// `values.yaml`. A subchart's values are looked up under its name in the parent's files, then in
/// its own `values.yaml`.
struct ValuesOrigin {
    struct Source {
        var display: String
        var root: Node
        /// Keys in front of a template's path in this file (`[sub]` for a subchart's values in the parent's).
        var prefix: [String]
    }

    /// Highest precedence first: the parent's files (a subchart's values under its name).
    var sources: [Source]
    /// Each folder subchart's own `values.yaml`, by chart name, after the parent's files.
    var subchartSources: [String: Source]
    var sets: [String]

    struct Found {
        /// `values.yaml:LINE` or `--helm-set a.b=c`.
        var text: String
        var file: String
        var line: Int
    }

    /// Where the value at `path` was set, or nil when no values file sets it (a template default).
    func origin(of path: [String], value: String?, subchart: String?) -> Found? {
        let keyPath = (subchart.map { [$0] } ?? []) + path
        let dotted = keyPath.filter { !$0.hasPrefix("[") }.joined(separator: ".")
        for expression in sets.reversed() where expression.split(separator: ",").contains(where: { term in
            (term.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "") == dotted
        }) {
            return Found(text: "--helm-set \(expression)", file: "", line: 0)
        }
        var ordered = sources.map { ($0, keyPath) }
        if let subchart, let own = subchartSources[subchart] { ordered.append((own, path)) }
        for (source, full) in ordered {
            if let node = Self.find((source.prefix + full)[...], in: source.root, value: value) {
                return Found(text: "\(source.display):\(node.line)", file: source.display, line: node.line)
            }
        }
        return nil
    }

    /// The node at `path` (`[]` tries every item, `[N]` takes one); its key's line for a mapping
    /// value. The last step must hold `value` when one is given.
    static func find(_ path: ArraySlice<String>, in node: Node, value: String?) -> Node? {
        guard let step = path.first else {
            if let value, let text = node.string { return text == value ? node : nil }
            return node
        }
        let rest = path.dropFirst()
        if step == "[]" {
            for item in node.sequence ?? [] { if let found = find(rest, in: item, value: value) { return found } }
            return nil
        }
        if step.hasPrefix("["), let index = Int(step.dropFirst().dropLast()) {
            guard let items = node.sequence, index < items.count else { return nil }
            return find(rest, in: items[index], value: value)
        }
        guard let pair = node.pairs?.last(where: { $0.key.string == step }) else { return nil }
        if rest.isEmpty {
            if let value, let text = pair.value.string, text != value { return nil }
            return pair.key
        }
        return find(rest, in: pair.value, value: value)
    }

    /// The boolean the effective values hold at `path` (a `--helm-set` first, then the values files
    /// from the last), as Helm reads a dependency's `condition:` or `tags:`; nil when none sets one.
    func bool(at path: [String]) -> Bool? {
        let dotted = path.joined(separator: ".")
        for expression in sets.reversed() {
            for term in expression.split(separator: ",") {
                let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0] == dotted, let value = BooleanSpelling.yaml(parts[1]) { return value }
            }
        }
        for source in sources {
            guard let node = Self.value((source.prefix + path)[...], in: source.root) else { continue }
            return node.bool
        }
        return nil
    }

    /// Whether Helm renders a listed dependency under these values: its first condition that
    /// resolves to a boolean decides; else it is off when a tag it names is false and none is true.
    func enables(_ dependency: ChartFolder.Dependency) -> Bool {
        for condition in dependency.conditions {
            if let value = bool(at: condition) { return value }
        }
        guard !dependency.tags.isEmpty else { return true }
        let values = dependency.tags.map { bool(at: ["tags", $0]) }
        return values.contains(true) || !values.contains(false)
    }

    private static func value(_ path: ArraySlice<String>, in node: Node) -> Node? {
        guard let step = path.first else { return node }
        guard let pair = node.pairs?.last(where: { $0.key.string == step }) else { return nil }
        return value(path.dropFirst(), in: pair.value)
    }

    /// The node the values files set at `path`, from the one Helm gives precedence (a list or a
    /// scalar is replaced whole, so the first file that sets it is the value).
    func effective(for path: [String], subchart: String?) -> Node? {
        let full = (subchart.map { [$0] } ?? []) + path
        for source in sources {
            if let node = Self.value((source.prefix + full)[...], in: source.root) { return node }
        }
        if let subchart, let own = subchartSources[subchart] { return Self.value(path[...], in: own.root) }
        return nil
    }
}
