/// What can still be read of a YAML or JSON file that failed to parse: the documents its text
/// gives before the error, so a file is claimed by its shape (`apiVersion` and `kind` at the top,
/// `services:` holding mappings) and never by words that merely occur in it.
public enum SurvivingStructure {
    /// YAML: the outline (duplicate keys kept, template actions blanked); when even that fails
    /// inside its first document, the outline of the lines before the error, cut further back
    /// (a few times) while the cut text still fails.
    public static func yaml(_ text: String) -> [Node] {
        var outline = YAMLParser.outline(text)
        guard outline.error != nil, outline.documents.isEmpty else { return outline.documents }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var cut = lines.count
        for _ in 0..<4 {
            guard let error = outline.error, outline.documents.isEmpty else { break }
            cut = min(error.line - 1, cut - 1)
            guard cut > 0 else { return [] }
            outline = YAMLParser.outline(lines[..<cut].joined(separator: "\n"))
        }
        return outline.error == nil ? outline.documents : []
    }

    /// JSON: the text before the error, closed as far as it was opened (an open string
    /// dropped, a dangling `,` removed, a key without its value given `null`, open arrays and
    /// objects closed); nothing when that does not parse either.
    public static func json(_ text: String, error: ParseError) -> [Node] {
        var kept = String.UnicodeScalarView()
        var closers: [Unicode.Scalar] = []
        var line = 1
        var column = 0
        var inString = false
        var escaped = false
        var stringStart = 0
        // Counted here: a UnicodeScalarView's count walks the whole view, and a file of quotes
        // would walk it once per quote.
        var keptCount = 0
        var keptBeforeString = closers
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            // Lines end as the parser ends them (LF, CR LF or a lone CR), so the error's line is met.
            if scalar == "\n" {
                if !afterCarriageReturn { line += 1 }
                column = 0
            } else if scalar == "\r" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            afterCarriageReturn = scalar == "\r"
            if line > error.line || (line == error.line && column >= error.column) { break }
            kept.append(scalar)
            keptCount += 1
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"":
                inString = true
                stringStart = keptCount - 1
                keptBeforeString = closers
            case "{": closers.append("}")
            case "[": closers.append("]")
            case "}", "]": if !closers.isEmpty { closers.removeLast() }
            default: break
            }
        }
        var prefix = String(kept)
        if inString {
            prefix = String(String.UnicodeScalarView(kept.prefix(stringStart)))
            closers = keptBeforeString
        }
        while let last = prefix.unicodeScalars.last, last.properties.isWhitespace || last == "," {
            prefix.unicodeScalars.removeLast()
        }
        if prefix.unicodeScalars.last == ":" { prefix += "null" }
        // A string value or key left alone inside an object: `{"a": 1, "b"` reads as `"b": null`.
        if closers.last == "}", prefix.unicodeScalars.last == "\"", !endsAValue(prefix) { prefix += ": null" }
        prefix.unicodeScalars.append(contentsOf: closers.reversed())
        guard let node = try? JSONParser.parse(prefix) else { return [] }
        return [node]
    }

    /// Whether the string that ends `text` follows a `:` (a value) rather than a `{` or `,` (a key).
    private static func endsAValue(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard var index = scalars.indices.last else { return false }
        index -= 1
        var escaped = false
        while index >= 0 {
            let scalar = scalars[index]
            if scalar == "\"" {
                var backslashes = 0
                var look = index - 1
                while look >= 0, scalars[look] == "\\" { backslashes += 1; look -= 1 }
                escaped = backslashes % 2 == 1
                if !escaped { break }
            }
            index -= 1
        }
        var before = index - 1
        while before >= 0, scalars[before].properties.isWhitespace { before -= 1 }
        return before >= 0 && scalars[before] == ":"
    }
}
