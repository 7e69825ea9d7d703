import SockAuditCore

/// A Makefile's recipes as shell text: lines that start with a tab (with their `\` continuations,
/// the `@`/`-`/`+` recipe prefixes dropped), expanded by make's rules first (`MakeExpansion`) with
/// the values the whole file assigns, as make does before it runs a recipe. An assignment inside
/// `ifeq`/`ifdef` is one possible value: both branches are kept, as in shell scripts.
public enum MakefileRecipes {
    /// The recipes, and the shell variables that stand for make values with several possible
    /// expansions (`$(if …)`, a variable set in both branches of an `ifdef`).
    public static func script(_ text: String) -> (source: ShellSource, variables: [String: [String]]) {
        let lines = TextSplitting.lines(text).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var definitions = MakeDefinitions()
        var recipes: [ShellSource] = []
        var seenRule = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            if line.hasPrefix("\t") && seenRule {
                // one logical recipe line: make hands its `\`-newlines to the shell as they are
                var body = line.dropFirst()
                var column = 2
                while let first = body.first, first == "@" || first == "-" || first == "+" || first == " " {
                    body = body.dropFirst()
                    column += 1
                }
                var recipe = ShellSource(String(body), line: lineNumber, column: column)
                var last = body
                var lastLine = lineNumber
                var lastColumn = column
                while last.hasSuffix("\\"), index < lines.count {
                    recipe.append("\n", line: lastLine, column: lastColumn + last.count)
                    var next = lines[index]
                    var nextColumn = 1
                    // make removes one recipe tab after a continuation
                    if next.hasPrefix("\t") {
                        next = next.dropFirst()
                        nextColumn = 2
                    }
                    recipe.append(String(next), line: index + 1, column: nextColumn)
                    last = next
                    lastLine = index + 1
                    lastColumn = nextColumn
                    index += 1
                }
                recipes.append(recipe)
                continue
            }
            var logical = String(line)
            // a continued line outside a recipe is one line, each `\`-newline one space
            while logical.hasSuffix("\\"), index < lines.count {
                logical = String(logical.dropLast()).trimming(" \t") + " " + String(lines[index]).trimming(" \t")
                index += 1
            }
            let trimmed = Substring(logical).drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("#") || trimmed.isEmpty { continue }
            let directive = trimmed.prefix(while: { $0 != " " && $0 != "\t" && $0 != "(" })
            switch directive {
            case "ifeq", "ifneq", "ifdef", "ifndef":
                definitions.open()
                continue
            case "else":
                definitions.nextBranch(exhaustive: trimmed.trimming(" \t") == "else")
                continue
            case "endif":
                definitions.close()
                continue
            case "define":
                // `define NAME` … `endef`: a multi-line value
                var header = trimmed.dropFirst(6).trimming(" \t")
                for suffix in ["::=", ":=", "?=", "+=", "="] where header.hasSuffix(suffix) {
                    header = String(header.dropLast(suffix.count)).trimming(" \t")
                    break
                }
                var body: [Substring] = []
                while index < lines.count, lines[index].trimming(" \t") != "endef" {
                    body.append(lines[index])
                    index += 1
                }
                index += 1
                definitions.assign(header, body.joined(separator: "\n"), operator: "=")
                continue
            default:
                break
            }
            if let assignment = assignment(trimmed) {
                definitions.assign(assignment.name, assignment.value, operator: assignment.operator)
                continue
            }
            if trimmed.contains(":") { seenRule = true }
        }
        definitions.closeAll()
        var expansion = MakeExpansion(variables: definitions.values, budget: 64 * text.utf8.count + 65_536)
        var source = ShellSource()
        for recipe in recipes {
            let expanded = expansion.recipe(recipe)
            source.append(expanded)
            let (line, column) = recipe.position(recipe.count)
            source.append("\n", line: line, column: column)
        }
        return (source, expansion.alternatives)
    }

    /// `NAME = value`, `NAME := value`, `NAME ?= value`, `NAME += value`, `export NAME = value`,
    /// `override NAME := value`.
    static func assignment(_ line: Substring) -> (name: String, value: String, operator: String)? {
        var rest = line
        for prefix in ["export ", "override ", "private "] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop(while: { $0 == " " })
        }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        var name = rest[..<equals]
        var op = "="
        for suffix in [":::", "::", ":", "?", "+", "!"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            op = suffix + "="
            break
        }
        let trimmedName = String(name).trimming(" \t")
        guard !trimmedName.isEmpty,
              trimmedName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        let value = String(rest[rest.index(after: equals)...]).trimming(" \t")
        return (trimmedName, value, op)
    }
}

