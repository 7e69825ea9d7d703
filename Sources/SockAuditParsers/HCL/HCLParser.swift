/// HCL native syntax (Terraform, Nomad) -> a located `HCLBody`. A recursive-descent reader over the
/// UTF-8 bytes, one pass, bounded in depth: blocks (each label counting as a level), brackets and
/// interpolations may nest `maximumDepth` levels, one more is an error instead of a deep stack. Prefix operators and
/// operator chains are read in loops, so a long chain does not deepen the stack either.
public enum HCLParser {
    /// Blocks, brackets and interpolations may nest this deep (real files stay under 20).
    public static let maximumDepth = 100

    public static func parse(_ text: String) throws(ParseError) -> HCLBody {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var reader = HCLReader(text: text, mode: .file)
        return try reader.parseFile()
    }

    /// One expression on its own (a Terraform JSON string is a template: `"${var.x}/docker.sock"`).
    public static func parseTemplate(_ text: String, line: Int = 1, column: Int = 1) throws(ParseError) -> HCLExpression {
        var reader = HCLReader(text: text, mode: .heredocContent, lineOffset: line - 1, columnOffset: column - 1)
        return try reader.parseHeredocContent(start: (line, column), source: Substring(text), heredoc: nil)
    }
}

/// Identifier rules shared by the reader and the tree.
enum HCLLexer {
    /// Letters, `_`, and any non-ASCII byte (Unicode identifiers are not checked in detail).
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// HCL identifiers may contain `-` after the first character (`cpu-shares` is one name).
    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || byte &- 0x30 < 10 || byte == UInt8(ascii: "-")
    }

    static func isIdentifier<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.utf8.first, isIdentifierStart(first) else { return false }
        return text.utf8.allSatisfy(isIdentifierByte)
    }
}

/// The cursor: bytes, position, nesting, and whether a newline ends the construct being read.
struct HCLReader {
    enum Mode {
        /// A whole file: a body of attributes and blocks.
        case file
        /// A heredoc's content (or a JSON string read as a template): literal text and `${…}`, no escapes.
        case heredocContent
    }

    let text: String
    let bytes: [UInt8]
    let mode: Mode
    /// Added to every position reported: a heredoc's content is read by its own reader.
    let lineOffset: Int
    let columnOffset: Int
    var pos = 0
    var line = 1
    var column = 1
    var depth = 0
    /// Inside `(` and `[` newlines are spacing; in a body and inside `{` objects they end an item.
    var newlinesEnd: [Bool] = [true]

