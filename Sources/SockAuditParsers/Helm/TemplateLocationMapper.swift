/// Turns positions in a rendered Helm document into positions in the template that produced it.
/// The rendered document's keys are matched to the template's own structure (`TemplateOutline`);
/// a key the template does not write itself was written by an action (`include`, `toYaml`, a
/// `range` item), and points at that action's line in this template, never at a line of
/// `_helpers.tpl`; what cannot be matched points at the enclosing object's line. Every position
/// is a real line and column of the template.
public struct TemplateLocationMapper: Sendable {
    public let outline: TemplateOutline
    /// The chart's named templates, so what an `include` wrote is matched to the lines that wrote
    /// it (its values and its defining line are named; its position stays at the `include`).
    public let named: NamedTemplates
    /// The effective values at a path (the values files the chart was rendered with, highest
    /// first), to tell which of several actions filling one list wrote an item.
    public let values: @Sendable ([String]) -> Node?

    /// Where a rendered value came from in the chart's values: a path of keys (`[]` is an item of
    /// a `range` whose index is not known, `[N]` a known index) and the rendered value's text.
    public struct ValuesUse: Hashable, Sendable {
        public var path: [String]
        public var value: String?
    }

    /// A named template that wrote a node: the file and line, in that template, of its key or action.
    public struct Definition: Hashable, Sendable {
        public var name: String
        public var path: String
        public var line: Int
    }

    /// What is known of one relocated node beyond its position.
    public struct Note: Hashable, Sendable {
        public var values: ValuesUse?
        public var writtenBy: Definition?
    }

    public struct Relocated: Sendable {
        /// Nodes with a note carry `NoteTag.tagged` columns until `NoteTag.untag` reads them back.
        public var document: Node
        public var notes: [Note]
    }

    public init(template: String, named: NamedTemplates = NamedTemplates(files: []), values: @escaping @Sendable ([String]) -> Node? = { _ in nil }) {
        outline = TemplateOutline(template: template)
        self.named = named
        self.values = values
    }

    /// The document with every node moved to its template position; a node that took its value
    /// from the chart's values or was written by a named template carries a note.
    public func relocate(_ document: Node) -> Relocated {
        var notes = Notes()
        let frame = Frame(outline: outline, fixed: nil, definition: nil, root: nil, depth: 0)
        let root = bestDocument(for: document)
        let start = root.flatMap(\.children.first).map { Position(line: $0.line, column: $0.column) }
            ?? Position(line: min(max(root?.line ?? 1, 1), max(outline.lineCount, 1)), column: 1)
        let moved = relocate(document, entry: root, at: start, writer: nil, frame: frame, notes: &notes)
        return Relocated(document: moved, notes: notes.list)
    }

    struct Position {
        var line: Int
        var column: Int
    }

    /// The template being matched: the `# Source:` template itself, or the body of a named template
    /// it includes, whose nodes all sit at the include (`fixed`), never at a line of another file.
    struct Frame {
        var outline: TemplateOutline
        var fixed: Position?
        var definition: NamedTemplates.Definition?
        /// What `.` is at the top of the body (`include "x" .Values.agent`); nil for the chart's root.
        var root: [String]?
        var depth: Int

        func place(_ position: Position) -> Position { fixed ?? position }
    }

    struct Notes {
        var list: [Note] = []
        var index: [Note: Int] = [:]

        mutating func tag(_ node: inout Node, _ note: Note) {
            guard note.values != nil || note.writtenBy != nil else { return }
            let number: Int
            if let known = index[note] { number = known } else {
                list.append(note)
                number = list.count
                index[note] = number
            }
            node.column = NoteTag.tagged(node.column, number)
        }
    }

    /// Whoever wrote a subtree that the template does not spell out: the action, and the values
    /// path it wrote (`toYaml .Values.x`, or `toYaml .` under `with .Values.x`), extended by the keys
    /// below it.
    struct Writer {
        var action: TemplateAction
        var valuesPath: [String]?
    }

    private func definition(_ frame: Frame, line: Int) -> Definition? {
        frame.definition.map { Definition(name: $0.name, path: $0.path, line: line) }
    }