/// A Makefile's variables as assigned, with the branches of its conditionals: a name set inside an
/// `ifeq` may hold the value of either branch (and the value before, unless an `else` also set it).
struct MakeDefinitions {
    private(set) var values: [String: [String]] = [:]
    private struct Frame {
        var before: [String: [String]?] = [:]
        var ended: [String: [String]] = [:]
        var touched: [String] = []
        var touchedSet: Set<String> = []
        var assignedIn: [String: Int] = [:]
        var branches = 0
        var exhaustive = false
    }
    private var frames: [Frame] = []

    mutating func assign(_ name: String, _ value: String, operator op: String) {
        var new: [String]
        switch op {
        case "?=":
            guard values[name] == nil else { return }
            new = [value]
        case "+=":
            new = (values[name] ?? [""]).map { $0.isEmpty ? value : $0 + " " + value }
        case "!=":
            new = ["$(shell \(value))"]
        case ":=", "::=", ":::=":
            guard value.contains("$(\(name))") || value.contains("${\(name)}") else {
                new = [value]
                break
            }
            // expanded once, here: `X := $(X) more` must not refer to itself later (other simple
            // assignments are expanded where they are used, which gives the same text unless a
            // variable they name is assigned again later)
            var expansion = MakeExpansion(variables: values, budget: 65_536)
            new = expansion.expand(value, depth: 0).map { $0.replacing("$", with: "$$") }
        default:
            new = [value]
        }
        if let top = frames.indices.last {
            if frames[top].before.index(forKey: name) == nil { frames[top].before[name] = .some(values[name]) }
            if frames[top].touchedSet.insert(name).inserted { frames[top].touched.append(name) }
        }
        values[name] = Array(new.prefix(MakeExpansion.maxAlternatives))
    }

    mutating func open() { frames.append(Frame()) }

    mutating func nextBranch(exhaustive: Bool) {
        guard var frame = frames.popLast() else { return }
        for name in frame.touched {
            for value in values[name] ?? [] where !(frame.ended[name] ?? []).contains(value) { frame.ended[name, default: []].append(value) }
            frame.assignedIn[name, default: 0] += 1
            values[name] = frame.before[name] ?? nil
        }
        frame.touched = []
        frame.touchedSet = []
        frame.branches += 1
        if exhaustive { frame.exhaustive = true }
        frames.append(frame)
    }

    mutating func close() {
        guard !frames.isEmpty else { return }
        nextBranch(exhaustive: false)
        let frame = frames.removeLast()
        for (name, before) in frame.before.sorted(by: { $0.key < $1.key }) {
            var result = frame.ended[name] ?? []
            if !frame.exhaustive || (frame.assignedIn[name] ?? 0) < frame.branches {
                for value in before ?? [] where !result.contains(value) { result.append(value) }
            }
            if let top = frames.indices.last {
                if frames[top].before.index(forKey: name) == nil { frames[top].before[name] = .some(before) }
                if frames[top].touchedSet.insert(name).inserted { frames[top].touched.append(name) }
            }
            values[name] = result.isEmpty ? nil : Array(result.prefix(MakeExpansion.maxAlternatives))
        }
    }

    mutating func closeAll() {
        while !frames.isEmpty { close() }
    }
}
