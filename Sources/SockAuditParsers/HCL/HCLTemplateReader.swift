/// Strings: quoted templates (escapes decoded), heredocs (`<<EOF`, `<<-EOF`, no escapes), and the
/// `${…}` interpolations and `%{…}` directives inside both.
extension HCLReader {
    enum TemplateEnd {
        case quote
        case endOfInput
    }

    mutating func parseQuotedTemplate() throws(ParseError) -> HCLExpression {
        let start = mark
        advance()
        let parts = try parseTemplateParts(until: .quote, opening: start)
        return expression(Self.kind(of: parts), from: start)
    }

    /// A heredoc's content read by its own reader (see `parseHeredoc`), or a template given alone.
    mutating func parseHeredocContent(start: (line: Int, column: Int), source: Substring, heredoc: HCLHeredoc?) throws(ParseError) -> HCLExpression {
        let parts = try parseTemplateParts(until: .endOfInput, opening: mark)
        return HCLExpression(kind: Self.kind(of: parts), line: start.line, column: start.column, source: source, heredoc: heredoc)
    }

    static func kind(of parts: [HCLTemplatePart]) -> HCLExpression.Kind {
        switch parts.count {
        case 0: return .string("")
        case 1: if case .literal(let text) = parts[0] { return .string(text) }
        default: break
        }
        return .template(parts)
    }