    private func relocate(_ node: Node, entry: TemplateOutline.Entry?, at given: Position, writer: Writer?, frame: Frame, notes: inout Notes) -> Node {
        let position = frame.place(given)
        var moved = node
        moved.line = position.line
        moved.column = position.column
        var note = Note(values: nil, writtenBy: definition(frame, line: entry?.line ?? writer?.action.line ?? frame.definition?.line ?? 0))
        switch node.content {
        case .scalar(let scalar):
            if let writer {
                if let path = writer.valuesPath { note.values = ValuesUse(path: path, value: scalar.text) }
            } else if let entry, let path = valuesPath(onLine: entry.line, frame: frame) {
                note.values = ValuesUse(path: path, value: scalar.text)
            }
        case .mapping(let pairs):
            moved.content = .mapping(pairs.map { pair in
                let key = pair.key.string ?? ""
                if writer == nil, let entry, let found = resolve(key: key, value: pair.value, in: entry, frame: frame) {
                    if let match = found.entry {
                        let value = relocate(pair.value, entry: match, at: valuePosition(match, pair.value), writer: nil, frame: found.frame, notes: &notes)
                        let keyNode = Self.noted(at(pair.key, found.frame.place(Position(line: match.line, column: match.column))), like: value)
                        return Node.Pair(key: keyNode, value: value)
                    }
                    let here = Position(line: found.writer!.action.line, column: found.writer!.action.column)
                    let value = relocate(pair.value, entry: nil, at: here, writer: found.writer, frame: found.frame, notes: &notes)
                    return Node.Pair(key: Self.noted(at(pair.key, found.frame.place(here)), like: value), value: value)
                }
                let inner = writer.map { Writer(action: $0.action, valuesPath: $0.valuesPath.map { $0 + [key] }) }
                let value = relocate(pair.value, entry: nil, at: given, writer: inner, frame: frame, notes: &notes)
                return Node.Pair(key: Self.noted(at(pair.key, position), like: value), value: value)
            })
        case .sequence(let items):
            moved.content = .sequence(items.enumerated().map { index, item in
                if writer == nil, let entry, let found = resolve(item: item, in: entry, frame: frame) {
                    if let match = found.entry {
                        return relocate(item, entry: match, at: itemPosition(match, item), writer: nil, frame: found.frame, notes: &notes)
                    }
                    let here = Position(line: found.writer!.action.line, column: found.writer!.action.column)
                    return relocate(item, entry: nil, at: here, writer: found.writer, frame: found.frame, notes: &notes)
                }
                let inner = writer.map { Writer(action: $0.action, valuesPath: $0.valuesPath.map { $0 + ["[\(index)]"] }) }
                return relocate(item, entry: nil, at: given, writer: inner, frame: frame, notes: &notes)
            })
        }
        notes.tag(&moved, note)
        return moved
    }

    /// Where a rendered key came from: a key the template (or a named template it includes)
    /// spells out, or the action that wrote it.
    private func resolve(key: String, value: Node, in entry: TemplateOutline.Entry, frame: Frame) -> (entry: TemplateOutline.Entry?, writer: Writer?, frame: Frame)? {
        if let match = best(entry.child(key), for: value, outline: frame.outline) { return (match, nil, frame) }
        guard let action = writerAction(in: entry, for: key, frame: frame) else { return nil }
        if let inner = included(by: action, from: frame), let body = inner.outline.documents.first {
            if let found = resolve(key: key, value: value, in: body, frame: inner) { return found }
            return (nil, Writer(action: action, valuesPath: nil), frame)
        }
        return (nil, Writer(action: action, valuesPath: writtenValuesPath(action, frame: frame).map { $0 + [key] }), frame)
    }

