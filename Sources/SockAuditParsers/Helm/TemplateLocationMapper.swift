/// Turns positions in a rendered Helm document into positions in the template that produced it.
/// The rendered document's keys are matched to the template's own structure (`TemplateOutline`);
/// a key the template does not write itself was written by an action (`include`, `toYaml`, a
/// `range` item), and points at that action's line in this template, never at a line of
/// `_helpers.tpl`; what cannot be matched points at the enclosing object's line. Every position
/// is a real line and column of the template.
public struct TemplateLocationMapper: Sendable {
    public let outline: TemplateOutline

    /// Where a rendered value came from in the chart's values: a path of keys (`[]` is an item of
    /// a `range` whose index is not known, `[N]` a known index) and the rendered value's text.
    public struct ValuesUse: Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var path: [String]
        public var value: String?
    }

    public struct Relocated: Sendable {
        public var document: Node
        public var valuesUses: [ValuesUse]
    }

    public init(template: String) {
        outline = TemplateOutline(template: template)
    }

    /// The document with every node moved to its template position.
    public func relocate(_ document: Node) -> Relocated {
        var uses: [ValuesUse] = []
        let root = bestDocument(for: document)
        let start = root.flatMap(\.children.first).map { Position(line: $0.line, column: $0.column) }
            ?? Position(line: min(max(root?.line ?? 1, 1), max(outline.lineCount, 1)), column: 1)
        let moved = relocate(document, entry: root, at: start, writer: nil, uses: &uses)
        return Relocated(document: moved, valuesUses: uses)
    }

    struct Position {
        var line: Int
        var column: Int
    }

    /// Whoever wrote a subtree that the template does not spell out: the action, and the values
    /// path it wrote (`toYaml .Values.x`, or `toYaml .` under `with .Values.x`), extended by the keys
    /// below it.
    struct Writer {
        var action: TemplateAction
        var valuesPath: [String]?
    }

    private func relocate(_ node: Node, entry: TemplateOutline.Entry?, at position: Position, writer: Writer?, uses: inout [ValuesUse]) -> Node {
        var moved = node
        moved.line = position.line
        moved.column = position.column
        switch node.content {
        case .scalar(let scalar):
            if let writer {
                if let path = writer.valuesPath { uses.append(ValuesUse(line: position.line, column: position.column, path: path, value: scalar.text)) }
            } else if let entry, let path = valuesPath(onLine: entry.line) {
                uses.append(ValuesUse(line: position.line, column: position.column, path: path, value: scalar.text))
            }
        case .mapping(let pairs):
            moved.content = .mapping(pairs.map { pair in
                let key = pair.key.string ?? ""
                if writer == nil, let entry {
                    if let match = best(entry.child(key), for: pair.value) {
                        return Node.Pair(
                            key: at(pair.key, match.line, match.column),
                            value: relocate(pair.value, entry: match, at: valuePosition(match, pair.value), writer: nil, uses: &uses))
                    }
                    if let found = self.writer(in: entry, for: key) {
                        let inner = Writer(action: found.action, valuesPath: found.valuesPath.map { $0 + [key] })
                        let here = Position(line: found.action.line, column: found.action.column)
                        return Node.Pair(key: at(pair.key, here.line, here.column), value: relocate(pair.value, entry: nil, at: here, writer: inner, uses: &uses))
                    }
                }
                let inner = writer.map { Writer(action: $0.action, valuesPath: $0.valuesPath.map { $0 + [key] }) }
                return Node.Pair(key: at(pair.key, position.line, position.column), value: relocate(pair.value, entry: nil, at: position, writer: inner, uses: &uses))
            })
        case .sequence(let items):
            moved.content = .sequence(items.enumerated().map { index, item in
                if writer == nil, let entry {
                    if let match = best(entry.children.filter(\.isItem), for: item) {
                        return relocate(item, entry: match, at: itemPosition(match, item), writer: nil, uses: &uses)
                    }
                    if let found = self.writer(in: entry, for: nil) {
                        let inner = Writer(action: found.action, valuesPath: found.valuesPath.map { $0 + ["[\(index)]"] })
                        return relocate(item, entry: nil, at: Position(line: found.action.line, column: found.action.column), writer: inner, uses: &uses)
                    }
                }
                let inner = writer.map { Writer(action: $0.action, valuesPath: $0.valuesPath.map { $0 + ["[\(index)]"] }) }
                return relocate(item, entry: nil, at: position, writer: inner, uses: &uses)
            })
        }
        return moved
    }

    private func at(_ node: Node, _ line: Int, _ column: Int) -> Node {
        var moved = node
        moved.line = line
        moved.column = column
        return moved
    }

    /// A scalar value sits where the template writes it (its static text or its action); a mapping
    /// starts at its first key; anything else at the key.
    private func valuePosition(_ entry: TemplateOutline.Entry, _ value: Node) -> Position {
        if value.scalar != nil, let column = entry.valueColumn { return Position(line: entry.line, column: column) }
        if value.isMapping || value.sequence != nil, let first = entry.children.first {
            return Position(line: first.line, column: first.column)
        }
        return Position(line: entry.line, column: entry.column)
    }

    private func itemPosition(_ entry: TemplateOutline.Entry, _ item: Node) -> Position {
        if let first = entry.children.first { return Position(line: first.line, column: first.column) }
        if let column = entry.valueColumn { return Position(line: entry.line, column: column) }
        return Position(line: entry.line, column: entry.column)
    }

    // MARK: matching

    /// The template document this rendered document came from: the one whose static keys and
    /// values agree best (`kind: DaemonSet`); a single document is taken as it is.
    private func bestDocument(for document: Node) -> TemplateOutline.Entry? {
        let candidates = outline.documents.filter { !$0.children.isEmpty }
        if candidates.count <= 1 { return candidates.first ?? outline.documents.first }
        return best(candidates, for: document) ?? candidates.first
    }

    /// Of the template entries that could have written `node`, the one that agrees best; an entry
    /// whose static value contradicts the rendered one is never taken.
    private func best(_ candidates: [TemplateOutline.Entry], for node: Node) -> TemplateOutline.Entry? {
        var chosen: (entry: TemplateOutline.Entry, score: Int)?
        for candidate in candidates {
            guard let score = score(node, candidate, depth: 0) else { continue }
            if chosen == nil || score > chosen!.score { chosen = (candidate, score) }
        }
        return chosen?.entry
    }

    /// How well a rendered node fits an entry: +1 for each key the template writes, +2 for each
    /// static value that is the same; nil when a static value differs.
    private func score(_ node: Node, _ entry: TemplateOutline.Entry, depth: Int) -> Int? {
        if let text = node.string {
            let written = Self.unquoted(entry.value)
            // Nothing static to compare, or a value partly written by an action.
            if written.isEmpty || outline.actions.contains(where: { $0.line == entry.line }) { return 0 }
            return written == text ? 2 : nil
        }
        guard let pairs = node.pairs else { return 0 }
        var total = 0
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            let matches = entry.child(key)
            guard !matches.isEmpty else { continue }
            total += 1
            guard depth < 3 else { continue }
            // Keys written in several branches (`if`/`else`): the branch that agrees counts.
            let scores = matches.map { pairScore(pair.value, $0, depth: depth) }
            guard let best = scores.compactMap({ $0 }).max() else { return nil }
            total += best
        }
        return total
    }

    /// A rendered value against one template key: its static scalar compared, a mapping scored.
    private func pairScore(_ value: Node, _ match: TemplateOutline.Entry, depth: Int) -> Int? {
        if value.string != nil {
            let written = Self.unquoted(match.value)
            if written.isEmpty || written.hasPrefix("|") || written.hasPrefix(">") { return 0 }
            // A value partly written by an action (`"{{ .Values.repo }}:{{ .Values.tag }}"`) is not compared.
            if outline.actions.contains(where: { $0.line == match.line }) { return 0 }
            return written == value.string ? 2 : nil
        }
        if value.isMapping { return score(value, match, depth: depth + 1) }
        return 0
    }

    static func unquoted(_ text: String) -> String {
        var value = text
        if let hash = value.firstRange(of: " #") { value = String(value[..<hash.lowerBound]) }
        value = value.trimmingSpaces()
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    // MARK: actions

    /// The action in `entry`'s block that wrote what the template does not spell out; one that names
    /// the missing key in its values reference is preferred.
    private func writer(in entry: TemplateOutline.Entry, for key: String?) -> Writer? {
        let writers = outline.writers(in: entry)
        guard !writers.isEmpty else { return nil }
        let chosen = key.flatMap { key in writers.first { ValuesReference.all(in: $0.text).contains { $0.last == key } } } ?? writers[0]
        return Writer(action: chosen, valuesPath: writtenValuesPath(chosen))
    }

    /// The values path an action writes as a whole: `toYaml .Values.x`, `.Values.x`, or `.` under a
    /// `with`/`range` over values; nil for `include` and other named templates.
    private func writtenValuesPath(_ action: TemplateAction) -> [String]? {
        if action.text.hasPrefix("include") || action.text.hasPrefix("template") { return nil }
        if let reference = ValuesReference.first(in: action.text) { return reference }
        guard let scope = outline.dotPath(at: action.line) else { return nil }
        let words = action.text.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "(" || $0 == ")" })
        if words.contains(".") { return scope }
        if let field = words.first(where: { $0.hasPrefix(".") && $0.count > 1 && !Self.builtIns.contains(where: $0.hasPrefix) }) {
            return scope + field.dropFirst().split(separator: ".").map(String.init)
        }
        return nil
    }

    private static let builtIns = [".Release", ".Chart", ".Capabilities", ".Template", ".Files", ".Subcharts"]

    /// The values path written on a line the template spells out (`path: {{ .Values.docker.socket }}`).
    private func valuesPath(onLine line: Int) -> [String]? {
        for action in outline.actions where action.line == line {
            guard case .output = action.kind else { continue }
            if let path = writtenValuesPath(action) { return path }
        }
        return nil
    }
}
