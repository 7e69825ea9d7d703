/// A Compose environment file (`.env`, `--env-file`): `KEY=value` lines, `export KEY=value`, `#`
/// comments, blank lines; values unquoted (trimmed, ` #` starts a comment), single-quoted
/// (literal) or double-quoted (`\n`, `\t`, `\"`, `\\` escapes, may span lines). Unquoted and
/// double-quoted values interpolate the variables defined before them, as Compose does.
public enum ComposeEnvFile {
    public static func parse(_ text: String, inheriting variables: [String: String] = [:]) -> [String: String] {
        var result = variables
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var index = 0
        while index < lines.count {
            var line = lines[index].trimming(" \t\r")
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") || line.hasPrefix("export\t") {
                line = String(line.dropFirst("export".count)).trimming(" \t\r")
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimming(" \t\r")
            guard !key.isEmpty, key.unicodeScalars.allSatisfy(ComposeInterpolation.isNameCharacter) || key.contains(".") || key.contains("-")
            else { continue }
            var raw = String(line[line.index(after: equals)...]).trimmingLeadingSpaces
            if raw.hasPrefix("\"") {
                // Double-quoted: may continue on the following lines until the closing quote.
                while closingQuote(in: raw) == nil, index < lines.count {
                    raw += "\n" + lines[index]
                    index += 1
                }
                let body = closingQuote(in: raw).map { String(raw[raw.index(after: raw.startIndex)..<$0]) }
                    ?? String(raw.dropFirst())
                result[key] = interpolated(unescaped(body), result)
            } else if raw.hasPrefix("'") {
                let rest = raw.dropFirst()
                result[key] = String(rest.firstIndex(of: "'").map { rest[..<$0] } ?? rest)
            } else {
                if let comment = inlineComment(in: raw) { raw = String(raw[..<comment]) }
                result[key] = interpolated(raw.trimming(" \t\r"), result)
            }
        }
        return result
    }

    /// Where ` #` (a comment after an unquoted value) starts.
    private static func inlineComment(in raw: String) -> String.Index? {
        var previous: Character?
        for index in raw.indices {
            if raw[index] == "#", previous == " " || previous == "\t" { return index }
            previous = raw[index]
        }
        return nil
    }

    private static func interpolated(_ value: String, _ variables: [String: String]) -> String {
        if case .success(let text) = ComposeInterpolation.interpolate(value, variables: variables) { return text }
        return value
    }

    /// The index of the unescaped `"` that closes a value opened by `"`.
    private static func closingQuote(in raw: String) -> String.Index? {
        var escaped = false
        for index in raw.indices.dropFirst() {
            let character = raw[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return index
            }
        }
        return nil
    }

    private static func unescaped(_ body: String) -> String {
        var output = ""
        var escaped = false
        for character in body {
            if escaped {
                switch character {
                case "n": output.append("\n")
                case "t": output.append("\t")
                case "r": output.append("\r")
                default: output.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.append(character)
            }
        }
        if escaped { output.append("\\") }
        return output
    }
}

extension String {
    var trimmingLeadingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        return String(slice)
    }
}
