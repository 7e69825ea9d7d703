/// The named templates (`{{ define "name" }} … {{ end }}`) of a chart and its subcharts, each with
/// the outline of its body at the body's own lines, so what an `include` wrote can be matched to
/// the lines of the named template that wrote it.
public struct NamedTemplates: Sendable {
    public struct Definition: Sendable {
        public let name: String
        /// The file that defines it, as the user sees it.
        public let path: String
        public let line: Int
        public let outline: TemplateOutline
    }

    private let definitions: [String: Definition]

    /// Files in the order Helm gives them precedence: a name defined twice keeps its first definition.
    public init(files: [(path: String, text: String)]) {
        var definitions: [String: Definition] = [:]
        for file in files where file.text.contains("define") {
            let blanked = TemplateActions.blank(file.text, keepingDefineBodies: true)
            for (name, open, end) in Self.defines(blanked.actions) where definitions[name] == nil && end > open.line + 1 {
                var lines = Array(repeating: "", count: blanked.lines.count)
                for line in (open.line + 1)..<end { lines[line - 1] = blanked.lines[line - 1] }
                let actions = blanked.actions.filter { $0.line > open.line && $0.line < end }
                definitions[name] = Definition(name: name, path: file.path, line: open.line, outline: TemplateOutline(lines: lines, actions: actions))
            }
        }
        self.definitions = definitions
    }

    public subscript(name: String) -> Definition? { definitions[name] }

    public var isEmpty: Bool { definitions.isEmpty }

    /// Each top-level `define`: its name, its opening action and the line of its `end`.
    static func defines(_ actions: [TemplateAction]) -> [(String, TemplateAction, Int)] {
        var stack: [TemplateAction] = []
        var found: [(String, TemplateAction, Int)] = []
        for action in actions {
            switch action.kind {
            case .open: stack.append(action)
            case .end:
                guard let open = stack.popLast() else { continue }
                if case .open("define") = open.kind, stack.isEmpty, let name = Self.quoted(open.text) {
                    found.append((name, open, action.line))
                }
            default: continue
            }
        }
        return found
    }

    /// The first double-quoted (or backquoted) string in an action: a template's name.
    static func quoted(_ text: String) -> String? {
        guard let start = text.firstIndex(where: { $0 == "\"" || $0 == "`" }) else { return nil }
        let quote = text[start]
        let rest = text[text.index(after: start)...]
        guard let end = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<end])
    }

    /// `include "name" ARG` or `template "name" ARG`: the name and the argument's text (up to a pipe).
    public static func call(in action: TemplateAction) -> (name: String, argument: Substring)? {
        var text = Substring(action.text)
        // `{{- tpl (include "x" .) . }}` and `{{ include "x" . | nindent 4 }}` alike: the include itself.
        guard let word = text.firstRange(of: "include \"") ?? text.firstRange(of: "template \"") else { return nil }
        text = text[word.lowerBound...]
        guard let name = quoted(String(text)), let close = text.firstRange(of: "\"" + name + "\"") else { return nil }
        let argument = text[close.upperBound...].prefix { $0 != "|" && $0 != ")" }
        return (name, argument)
    }
}
