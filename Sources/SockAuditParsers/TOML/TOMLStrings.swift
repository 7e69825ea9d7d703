import SockAuditCore

/// Where a string's decoded characters go: its text, or its text with the position of each
/// character in the file (`TOMLStringSource`, for a document held in a TOML string).
protocol TOMLStringSink {
    mutating func append(_ scalar: Unicode.Scalar, at position: (line: Int, column: Int))
}

extension String.UnicodeScalarView: TOMLStringSink {
    mutating func append(_ scalar: Unicode.Scalar, at position: (line: Int, column: Int)) { append(scalar) }
}

extension ShellSource: TOMLStringSink {
    mutating func append(_ scalar: Unicode.Scalar, at position: (line: Int, column: Int)) {
        append(scalar, line: position.line, column: position.column)
    }
}

/// TOML's four string forms, read from their opening quote; each returns the decoded text (or
/// hands each decoded character to a sink, with the position it was written at: an escape at its
/// backslash).
enum TOMLStrings {
    /// The string that opens at the reader (a quote); a key cannot be a multi-line string.
    static func read<Sink: TOMLStringSink>(_ reader: inout TOMLReader, into text: inout Sink, multiLine: Bool = true) throws(ParseError) {
        if multiLine && reader.starts(with: "\"\"\"") {
            try multilineBasic(&reader, into: &text)
        } else if multiLine && reader.starts(with: "'''") {
            try multilineLiteral(&reader, into: &text)
        } else if reader.peek() == "\"" {
            try basic(&reader, into: &text)
        } else {
            try literal(&reader, into: &text)
        }
    }

    static func string(_ reader: inout TOMLReader, multiLine: Bool = true) throws(ParseError) -> String {
        var text = String.UnicodeScalarView()
        try read(&reader, into: &text, multiLine: multiLine)
        return String(text)
    }

    /// `"basic"`, with backslash escapes, on one line.
    static func basic<Sink: TOMLStringSink>(_ reader: inout TOMLReader, into text: inout Sink) throws(ParseError) {
        let start = reader.position
        reader.advance()
        while true {
            guard let scalar = reader.peek() else { throw unterminated(start, "string") }
            switch scalar {
            case "\"":
                reader.advance()
                return
            case "\\":
                let at = reader.position
                text.append(try escape(&reader), at: at)
            case "\n":
                throw reader.error("a line end inside a \"string\" (use \"\"\" for a multi-line string)")
            default:
                try checkControl(scalar, &reader)
                text.append(scalar, at: reader.position)
                reader.advance()
            }
        }
    }

    /// `'literal'`: no escapes, one line.
    static func literal<Sink: TOMLStringSink>(_ reader: inout TOMLReader, into text: inout Sink) throws(ParseError) {
        let start = reader.position
        reader.advance()
        while true {
            guard let scalar = reader.peek() else { throw unterminated(start, "literal string") }
            switch scalar {
            case "'":
                reader.advance()
                return
            case "\n":
                throw reader.error("a line end inside a 'literal string' (use ''' for a multi-line string)")
            default:
                try checkControl(scalar, &reader)
                text.append(scalar, at: reader.position)
                reader.advance()
            }
        }
    }

    /// `"""multi-line basic"""`: a line end right after the opening quotes is dropped; a backslash
    /// at the end of a line joins it to the next non-blank text.
    static func multilineBasic<Sink: TOMLStringSink>(_ reader: inout TOMLReader, into text: inout Sink) throws(ParseError) {
        let start = reader.position
        reader.advance(3)
        if reader.peek() == "\n" { reader.advance() }
        while true {
            guard let scalar = reader.peek() else { throw unterminated(start, "multi-line string") }
            switch scalar {
            case "\"" where reader.starts(with: "\"\"\""):
                try close(&reader, quote: "\"", into: &text)
                return
            case "\\" where isLineEndingBackslash(reader):
                reader.advance()
                while let next = reader.peek(), next == " " || next == "\t" || next == "\n" { reader.advance() }
            case "\\":
                let at = reader.position
                text.append(try escape(&reader), at: at)
            case "\n":
                text.append(scalar, at: reader.position)
                reader.advance()
            default:
                try checkControl(scalar, &reader)
                text.append(scalar, at: reader.position)
                reader.advance()
            }
        }
    }

    /// `'''multi-line literal'''`.
    static func multilineLiteral<Sink: TOMLStringSink>(_ reader: inout TOMLReader, into text: inout Sink) throws(ParseError) {
        let start = reader.position
        reader.advance(3)
        if reader.peek() == "\n" { reader.advance() }
        while true {
            guard let scalar = reader.peek() else { throw unterminated(start, "multi-line literal string") }
            switch scalar {
            case "'" where reader.starts(with: "'''"):
                try close(&reader, quote: "'", into: &text)
                return
            case "\n":
                text.append(scalar, at: reader.position)
                reader.advance()
            default:
                try checkControl(scalar, &reader)
                text.append(scalar, at: reader.position)
                reader.advance()
            }
        }
    }

    /// Three to five quotes end a multi-line string; the ones before the last three belong to it.
    private static func close<Sink: TOMLStringSink>(_ reader: inout TOMLReader, quote: Unicode.Scalar, into text: inout Sink) throws(ParseError) {
        var count = 0
        while reader.peek(count) == quote { count += 1 }
        guard count <= 5 else { throw reader.error("more than five quotes in a row in a multi-line string") }
        for _ in 0..<(count - 3) {
            text.append(quote, at: reader.position)
            reader.advance()
        }
        reader.advance(3)
    }

    /// A backslash followed only by spaces up to the line end.
    private static func isLineEndingBackslash(_ reader: TOMLReader) -> Bool {
        var offset = 1
        while let next = reader.peek(offset), next == " " || next == "\t" { offset += 1 }
        return reader.peek(offset) == "\n"
    }

    private static func escape(_ reader: inout TOMLReader) throws(ParseError) -> Unicode.Scalar {
        let at = reader.position
        reader.advance()
        guard let code = reader.peek() else { throw reader.error("a backslash at the end of the file") }
        reader.advance()
        switch code {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U", "x":
            let digits = code == "u" ? 4 : (code == "U" ? 8 : 2)
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let digit = reader.peek(), let number = Int(String(digit), radix: 16) else {
                    throw ParseError("\\\(code) needs \(digits) hexadecimal digits", line: at.line, column: at.column)
                }
                value = value * 16 + UInt32(number)
                reader.advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw ParseError("\\\(code)\(String(value, radix: 16)) is not a Unicode scalar value", line: at.line, column: at.column)
            }
            return scalar
        default:
            throw ParseError("unknown escape \\\(Character(code)) (a Windows path needs 'single quotes' or \\\\)", line: at.line, column: at.column)
        }
    }

    private static func checkControl(_ scalar: Unicode.Scalar, _ reader: inout TOMLReader) throws(ParseError) {
        if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
            throw reader.error("\(TOMLReader.describe(scalar)) inside a string (write it as an escape)")
        }
    }

    private static func unterminated(_ start: (line: Int, column: Int), _ what: String) -> ParseError {
        ParseError("unterminated \(what) (no closing quote)", line: start.line, column: start.column)
    }
}
