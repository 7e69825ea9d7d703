import SockAuditCore

/// The characters of a TOML file with the position of the next one. Line ends are LF (the parser
/// turns CRLF and lone CR into LF first); columns count Unicode scalars from 1.
struct TOMLReader {
    private let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    var position: (line: Int, column: Int) { (line, index - lineStart + 1) }

    /// Moves forward to `line`:`column`; false when the text ends first or has no such column.
    mutating func seek(line target: Int, column: Int) -> Bool {
        while line < target, index < scalars.count { advance() }
        guard line == target else { return false }
        while index - lineStart + 1 < column, let next = peek(), next != "\n" { advance() }
        return index - lineStart + 1 == column && index < scalars.count
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    func starts(with text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    mutating func advance(_ count: Int) {
        for _ in 0..<count { advance() }
    }

    func error(_ message: String) -> ParseError {
        ParseError(message, line: line, column: index - lineStart + 1)
    }

    mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = peek(), predicate(scalar) {
            text.append(scalar)
            advance()
        }
        return String(text)
    }

    mutating func skipSpaces() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    /// A `#` comment up to (not including) the line end.
    mutating func skipComment() {
        guard peek() == "#" else { return }
        while let scalar = peek(), scalar != "\n" { advance() }
    }

    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            guard peek() == "\n" else { return }
            advance()
        }
    }

    /// Inside an array or inline table: spaces, line ends and comments.
    mutating func skipWhitespaceNewlinesAndComments() {
        skipBlankLinesAndComments()
    }

    /// After a key/value pair or a header: only spaces and a comment may follow on its line.
    mutating func expectLineEnd() throws(ParseError) {
        skipSpaces()
        skipComment()
        guard let scalar = peek() else { return }
        guard scalar == "\n" else {
            throw error("expected the end of the line, found \(Self.describe(scalar)) (one key = value or [table] per line)")
        }
        advance()
    }

    /// The text of a number, boolean or date: up to a space, comma, bracket, brace or comment,
    /// keeping the space between a date and its time (`1979-05-27 07:32:00`).
    mutating func takeBareValue() -> String {
        var text = String.UnicodeScalarView()
        while let scalar = peek() {
            if scalar == " ", Self.isDate(text), let next = peek(1), ("0"..."9").contains(next) {
                text.append(scalar)
                advance()
                continue
            }
            guard !Self.valueEnds.contains(scalar) else { break }
            text.append(scalar)
            advance()
        }
        return String(text)
    }

    private static let valueEnds: Set<Unicode.Scalar> = [" ", "\t", "\n", ",", "]", "}", "#", "[", "{", "=", "\"", "'"]

    private static func isDate(_ text: String.UnicodeScalarView) -> Bool {
        let scalars = Array(text)
        guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return false }
        return scalars.enumerated().allSatisfy { offset, scalar in offset == 4 || offset == 7 || ("0"..."9").contains(scalar) }
    }

    static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    /// A character as an error message shows it.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "a line end"
        case "\t": return "a tab"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
            }
            return "\"\(Character(scalar))\""
        }
    }
}
