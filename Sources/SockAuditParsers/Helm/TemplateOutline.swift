/// The YAML structure a Helm template writes by itself, read line by line from the template with
/// its actions blanked out: each `key:` and each `- ` item, at its own line and column, nested by
/// indentation. It is tolerant by design (both branches of an `if`/`else` are kept, a `range` body
/// appears once): it is matched against rendered documents, never judged itself.
public final class TemplateOutline: @unchecked Sendable {
    // Built once in `init`, then only read.
    public final class Entry {
        public enum Kind { case key(String), item, document }
        public let kind: Kind
        public let line: Int
        public let column: Int
        /// The blanked text after `key: ` (static value text), trimmed; "" when the value is written
        /// by an action or on following lines.
        public fileprivate(set) var value: String
        /// Column where the value starts in the template (its static text or its action), if on
        /// this line.
        public fileprivate(set) var valueColumn: Int?
        public fileprivate(set) var children: [Entry] = []
        public fileprivate(set) weak var parent: Entry?
        /// The last line of this entry's block (before the next entry that is not inside it).
        public fileprivate(set) var lastLine: Int

        init(kind: Kind, line: Int, column: Int, value: String = "", valueColumn: Int? = nil) {
            self.kind = kind
            self.line = line
            self.column = column
            self.value = value
            self.valueColumn = valueColumn
            lastLine = line
        }

        public var key: String? {
            if case .key(let name) = kind { return name }
            return nil
        }

        public var isItem: Bool {
            if case .item = kind { return true }
            return false
        }

        public func child(_ key: String) -> [Entry] { children.filter { $0.key == key } }
    }

    /// One root per YAML document of the template (`---` separates them).
    public let documents: [Entry]
    public let actions: [TemplateAction]
    public let lineCount: Int
    public let scopes: TemplateScopes

    public convenience init(template: String) {
        let blanked = TemplateActions.blank(template)
        self.init(lines: blanked.lines, actions: blanked.actions)
    }

    /// The outline of blanked lines (a template, or the body of one named template with every
    /// other line emptied) and the actions on them.
    init(lines: [String], actions: [TemplateAction]) {
        let blanked = (lines: lines, actions: actions)
        self.actions = actions
        lineCount = lines.count
        scopes = TemplateScopes(actions)
        var documents: [Entry] = []
        var root = Entry(kind: .document, line: 1, column: 0)
        var stack: [Entry] = [root]
        var blockScalar: (column: Int, key: Entry)?
        func close(_ entry: Entry, before line: Int) { entry.lastLine = max(entry.lastLine, line - 1) }
        for (offset, raw) in blanked.lines.enumerated() {
            let number = offset + 1
            let scalars = Array(raw.unicodeScalars)
            guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
            if let block = blockScalar, first + 1 > block.column { continue }
            blockScalar = nil
            if first == 0, raw.hasPrefix("---") {
                for entry in stack { close(entry, before: number) }
                documents.append(root)
                root = Entry(kind: .document, line: number + 1, column: 0)
                stack = [root]
                continue
            }
            if scalars[first] == "#" { continue }
            var cursor = first
            // Sequence items: `- `, possibly several on one line (`- - x`).
            while cursor < scalars.count, scalars[cursor] == "-", cursor + 1 == scalars.count || scalars[cursor + 1] == " " {
                let action = actions.first { $0.line == number && $0.column > cursor + 1 }
                let item = Entry(kind: .item, line: number, column: cursor + 1, valueColumn: action?.column)
                Self.attach(item, to: &stack, closing: number)
                cursor += 1
                while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            }
            guard cursor < scalars.count else { continue }
            guard let key = Self.key(scalars, at: cursor) else {
                // A scalar item (`- --privileged`): its text is the item's value.
                if let item = stack.last, item.isItem, item.line == number {
                    item.value = String(String.UnicodeScalarView(scalars[cursor...])).trimmingSpaces()
                    item.valueColumn = cursor + 1
                }
                continue
            }
            var valueStart = key.end
            while valueStart < scalars.count, scalars[valueStart] == " " { valueStart += 1 }
            let value = String(String.UnicodeScalarView(scalars[min(valueStart, scalars.count)...])).trimmingSpaces()
            let actionHere = actions.first { $0.line == number && $0.column - 1 >= key.end }
            let valueColumn = !value.isEmpty ? valueStart + 1 : actionHere.map(\.column)
            let entry = Entry(kind: .key(key.name), line: number, column: cursor + 1, value: value, valueColumn: valueColumn)
            Self.attach(entry, to: &stack, closing: number)
            if value.hasPrefix("|") || value.hasPrefix(">") { blockScalar = (cursor + 1, entry) }
        }
        for entry in stack { close(entry, before: blanked.lines.count + 1) }
        documents.append(root)
        self.documents = documents
    }

    private static func attach(_ entry: Entry, to stack: inout [Entry], closing line: Int) {
        while stack.count > 1 {
            let top = stack[stack.count - 1]
            let pop: Bool
            if entry.isItem {
                // An item at a key's own column belongs to that key (`containers:` then `- name:`).
                pop = top.column > entry.column || (top.column == entry.column && top.isItem)
            } else {
                pop = top.column >= entry.column
            }
            guard pop else { break }
            top.lastLine = max(top.lastLine, line - 1)
            stack.removeLast()
        }
        let parent = stack[stack.count - 1]
        entry.parent = parent
        parent.children.append(entry)
        stack.append(entry)
    }

    /// A plain or quoted mapping key at `start`, followed by `:` and a space or the line's end.
    private static func key(_ scalars: [Unicode.Scalar], at start: Int) -> (name: String, end: Int)? {
        var index = start
        var name: [Unicode.Scalar] = []
        if scalars[index] == "\"" || scalars[index] == "'" {
            let quote = scalars[index]
            index += 1
            while index < scalars.count, scalars[index] != quote { name.append(scalars[index]); index += 1 }
            index += 1
            guard index < scalars.count, scalars[index] == ":" else { return nil }
        } else {
            if "{[&*!|>%@`\"'".unicodeScalars.contains(scalars[index]) { return nil }
            while index < scalars.count {
                if scalars[index] == ":", index + 1 == scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t" { break }
                if scalars[index] == " ", index + 1 < scalars.count, scalars[index + 1] == "#" { return nil }
                name.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else { return nil }
            while let last = name.last, last == " " { name.removeLast() }
            guard !name.isEmpty else { return nil }
        }
        return (String(String.UnicodeScalarView(name)), index + 1)
    }

    /// Actions that write text on the lines of `entry`'s block, on lines where the template has no
    /// key or item of its own (`{{- toYaml . | nindent 8 }}`, `{{- include "x" . }}`), or inline
    /// on the entry's own line after its key.
    public func writers(in entry: Entry) -> [TemplateAction] {
        let occupied = Set(entry.children.flatMap { Self.lines(of: $0) })
        let from = entry.line
        let through = entry.lastLine
        return actions.filter { action in
            guard case .output = action.kind, action.line >= from, action.line <= through else { return false }
            if action.line == entry.line { return entry.column == 0 || action.column > entry.column }
            return !occupied.contains(action.line)
        }
    }

    private static func lines(of entry: Entry) -> [Int] {
        [entry.line] + entry.children.flatMap { lines(of: $0) }
    }

    /// The values path `.` stands for on `line`, if a `with`/`range` over `.Values` encloses it.
    public func dotPath(at line: Int) -> [String]? { scopes.dot(at: line) }
}
