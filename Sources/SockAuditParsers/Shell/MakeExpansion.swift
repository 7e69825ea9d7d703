/// Make's own expansion, done before the shell sees a recipe: variables expanded recursively with
/// the values the whole Makefile gives them, `$(if …)` read both ways, `$(foreach …)`, `$(call …)`
/// and the common text functions evaluated, `$(shell …)` handed to the shell as a command
/// substitution, `$$` turned into `$`. A reference make would resolve from the command line or the
/// environment stays a shell variable (`${IMAGE}`), and a function this reader does not evaluate is
/// kept as written in one quoted word, never read as flags or an image. Parentheses are matched as
/// make matches them (by kind, quotes are text), so `$(shell date +"%Y(%m)")` is one reference.
struct MakeExpansion {
    /// The raw values a variable may have (several when it is assigned in both branches of an
    /// `ifeq`).
    var variables: [String: [String]]
    /// Values with several possible expansions, named for the shell (`__make_1`).
    var alternatives: [String: [String]] = [:]
    /// `$(foreach v,…)` and `$(call f,…)` arguments, innermost last.
    private var locals: [[String: String]] = []
    /// Characters expansion may still produce: recursive definitions can double at every level.
    private var budget: Int
    /// The variables being expanded: one that refers to itself is an error to make, kept as written.
    private var expanding: Set<String> = []

    static let maxDepth = 16
    static let maxAlternatives = 8
    static let automatic: Set<Unicode.Scalar> = ["@", "<", "^", "+", "?", "*", "%", "|"]
    static let functions: Set<String> = [
        "if", "or", "and", "foreach", "call", "shell", "strip", "subst", "patsubst", "addprefix", "addsuffix",
        "value", "error", "warning", "info", "eval", "sort", "filter", "filter-out", "firstword", "lastword",
        "word", "words", "wordlist", "findstring", "join", "dir", "notdir", "suffix", "basename", "wildcard",
        "realpath", "abspath", "origin", "flavor", "file", "let", "intcmp",
    ]

    init(variables: [String: [String]], budget: Int) {
        self.variables = variables
        self.budget = budget
    }

    /// What one `$(…)` reference becomes.
    enum Result {
        /// Its possible texts (one, or several from `$(if …)`).
        case values([String])
        /// A variable make does not know from this file: the command line's or the environment's.
        case unknown(String)
        /// `$(shell …)`: a command for the shell.
        case shell(String)
        /// Kept as written.
        case opaque
    }

    // MARK: recipes, with positions

    /// A recipe line (continuations joined, positions kept) as the shell will see it.
    mutating func recipe(_ line: ShellSource) -> ShellSource {
        let s = line.scalars
        var out = ShellSource()
        var index = 0
        while index < s.count {
            let (at, column) = line.position(index)
            guard s[index] == "$", index + 1 < s.count else {
                out.append(s[index], line: at, column: column)
                index += 1
                continue
            }
            let (result, end) = reference(s, at: index, depth: 0)
            let written = String(String.UnicodeScalarView(s[index..<end]))
            switch result {
            case .values(let values) where values.count == 1:
                Self.append(values[0], at: at, column, to: &out)
            case .values(let values):
                let name = "__make_\(alternatives.count + 1)"
                alternatives[name] = values
                out.append("${\(name)}", line: at, column: column)
            case .unknown(let name):
                out.append("${\(name)}", line: at, column: column)
            case .shell(let command):
                Self.append("$(\(command))", at: at, column, to: &out)
            case .opaque:
                if written == "$$" {
                    out.append("$", line: at, column: column)
                } else {
                    Self.append("'" + written.replacing("'", with: "'\\''") + "'", at: at, column, to: &out)
                }
            }
            index = end
        }
        return out
    }

    /// Expanded text stands where its reference is written: every character at that position.
    static func append(_ text: String, at line: Int, _ column: Int, to out: inout ShellSource) {
        for scalar in text.unicodeScalars { out.append(scalar, line: line, column: column) }
    }

    // MARK: text

    /// The possible expansions of `text`, at most `maxAlternatives`.
    mutating func expand(_ text: String, depth: Int) -> [String] {
        let s = Array(text.unicodeScalars)
        var results = [""]
        var index = 0
        var literal = String.UnicodeScalarView()
        func flushLiteral() {
            guard !literal.isEmpty else { return }
            let piece = String(literal)
            results = results.map { $0 + piece }
            literal = String.UnicodeScalarView()
        }
        while index < s.count {
            guard s[index] == "$", index + 1 < s.count else {
                literal.append(s[index])
                index += 1
                continue
            }
            let (result, end) = reference(s, at: index, depth: depth)
            let written = String(String.UnicodeScalarView(s[index..<end]))
            flushLiteral()
            let values: [String]
            switch result {
            case .values(let found): values = found
            case .unknown(let name): values = ["${\(name)}"]
            case .shell(let command): values = ["$(\(command))"]
            case .opaque: values = [written == "$$" ? "$" : written]
            }
            results = Self.product(results, values)
            index = end
        }
        flushLiteral()
        budget -= results.reduce(0) { $0 + $1.utf8.count }
        return results
    }