    mutating func parseTemplateParts(until end: TemplateEnd, opening: Mark) throws(ParseError) -> [HCLTemplatePart] {
        var parts: [HCLTemplatePart] = []
        var literal: [UInt8] = []
        func flush() {
            guard !literal.isEmpty else { return }
            parts.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll(keepingCapacity: true)
        }
        let quoted = end == .quote
        while true {
            guard let byte = peek() else {
                guard quoted else {
                    flush()
                    return parts
                }
                throw error("the string opened here is never closed (no closing quote)", at: opening)
            }
            switch byte {
            case UInt8(ascii: "\"") where quoted:
                advance()
                flush()
                return parts
            case UInt8(ascii: "\n") where quoted:
                throw error("the string opened here is not closed on its line (use a heredoc for several lines)", at: opening)
            case UInt8(ascii: "\\") where quoted:
                try escape(into: &literal)
            case UInt8(ascii: "$") where peekIs("$${"), UInt8(ascii: "%") where peekIs("%%{"):
                literal += [byte, UInt8(ascii: "{")]
                advance(3)
            case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "{"):
                flush()
                parts.append(.interpolation(try parseInterpolation()))
            case UInt8(ascii: "%") where peek(1) == UInt8(ascii: "{"):
                flush()
                parts.append(.directive(try parseDirective()))
            default:
                literal.append(byte)
                advance()
            }
        }
    }

    /// `\n \r \t \" \\ \uNNNN \UNNNNNNNN` in a quoted string.
    private mutating func escape(into literal: inout [UInt8]) throws(ParseError) {
        let start = mark
        advance()
        guard let letter = peek() else { throw error("a string ends inside an escape sequence", at: start) }
        advance()
        switch letter {
        case UInt8(ascii: "n"): literal.append(0x0A)
        case UInt8(ascii: "r"): literal.append(0x0D)
        case UInt8(ascii: "t"): literal.append(0x09)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): literal.append(letter)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = peek(), let nibble = Self.hexValue(digit) else {
                    throw error("\\\(Character(Unicode.Scalar(letter))) needs \(count) hexadecimal digits", at: start)
                }
                value = value << 4 | nibble
                advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("\\\(Character(Unicode.Scalar(letter))) names no Unicode character", at: start)
            }
            literal += Array(String(Character(scalar)).utf8)
        default:
            throw error("invalid escape sequence \\\(Character(Unicode.Scalar(letter)))", at: start)
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// `${ expression }`, with the optional `~` strip markers.
    private mutating func parseInterpolation() throws(ParseError) -> HCLExpression {
        let start = mark
        advance(2)
        try descend(start)
        newlinesEnd.append(false)
        if peek() == UInt8(ascii: "~") { advance() }
        try skipSpace(newlines: true)
        let value = try parseExpression()
        try skipSpace(newlines: true)
        if peek() == UInt8(ascii: "~") { advance() }
        try expect("}", "\"}\" closing the interpolation opened at line \(start.line + lineOffset)")
        newlinesEnd.removeLast()
        depth -= 1
        return value
    }

    /// `%{ if c }`, `%{ else }`, `%{ endif }`, `%{ for x in xs }`, `%{ endfor }`, kept as written.
    private mutating func parseDirective() throws(ParseError) -> Substring {
        let start = mark
        advance(2)
        try descend(start)
        newlinesEnd.append(false)
        if peek() == UInt8(ascii: "~") { advance() }
        try skipSpace(newlines: true)
        let keyword = identifier()
        try skipSpace(newlines: true)
        switch keyword {
        case "if":
            _ = try parseExpression()
        case "for":
            guard identifier() != nil else { throw error("expected a variable name after %{ for, found \(describeNext())") }
            try skipSpace(newlines: true)
            if peek() == UInt8(ascii: ",") {
                advance()
                try skipSpace(newlines: true)
                guard identifier() != nil else { throw error("expected a second variable name, found \(describeNext())") }
                try skipSpace(newlines: true)
            }
            guard identifier() == "in" else { throw error("expected \"in\" in the %{ for } directive", at: start) }
            try skipSpace(newlines: true)
            _ = try parseExpression()
        case "else", "endif", "endfor":
            break
        default:
            throw error("unknown template directive: expected if, else, endif, for or endfor after %{", at: start)
        }
        try skipSpace(newlines: true)
        if peek() == UInt8(ascii: "~") { advance() }
        try expect("}", "\"}\" closing the directive opened at line \(start.line + lineOffset)")
        newlinesEnd.removeLast()
        depth -= 1
        return source(from: start)
    }

    /// `<<EOF` / `<<-EOF` … a line holding only `EOF`. `<<-` removes the smallest indentation of
    /// the non-blank lines from every line. The content is read as a template by its own reader,
    /// whose positions are mapped back to the file.
    mutating func parseHeredoc() throws(ParseError) -> HCLExpression {
        let start = mark
        advance(2)
        let indented = peek() == UInt8(ascii: "-")
        if indented { advance() }
        guard let marker = identifier() else {
            throw error("expected a heredoc marker after \"<<\" (<<EOF or <<-EOF), found \(describeNext())")
        }
        if peek() == UInt8(ascii: "\r") { advance() }
        guard peek() == UInt8(ascii: "\n") else {
            throw error("a heredoc's <<\(indented ? "-" : "")\(marker) must end its line, found \(describeNext())")
        }
        advance()
        let contentStart = mark
        let markerBytes = Array(marker.utf8)

        // Content lines up to the first line that holds only the marker.
        var lines: [Range<Int>] = []
        var scan = pos
        var closingEnd: Int?
        while true {
            var lineEnd = scan
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var first = scan
            while first < lineEnd && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) { first += 1 }
            var last = lineEnd
            if last > first && bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
            if bytes[first..<last].elementsEqual(markerBytes) {
                closingEnd = lineEnd
                break
            }
            guard lineEnd < bytes.count else { break }
            lines.append(scan..<(lineEnd + 1))
            scan = lineEnd + 1
        }
        guard let closingEnd else {
            throw error("the heredoc <<\(indented ? "-" : "")\(marker) opened here is never closed (no line holding only \(marker))", at: start)
        }

        var indent = 0
        if indented {
            indent = Int.max
            for range in lines {
                let leading = bytes[range].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
                let blank = bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
                if !blank { indent = min(indent, leading) }
            }
            if indent == Int.max { indent = 0 }
        }
        var content: [UInt8] = []
        for range in lines {
            let leading = bytes[range].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            content += bytes[(range.lowerBound + min(indent, leading))..<range.upperBound]
        }
        let rawContent = String(decoding: content, as: UTF8.self)
        var inner = HCLReader(
            text: rawContent, mode: .heredocContent, lineOffset: contentStart.line - 1 + lineOffset,
            columnOffset: indent + columnOffset, depth: depth)
        let parts = try inner.parseTemplateParts(until: .endOfInput, opening: inner.mark)
        while pos < closingEnd { advance() }
        let heredoc = HCLHeredoc(contentLine: contentStart.line + lineOffset, indent: indent + columnOffset, rawContent: rawContent)
        return expression(Self.kind(of: parts), from: start, heredoc: heredoc)
    }
}
