/// A Makefile's recipes as shell text: lines that start with a tab (and their `\` continuations),
/// without the `@`/`-`/`+` recipe prefixes; make's `$(VAR)`/`${VAR}` become shell variables and `$$`
/// a single `$`. Simple variable assignments (`SOCK := /var/run/docker.sock`) are returned so
/// recipes can be resolved with them.
public enum MakefileRecipes {
    public static func script(_ text: String) -> (source: ShellSource, variables: [String: String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var source = ShellSource()
        var variables: [String: String] = [:]
        var inRecipeContinuation = false
        var seenRule = false
        for (offset, rawLine) in lines.enumerated() {
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            let lineNumber = offset + 1
            let continues = line.hasSuffix("\\")
            if line.hasPrefix("\t") && (seenRule || inRecipeContinuation) {
                var body = line.dropFirst()
                var column = 2
                if !inRecipeContinuation {
                    while let first = body.first, first == "@" || first == "-" || first == "+" || first == " " {
                        body = body.dropFirst()
                        column += 1
                    }
                }
                appendTranslated(body, line: lineNumber, column: column, to: &source)
                inRecipeContinuation = continues
                source.append("\n", line: lineNumber, column: column + body.count)
                continue
            }
            if inRecipeContinuation {
                // a continued recipe line need not start with a tab
                appendTranslated(line, line: lineNumber, column: 1, to: &source)
                inRecipeContinuation = continues
                source.append("\n", line: lineNumber, column: line.count + 1)
                continue
            }
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("#") || trimmed.isEmpty { continue }
            if let assignment = assignment(trimmed) {
                variables[assignment.name] = assignment.value
                continue
            }
            if trimmed.contains(":") { seenRule = true }
        }
        return (source, variables)
    }

    /// `NAME = value`, `NAME := value`, `NAME ?= value`, `export NAME = value`.
    static func assignment(_ line: Substring) -> (name: String, value: String)? {
        var rest = line
        if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop(while: { $0 == " " }) }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        var name = rest[..<equals]
        for suffix in ["::", ":", "?", "+", "!"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        let trimmedName = String(name).trimming(" ")
        guard !trimmedName.isEmpty, trimmedName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let value = String(rest[rest.index(after: equals)...]).trimming(" ")
        return (trimmedName, value.replacing("$(", with: "${").replacing(")", with: "}"))
    }

    /// Appends one recipe line, make's variable references turned into the shell's.
    static func appendTranslated(_ text: Substring, line: Int, column: Int, to source: inout ShellSource) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var column = column
        var closers: [Unicode.Scalar] = []
        while index < scalars.count {
            let c = scalars[index]
            if c == "$" && index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next == "$" {
                    source.append("$", line: line, column: column)
                    index += 2
                    column += 2
                    continue
                }
                if next == "(" || next == "{" {
                    source.append("$", line: line, column: column)
                    source.append("{", line: line, column: column + 1)
                    closers.append(next == "(" ? ")" : "}")
                    index += 2
                    column += 2
                    continue
                }
            }
            if let closer = closers.last, c == closer {
                closers.removeLast()
                source.append("}", line: line, column: column)
            } else {
                source.append(c, line: line, column: column)
            }
            index += 1
            column += 1
        }
    }
}