    /// The reference that starts at the `$` at `start`, and the index after it.
    private mutating func reference(_ s: [Unicode.Scalar], at start: Int, depth: Int) -> (Result, Int) {
        let next = s[start + 1]
        if next == "$" { return (.opaque, start + 2) }
        guard next == "(" || next == "{" else {
            if Self.automatic.contains(next) { return (.opaque, start + 2) }
            return (variable(String(next), depth: depth), start + 2)
        }
        let close: Unicode.Scalar = next == "(" ? ")" : "}"
        var nesting = 0
        var cursor = start + 2
        while cursor < s.count {
            if s[cursor] == next { nesting += 1 }
            if s[cursor] == close {
                if nesting == 0 { break }
                nesting -= 1
            }
            cursor += 1
        }
        // unterminated: make stops here; the text stays as written
        guard cursor < s.count else { return (.opaque, s.count) }
        let body = String(String.UnicodeScalarView(s[(start + 2)..<cursor]))
        guard depth < Self.maxDepth, budget > 0 else { return (.opaque, cursor + 1) }
        return (evaluate(body, depth: depth + 1), cursor + 1)
    }

    private mutating func evaluate(_ body: String, depth: Int) -> Result {
        let name = body.prefix(while: { $0 != " " && $0 != "\t" })
        if Self.functions.contains(String(name)), name.count < body.count {
            let arguments = Self.arguments(String(body.dropFirst(name.count + 1)))
            return function(String(name), arguments, depth: depth)
        }
        // `$(NAME)`, `$(NAME:.c=.o)`, `$($(PREFIX)_FLAGS)`
        var reference = body
        if let colon = body.firstIndex(of: ":"), !body[..<colon].contains("$") { reference = String(body[..<colon]) }
        let resolved = reference.contains("$") ? (expand(reference, depth: depth).first ?? reference) : reference
        // `$(@)`, `$(@D)`, `$(<F)`: the target and prerequisites, known only when make runs
        let scalars = Array(resolved.unicodeScalars)
        if let first = scalars.first, Self.automatic.contains(first),
           scalars.count == 1 || (scalars.count == 2 && (scalars[1] == "D" || scalars[1] == "F")) {
            return .opaque
        }
        return variable(resolved.trimming(" \t"), depth: depth)
    }

    private mutating func variable(_ name: String, depth: Int) -> Result {
        for scope in locals.reversed() {
            if let value = scope[name] { return .values([value]) }
        }
        if expanding.contains(name) { return .opaque }
        guard let raws = variables[name] else {
            let shellName = name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
            return shellName && !name.isEmpty && !("0"..."9").contains(name.unicodeScalars.first!) ? .unknown(name) : .opaque
        }
        expanding.insert(name)
        defer { expanding.remove(name) }
        var values: [String] = []
        for raw in raws {
            for value in expand(raw, depth: depth) where !values.contains(value) && values.count < Self.maxAlternatives {
                values.append(value)
            }
        }
        return .values(values.isEmpty ? [""] : values)
    }

    private mutating func function(_ name: String, _ arguments: [String], depth: Int) -> Result {
        func argument(_ index: Int) -> [String] {
            index < arguments.count ? expand(arguments[index], depth: depth) : [""]
        }
        func first(_ index: Int) -> String { argument(index).first ?? "" }
        switch name {
        case "if":
            // the condition is not known at scan time: both branches are possible
            var values = argument(1)
            for value in argument(2) where !values.contains(value) && values.count < Self.maxAlternatives { values.append(value) }
            return .values(values)
        case "or", "and":
            return .values(argument(0))
        case "shell":
            return .shell(first(0))
        case "strip":
            return .values(argument(0).map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") })
        case "subst":
            let from = first(0), to = first(1)
            return .values(argument(2).map { from.isEmpty ? $0 : $0.replacing(from, with: to) })
        case "addprefix", "addsuffix":
            let affix = first(0)
            return .values(argument(1).map { list in
                list.split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .map { name == "addprefix" ? affix + $0 : $0 + affix }.joined(separator: " ")
            })
        case "sort", "filter", "filter-out", "patsubst", "wordlist":
            // the list, unfiltered: every word it may contribute
            return .values(argument(arguments.count - 1))
        case "firstword":
            return .values([first(0).split(separator: " ").first.map(String.init) ?? ""])
        case "lastword":
            return .values([first(0).split(separator: " ").last.map(String.init) ?? ""])
        case "value":
            return .values(variables[first(0)] ?? [""])
        case "error", "warning", "info", "eval":
            return .values([""])
        case "foreach":
            guard arguments.count >= 3 else { return .opaque }
            let name = first(0)
            var pieces: [String] = []
            for word in first(1).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).prefix(256) {
                locals.append([name: String(word)])
                pieces.append(expand(arguments[2], depth: depth).first ?? "")
                locals.removeLast()
            }
            return .values([pieces.joined(separator: " ")])
        case "call":
            guard let function = arguments.first else { return .opaque }
            let callee = expand(function, depth: depth).first ?? ""
            var scope: [String: String] = ["0": callee]
            for (offset, _) in arguments.enumerated().dropFirst() { scope[String(offset)] = first(offset) }
            guard let raws = variables[callee.trimming(" \t")] else { return .opaque }
            locals.append(scope)
            var values: [String] = []
            for raw in raws {
                for value in expand(raw, depth: depth) where !values.contains(value) && values.count < Self.maxAlternatives {
                    values.append(value)
                }
            }
            locals.removeLast()
            return .values(values)
        default:
            return .opaque
        }
    }

    /// A function's arguments: split on the commas outside nested references.
    static func arguments(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", "{": depth += 1
            case ")", "}": depth -= 1
            case "," where depth == 0:
                result.append(String(current))
                current = String.UnicodeScalarView()
                continue
            default: break
            }
            current.append(scalar)
        }
        result.append(String(current))
        return result
    }

    static func product(_ left: [String], _ right: [String]) -> [String] {
        if right.count == 1 { return left.map { $0 + right[0] } }
        var result: [String] = []
        for a in left {
            for b in right {
                result.append(a + b)
                if result.count == maxAlternatives { return result }
            }
        }
        return result
    }
}
