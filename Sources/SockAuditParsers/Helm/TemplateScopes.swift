/// What `.` and each `$variable` stand for in a template, line by line, as paths into the chart's
/// values: `with .Values.x` makes `.` the values at `x`; `range .Values.list` (or
/// `range $i, $item := .Values.list`) makes `.` (and `$item`) one item of `list` (`[]`);
/// `$fixes := .Values.a.fixes` binds `$fixes` until the block it is written in ends. Anything that
/// does not come from `.Values` is not tracked.
public struct TemplateScopes: Sendable {
    struct Binding: Sendable {
        var from: Int
        var to: Int
        /// nil for `.`.
        var variable: String?
        var path: [String]
    }

    let bindings: [Binding]

    public init(_ actions: [TemplateAction]) {
        // Each open block: its line, and the bindings made in it (closed at its `end`).
        var stack: [(line: Int, open: [Binding])] = [(0, [])]
        var closed: [Binding] = []
        func current(_ variable: String?) -> [String]? {
            for frame in stack.reversed() {
                if let binding = frame.open.last(where: { $0.variable == variable }) { return binding.path }
            }
            return nil
        }
        func resolve(_ expression: Substring) -> [String]? {
            Self.resolve(expression, dot: current(nil), variable: { current($0) })
        }
        for action in actions {
            switch action.kind {
            case .open(let kind):
                var opened: [Binding] = []
                if kind == "with" || kind == "range" {
                    var argument = action.text.dropFirst(kind.count).drop { $0 == " " || $0 == "\t" }
                    var names: [String] = []
                    if let assign = argument.firstRange(of: ":=") {
                        names = argument[..<assign.lowerBound].split(separator: ",").map { String($0.trimmingSpaces()) }
                        argument = argument[assign.upperBound...].drop { $0 == " " || $0 == "\t" }
                    }
                    if var path = resolve(argument) {
                        if kind == "range" { path.append("[]") }
                        opened.append(Binding(from: action.line, to: action.line, variable: nil, path: path))
                        // `range $i, $item := …` binds the item to the last name; `with $x := …` to its one name.
                        if let name = names.last, name.hasPrefix("$") {
                            opened.append(Binding(from: action.line, to: action.line, variable: name, path: path))
                        }
                    }
                }
                stack.append((action.line, opened))
            case .end:
                guard stack.count > 1, let frame = stack.popLast() else { continue }
                closed += frame.open.map { var done = $0; done.to = action.line; return done }
            case .silent:
                // `$name := expression` (a new variable) or `$name = expression` (set again).
                guard action.text.hasPrefix("$"), let assign = action.text.firstRange(of: ":=") ?? action.text.firstRange(of: " = ") else { continue }
                let name = String(action.text[..<assign.lowerBound].trimmingSpaces())
                guard !name.contains(" "), !name.contains(",") else { continue }
                let argument = action.text[assign.upperBound...].drop { $0 == " " || $0 == "\t" }
                if let path = resolve(argument) {
                    stack[stack.count - 1].open.append(Binding(from: action.line, to: action.line, variable: name, path: path))
                }
            default: continue
            }
        }
        for frame in stack { closed += frame.open.map { var done = $0; done.to = Int.max; return done } }
        bindings = closed
    }

    /// The values path `.` stands for on `line`; nil where `.` is not known to be values.
    public func dot(at line: Int) -> [String]? { innermost(nil, at: line) }

    /// The values path `$name` stands for on `line`.
    public func variable(_ name: String, at line: Int) -> [String]? { innermost(name, at: line) }

    private func innermost(_ variable: String?, at line: Int) -> [String]? {
        var chosen: Binding?
        for binding in bindings where binding.variable == variable && binding.from <= line && line <= binding.to {
            // The later (inner) binding wins; on the same line, the last made.
            if chosen == nil || binding.from >= chosen!.from { chosen = binding }
        }
        return chosen?.path
    }

    /// The values path of the first operand of `expression`: `.Values.a.b`, `$.Values.a`, `$var.a`,
    /// `.` or `.a` (relative to `dot`), in parentheses or followed by a pipeline.
    static func resolve(_ expression: Substring, dot: [String]?, variable: (String) -> [String]?) -> [String]? {
        var text = expression.drop { $0 == " " || $0 == "(" || $0 == "\t" }
        // `default list .Values.x`, `toYaml .Values.x`: a function and then its operand.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == ")" || $0 == "(" })
        guard var first = words.first else { return nil }
        if !(first.hasPrefix(".") || first.hasPrefix("$")), let operand = words.dropFirst().first(where: { $0.hasPrefix(".") || $0.hasPrefix("$") }) {
            first = operand
        }
        text = first
        if let values = ValuesReference.first(in: String(text)), text.hasPrefix(".Values") || text.hasPrefix("$.Values") { return values }
        let fields = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if text.hasPrefix("$") {
            guard let base = variable(fields[0]) else { return nil }
            return fields.dropFirst().allSatisfy(Self.isField) ? base + fields.dropFirst() : nil
        }
        guard let dot else { return nil }
        if text == "." { return dot }
        let rest = fields.dropFirst()
        guard rest.allSatisfy(Self.isField), let name = rest.first, !Self.builtIns.contains(name) else { return nil }
        return dot + rest
    }

    static let builtIns: Set<String> = ["Release", "Chart", "Capabilities", "Template", "Files", "Subcharts", "Values"]

    private static func isField(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