    private func resolve(item: Node, in entry: TemplateOutline.Entry, frame: Frame) -> (entry: TemplateOutline.Entry?, writer: Writer?, frame: Frame)? {
        if let match = best(entry.children.filter(\.isItem), for: item, outline: frame.outline) { return (match, nil, frame) }
        // A list filled by several actions (`toYaml` of extra init containers, then an `include`
        // of the chart's own): the named template whose items fit this one wrote it.
        for action in frame.outline.writers(in: entry) {
            guard let inner = included(by: action, from: frame), let body = inner.outline.documents.first,
                  let match = best(body.children.filter(\.isItem), for: item, outline: inner.outline), Self.fits(item, match) else { continue }
            return (match, nil, inner)
        }
        // Several `toYaml` of values lists (`defaultVolumes`, then `extraVolumes`): the one whose
        // list holds this item.
        let writers = frame.outline.writers(in: entry)
        let holder = writers.first { action in
            guard NamedTemplates.call(in: action) == nil, let path = writtenValuesPath(action, frame: frame) else { return false }
            return values(path)?.sequence?.contains { Self.matches($0, item) } == true
        }
        guard let action = holder ?? writerAction(in: entry, for: nil, frame: frame) else { return nil }
        if let inner = included(by: action, from: frame), let body = inner.outline.documents.first {
            if let found = resolve(item: item, in: body, frame: inner) { return found }
            return (nil, Writer(action: action, valuesPath: nil), frame)
        }
        // Items an action adds to a list the template starts itself (`- name: config` then
        // `toYaml .Values.extraVolumes`) are not at their rendered index in the values: any item.
        return (nil, Writer(action: action, valuesPath: writtenValuesPath(action, frame: frame).map { $0 + ["[]"] }), frame)
    }

    /// The body of the named template an `include` (or `template`) action calls, as a frame whose
    /// nodes stay at the outermost include in the `# Source:` template.
    private func included(by action: TemplateAction, from frame: Frame) -> Frame? {
        guard frame.depth < 12, let call = NamedTemplates.call(in: action), let definition = named[call.name] else { return nil }
        let argument = call.argument.trimmingSpaces()
        var root: [String]?
        if !argument.hasPrefix("("), argument != ".", argument != "$" {
            root = TemplateScopes.resolve(
                Substring(argument), dot: frame.outline.scopes.dot(at: action.line) ?? frame.root,
                variable: { frame.outline.scopes.variable($0, at: action.line) })
        } else if argument == "." {
            root = frame.outline.scopes.dot(at: action.line) ?? frame.root
        }
        return Frame(
            outline: definition.outline, fixed: frame.fixed ?? Position(line: action.line, column: action.column),
            definition: definition, root: root, depth: frame.depth + 1)
    }

    /// Whether a values item is what was rendered: every scalar it holds is the rendered one.
    static func matches(_ value: Node, _ rendered: Node) -> Bool {
        if let text = value.string { return rendered.string == text }
        if let pairs = value.pairs {
            return !pairs.isEmpty && pairs.allSatisfy { pair in
                guard let key = pair.key.string, let other = rendered[key] else { return pair.value.isNull }
                return matches(pair.value, other)
            }
        }
        if let items = value.sequence, let others = rendered.sequence {
            return items.count == others.count && zip(items, others).allSatisfy { matches($0, $1) }
        }
        return false
    }

    /// Whether an item the template writes names at least one key the rendered item has (an
    /// entry with no keys in common fits anything, and is not taken as a sign).
    private static func fits(_ item: Node, _ entry: TemplateOutline.Entry) -> Bool {
        guard let pairs = item.pairs else { return !entry.value.isEmpty }
        return pairs.contains { pair in pair.key.string.map { !entry.child($0).isEmpty } ?? false }
    }

    /// A key carries its value's note (a rule may point at either).
    private static func noted(_ key: Node, like value: Node) -> Node {
        var noted = key
        let tag = NoteTag.untag(value.column).note
        if tag > 0 { noted.column = NoteTag.tagged(key.column, tag) }
        return noted
    }

    private func at(_ node: Node, _ position: Position) -> Node {
        var moved = node
        moved.line = position.line
        moved.column = position.column
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
        return best(candidates, for: document, outline: outline) ?? candidates.first
    }

