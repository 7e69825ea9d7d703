/// A Go template action (`{{ ... }}`) in a Helm template, with where it starts.
public struct TemplateAction: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Writes text into the output: `{{ .Values.x }}`, `{{ include ... }}`, `{{ toYaml . }}`.
        case output
        /// Opens a block: `if`, `with`, `range`, `define`, `block`.
        case open(String)
        /// `else`, `else if ...`
        case branch
        case end
        /// Comments, assignments, `break`, `continue`: nothing written.
        case silent
    }

    public var line: Int
    public var column: Int
    /// The text between the delimiters, without trim markers and outer spaces.
    public var text: String
    public var kind: Kind
}

/// Finds the actions of a template and blanks them out (each character becomes a space, line
/// breaks stay), so what remains is the template's own YAML structure at its own lines and columns.
/// Lines inside `define` blocks are blanked whole: they are not output where they are written.
public enum TemplateActions {
    public struct Blanked: Sendable {
        /// The template with every action replaced by spaces, one string per line.
        public var lines: [String]
        public var actions: [TemplateAction]
    }

    /// `keepingDefineBodies` keeps the lines of `define` blocks (to outline a named template's body).
    public static func blank(_ text: String, keepingDefineBodies: Bool = false) -> Blanked {
        var lines: [[Unicode.Scalar]] = [[]]
        var actions: [TemplateAction] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var column = 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{", index + 1 < scalars.count, scalars[index + 1] == "{" {
                let start = (line, column)
                let end = actionEnd(scalars, from: index + 2)
                var inner = String(String.UnicodeScalarView(scalars[(index + 2)..<max(index + 2, end - 2)]))
                if inner.hasPrefix("-") { inner.removeFirst() }
                if inner.hasSuffix("-") { inner.removeLast() }
                let body = inner.trimmingSpaces()
                actions.append(TemplateAction(line: start.0, column: start.1, text: body, kind: kind(of: body)))
                while index < end {
                    if scalars[index] == "\n" {
                        lines.append([])
                        line += 1
                        column = 1
                    } else {
                        lines[lines.count - 1].append(" ")
                        column += 1
                    }
                    index += 1
                }
                continue
            }
            if scalar == "\n" {
                lines.append([])
                line += 1
                column = 1
            } else if scalar != "\r" {
                lines[lines.count - 1].append(scalar)
                column += 1
            }
            index += 1
        }
        var result = lines.map { String(String.UnicodeScalarView($0)) }
        if keepingDefineBodies { return Blanked(lines: result, actions: actions) }
        for range in defineBodies(actions, lineCount: result.count) {
            for line in range where line >= 1 && line <= result.count { result[line - 1] = "" }
        }
        return Blanked(lines: result, actions: actions)
    }

    /// The index just past the closing `}}`, skipping string literals and comments inside the action.
    private static func actionEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == "\\" && open != "`" { index += 2; continue }
                if scalar == open { quote = nil }
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                var end = index + 2
                while end + 1 < scalars.count, !(scalars[end] == "*" && scalars[end + 1] == "/") { end += 1 }
                index = end + 2
                continue
            } else if scalar == "\"" || scalar == "`" || scalar == "'" {
                quote = scalar
            } else if scalar == "}", index + 1 < scalars.count, scalars[index + 1] == "}" {
                return index + 2
            }
            index += 1
        }
        return scalars.count
    }

    static func kind(of body: String) -> TemplateAction.Kind {
        if body.hasPrefix("/*") { return .silent }
        let word = body.prefix { !$0.isWhitespace && $0 != "(" }
        switch word {
        case "if", "with", "range", "define", "block": return .open(String(word))
        case "else": return .branch
        case "end": return .end
        case "break", "continue": return .silent
        default: break
        }
        // `$x := ...` and `$x = ...` assign; `$x` alone writes the variable.
        if body.hasPrefix("$"), body.contains(":=") || body.contains(" = ") { return .silent }
        return .output
    }

    /// Lines strictly inside each `define` block (its body is output only where it is included).
    static func defineBodies(_ actions: [TemplateAction], lineCount: Int) -> [ClosedRange<Int>] {
        var stack: [(kind: String, line: Int)] = []
        var ranges: [ClosedRange<Int>] = []
        for action in actions {
            switch action.kind {
            case .open(let kind): stack.append((kind, action.line))
            case .end:
                guard let open = stack.popLast() else { continue }
                if open.kind == "define", !stack.contains(where: { $0.kind == "define" }) {
                    ranges.append(open.line...max(open.line, action.line))
                }
            default: continue
            }
        }
        return ranges
    }
}

/// `.Values.a.b.c` references in an action's text.
public enum ValuesReference {
    public static func all(in text: String) -> [[String]] {
        var found: [[String]] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: ".Values") {
            var path: [String] = []
            var cursor = range.upperBound
            while cursor < rest.endIndex, rest[cursor] == "." {
                let start = rest.index(after: cursor)
                var end = start
                while end < rest.endIndex, rest[end].isLetter || rest[end].isNumber || rest[end] == "_" || rest[end] == "-" { end = rest.index(after: end) }
                guard end > start else { break }
                path.append(String(rest[start..<end]))
                cursor = end
            }
            // `$.Values` and `.Values` alike; `$x.Values` (a variable's field) is not the chart's values.
            let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            if before == nil || before == "$" || !(before!.isLetter || before!.isNumber || before == "_") {
                if !path.isEmpty { found.append(path) }
            }
            rest = rest[cursor...]
        }
        return found
    }

    public static func first(in text: String) -> [String]? { all(in: text).first }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