    init(text: String, mode: Mode, lineOffset: Int = 0, columnOffset: Int = 0, depth: Int = 0) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.mode = mode
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.depth = depth
    }

    // MARK: positions and errors

    typealias Mark = (pos: Int, line: Int, column: Int)

    var mark: Mark { (pos, line, column) }

    func error(_ message: String, at mark: Mark? = nil) -> ParseError {
        let at = mark ?? self.mark
        return ParseError(message, line: at.line + lineOffset, column: at.column + columnOffset)
    }

    /// The source text between a mark and the cursor (O(1): a slice of the file's string).
    func source(from start: Mark) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start.pos)
        let upper = utf8.index(lower, offsetBy: pos - start.pos)
        return text[lower..<upper]
    }

    func expression(_ kind: HCLExpression.Kind, from start: Mark, heredoc: HCLHeredoc? = nil) -> HCLExpression {
        HCLExpression(kind: kind, line: start.line + lineOffset, column: start.column + columnOffset,
                      source: source(from: start), heredoc: heredoc)
    }

    // MARK: bytes

    var atEnd: Bool { pos >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        pos + offset < bytes.count ? bytes[pos + offset] : nil
    }

    func peekIs(_ ascii: String, at offset: Int = 0) -> Bool {
        var index = pos + offset
        for byte in ascii.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return true
    }

    mutating func advance() {
        guard pos < bytes.count else { return }
        let byte = bytes[pos]
        pos += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func advance(_ count: Int) {
        for _ in 0..<count { advance() }
    }

    var newlineEnds: Bool { newlinesEnd.last ?? true }

    /// Spaces, tabs, carriage returns and comments; newlines too when `newlines` is true.
    mutating func skipSpace(newlines: Bool) throws(ParseError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                advance()
            case UInt8(ascii: "\n"):
                guard newlines else { return }
                advance()
            case UInt8(ascii: "#"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let start = mark
                advance(2)
                while !atEnd && !peekIs("*/") { advance() }
                guard !atEnd else { throw error("a /* comment opened here is never closed", at: start) }
                advance(2)
            default:
                return
            }
        }
    }

    /// Spacing inside an expression: newlines too where they do not end the item.
    mutating func skipInline() throws(ParseError) {
        try skipSpace(newlines: !newlineEnds)
    }

    private mutating func skipLineComment() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
    }

    mutating func identifier() -> String? {
        guard let first = peek(), HCLLexer.isIdentifierStart(first) else { return nil }
        let start = pos
        while let byte = peek(), HCLLexer.isIdentifierByte(byte) { advance() }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    mutating func expect(_ ascii: String, _ what: String) throws(ParseError) {
        guard peekIs(ascii) else { throw error("expected \(what), found \(describeNext())") }
        advance(ascii.utf8.count)
    }

    /// What the cursor is on, for messages: `"}"`, `a newline`, `the end of the file`.
    func describeNext() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == UInt8(ascii: "\n") { return "a newline" }
        var end = pos + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "\"\(String(decoding: bytes[pos..<end], as: UTF8.self))\""
    }

    /// One nesting level deeper; too deep is an error, not a deep stack.
    mutating func descend(_ start: Mark) throws(ParseError) {
        depth += 1
        guard depth <= HCLParser.maximumDepth else {
            throw error("nested deeper than \(HCLParser.maximumDepth) levels", at: start)
        }
    }

    // MARK: bodies

    mutating func parseFile() throws(ParseError) -> HCLBody {
        try parseBody(openedAt: nil)
    }

    /// Attributes and blocks up to the closing `}` (left for the caller) or the end of the file.
    mutating func parseBody(openedAt opening: Mark?) throws(ParseError) -> HCLBody {
        var body = HCLBody()
        var names: [String: Mark] = [:]
        while true {
            try skipSpace(newlines: true)
            guard let byte = peek() else {
                if let opening { throw error("the block opened here is never closed (no matching \"}\")", at: opening) }
                return body
            }
            if byte == UInt8(ascii: "}") {
                guard opening != nil else { throw error("unexpected \"}\": no block is open here") }
                return body
            }
            let start = mark
            let name: String
            var quoted = false
            if byte == UInt8(ascii: "\"") {
                // HCL 1, which Nomad's agent configuration is still read with, also names an
                // attribute by a string: `options { "docker.volumes.enabled" = "true" }`.
                guard let literal = try parseQuotedTemplate().literalString else {
                    throw error("an attribute name cannot contain interpolation or directives", at: start)
                }
                name = literal
                quoted = true
            } else if let word = identifier() {
                name = word
            } else {
                throw error("expected an attribute name or a block type, found \(describeNext())")
            }
            try skipSpace(newlines: false)
            // a quoted word is also a block type in Terraform 0.11 (`"metadata" {`)
            if quoted, !(peek() == UInt8(ascii: "=") && peek(1) != UInt8(ascii: "=")), !Self.isIdentifier(name) {
                throw error("expected \"=\" after the quoted attribute name \"\(name.prefix(40))\", found \(describeNext())")
            }
            if peek() == UInt8(ascii: "="), peek(1) != UInt8(ascii: "=") {
                advance()
                if let first = names[name] {
                    throw error("attribute \"\(name)\" is set twice in one block (first at line \(first.line + lineOffset))", at: start)
                }
                names[name] = start
                try skipSpace(newlines: false)
                newlinesEnd.append(true)
                let value = try parseExpression()
                newlinesEnd.removeLast()
                body.items.append(.attribute(HCLAttribute(
                    name: name, line: start.line + lineOffset, column: start.column + columnOffset, value: value)))
            } else {
                body.items.append(.block(try parseBlock(type: name, start: start)))
            }
            try endOfItem()
        }
    }

    /// Whether a quoted name reads as a bare word (`"metadata"`, not `"docker.volumes"`).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, HCLLexer.isIdentifierStart(first) else { return false }
        return text.utf8.allSatisfy(HCLLexer.isIdentifierByte)
    }

    /// `type "label" label { body }`, the type already read.
    private mutating func parseBlock(type: String, start: Mark) throws(ParseError) -> HCLBlock {
        var labels: [HCLLabel] = []
        while true {
            let at = mark
            // Each label is one more level in the tree a block becomes (`type "a" "b"` nests as
            // type.a.b), so labels count toward the depth bound like nested blocks do.
            guard labels.isEmpty || depth + labels.count < HCLParser.maximumDepth else {
                throw error("block \"\(type.prefix(40))\" nests deeper than \(HCLParser.maximumDepth) levels with its labels", at: at)
            }
            if peek() == UInt8(ascii: "\"") {
                let label = try parseQuotedTemplate()
                guard let text = label.literalString else {
                    throw error("a block label cannot contain interpolation or directives", at: at)
                }
                labels.append(HCLLabel(text: text, line: at.line + lineOffset, column: at.column + columnOffset))
            } else if let word = identifier() {
                labels.append(HCLLabel(text: word, line: at.line + lineOffset, column: at.column + columnOffset))
            } else {
                break
            }
            try skipSpace(newlines: false)
        }
        let opening = mark
        guard peek() == UInt8(ascii: "{") else {
            throw error("expected \"=\" or a block's \"{\" after \"\(type)\", found \(describeNext())")
        }
        advance()
        depth += labels.count
        try descend(opening)
        newlinesEnd.append(true)
        let body = try parseBody(openedAt: opening)
        newlinesEnd.removeLast()
        depth -= 1 + labels.count
        advance()  // the "}" parseBody stopped at
        return HCLBlock(type: type, labels: labels, body: body, line: start.line + lineOffset, column: start.column + columnOffset)
    }

    /// An attribute or block ends at a newline, the enclosing block's `}` or the end of the file.
    private mutating func endOfItem() throws(ParseError) {
        try skipSpace(newlines: false)
        guard let byte = peek() else { return }
        if byte == UInt8(ascii: "\n") {
            advance()
        } else if byte != UInt8(ascii: "}") {
            throw error("expected a newline after the attribute or block, found \(describeNext())")
        }
    }
}