    /// Of the template entries that could have written `node`, the one that agrees best; an entry
    /// whose static value contradicts the rendered one is never taken.
    private func best(_ candidates: [TemplateOutline.Entry], for node: Node, outline: TemplateOutline) -> TemplateOutline.Entry? {
        var chosen: (entry: TemplateOutline.Entry, score: Int)?
        for candidate in candidates {
            guard let score = score(node, candidate, depth: 0, outline: outline) else { continue }
            if chosen == nil || score > chosen!.score { chosen = (candidate, score) }
        }
        return chosen?.entry
    }

    /// How well a rendered node fits an entry: +1 for each key the template writes, +2 for each
    /// static value that is the same; nil when a static value differs.
    private func score(_ node: Node, _ entry: TemplateOutline.Entry, depth: Int, outline: TemplateOutline) -> Int? {
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
            let scores = matches.map { pairScore(pair.value, $0, depth: depth, outline: outline) }
            guard let best = scores.compactMap({ $0 }).max() else { return nil }
            total += best
        }
        return total
    }

    /// A rendered value against one template key: its static scalar compared, a mapping scored.
    private func pairScore(_ value: Node, _ match: TemplateOutline.Entry, depth: Int, outline: TemplateOutline) -> Int? {
        if value.string != nil {
            let written = Self.unquoted(match.value)
            if written.isEmpty || written.hasPrefix("|") || written.hasPrefix(">") { return 0 }
            // A value partly written by an action (`"{{ .Values.repo }}:{{ .Values.tag }}"`) is not compared.
            if outline.actions.contains(where: { $0.line == match.line }) { return 0 }
            return written == value.string ? 2 : nil
        }
        if value.isMapping { return score(value, match, depth: depth + 1, outline: outline) }
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

    /// The action in `entry`'s block that wrote what the template does not spell out: one that
    /// names the missing key in its values reference, or includes a named template that writes that
    /// key, is preferred.
    private func writerAction(in entry: TemplateOutline.Entry, for key: String?, frame: Frame) -> TemplateAction? {
        let writers = frame.outline.writers(in: entry)
        guard let first = writers.first else { return nil }
        guard let key else { return first }
        return writers.first { ValuesReference.all(in: $0.text).contains { $0.last == key } }
            ?? writers.first { action in
                NamedTemplates.call(in: action).flatMap { named[$0.name] }?.outline.documents.first?.child(key).isEmpty == false
            }
            ?? first
    }

    /// The values path an action writes as a whole: `toYaml .Values.x`, `.Values.x`, `$item.path`
    /// under `range $i, $item := .Values.list`, or `.`/`.field` under a `with`/`range` over values;
    /// nil for `include` and other named templates.
    private func writtenValuesPath(_ action: TemplateAction, frame: Frame) -> [String]? {
        if NamedTemplates.call(in: action) != nil { return nil }
        let scopes = frame.outline.scopes
        if let path = TemplateScopes.resolve(
            Substring(action.text), dot: scopes.dot(at: action.line) ?? frame.root, variable: { scopes.variable($0, at: action.line) }) {
            return path
        }
        return ValuesReference.first(in: action.text)
    }

    /// The values path written on a line the template spells out (`path: {{ .Values.docker.socket }}`).
    private func valuesPath(onLine line: Int, frame: Frame) -> [String]? {
        for action in frame.outline.actions where action.line == line {
            guard case .output = action.kind else { continue }
            if let path = writtenValuesPath(action, frame: frame) { return path }
        }
        return nil
    }
}

/// A relocated node's note rides in its column's high bits through the adapter and the rules (a
/// rule's finding keeps the column of the node it names, plus at most an offset inside a scalar),
/// so a finding on one item of a `range`, or inside an `include`, is matched to its own note even
/// though every item shares one template position; `untag` reads it back before anything else
/// sees the location.
public enum NoteTag {
    static let shift = 32

    public static func tagged(_ column: Int, _ number: Int) -> Int { (column & ((1 << shift) - 1)) | (number << shift) }

    /// The column without its tag, and the 1-based index of the note (0: none).
    public static func untag(_ column: Int) -> (column: Int, note: Int) {
        (column & ((1 << shift) - 1), column >> shift)
    }
}
