/// A strict RFC 8259 JSON parser producing a located `Node` tree; in the `.jsonc` dialect (dev
/// containers, VS Code settings files, and only those) `//` and `/* */` comments and trailing
/// commas are accepted too, as those tools accept them.
///
/// Strings become quoted scalars; numbers, `true`, `false` and `null` become plain scalars holding
/// their exact source text (numbers are never converted, so `1e400` survives). Duplicate keys are
/// kept in order. Positions are 1-based, columns count Unicode scalars.
public enum JSONParser {
    /// Arrays and objects may nest this deep; one more level is an error.
    public static let maximumDepth = 512

    public enum Dialect: Sendable {
        /// RFC 8259: what dockerd, the Engine API and most tools read.
        case strict
        /// JSON with comments and trailing commas, as VS Code and the dev container CLI read it.
        case jsonc
    }

    public static func parse(_ bytes: [UInt8], dialect: Dialect = .strict) throws(ParseError) -> Node {
        // Result carries the typed error out of the non-throwing closure.
        let result: Result<Node, ParseError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, dialect: dialect)
            do throws(ParseError) { return .success(try reader.parseDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ text: String, dialect: Dialect = .strict) throws(ParseError) -> Node {
        var text = text
        let result: Result<Node, ParseError> = text.withUTF8 { buffer in
            var reader = JSONReader(buffer, dialect: dialect)
            do throws(ParseError) { return .success(try reader.parseDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// JSONByte bytes the reader dispatches on.
enum JSONByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let backslash: UInt8 = 0x5C
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let asterisk: UInt8 = 0x2A

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- zero < 10 }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20) &- 0x61 < 26 || b == 0x5F
    }
}

/// Where an array or object starts, for its node and for "not closed" messages.
struct JSONOpening {
    var isObject: Bool
    var line: Int
    var column: Int
}

/// One open array or object while the reader descends.
struct JSONFrame {
    var opening: JSONOpening
    var items: [Node] = []
    var pairs: [Node.Pair] = []
    /// The key whose value is being read (objects only).
    var key: Node?
}

struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var pos = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and `pos`. Non-ASCII only occurs inside strings,
    /// so at any token start the column is a subtraction rather than a rescan of the line.
    var continuationBytes = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []
    /// JSONC: comments are whitespace and a comma may precede `]` or `}`.
    let isJSONC: Bool
    /// Where a `/*` that never closes starts (JSONC), for the error at the end of input.
    var unclosedComment: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>, dialect: JSONParser.Dialect = .strict) {
        self.bytes = bytes
        self.end = bytes.count
        self.isJSONC = dialect == .jsonc
    }

    /// The column of `pos`, valid whenever `pos` is outside a string.
    @inline(__always) var column: Int { pos - lineStart - continuationBytes + 1 }

    // MARK: Document

    mutating func parseDocument() throws(ParseError) -> Node {
        if end >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw error("JSON text must be UTF-8, but it starts with a UTF-16 byte order mark", at: 0)
        }
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
        }

        var frames: [JSONFrame] = []
        var value: Node

        valueLoop: while true {
            skipWhitespace()
            guard pos < end else { throw unexpected(expecting: "a value", inside: frames.last?.opening) }
            let startLine = line
            let startColumn = column
            let byte = bytes[pos]

            switch byte {
            case JSONByte.quote:
                value = Node(.scalar(Node.Scalar(try parseString(), isPlain: false)), line: startLine, column: startColumn)
            case JSONByte.openBrace, JSONByte.openBracket:
                if frames.count >= JSONParser.maximumDepth {
                    throw error("nesting deeper than \(JSONParser.maximumDepth) levels", at: pos)
                }
                let isObject = byte == JSONByte.openBrace
                pos += 1
                skipWhitespace()
                let closer = isObject ? JSONByte.closeBrace : JSONByte.closeBracket
                if pos < end && bytes[pos] == closer {
                    pos += 1
                    value = Node(isObject ? .mapping([]) : .sequence([]), line: startLine, column: startColumn)
                } else {
                    let opening = JSONOpening(isObject: isObject, line: startLine, column: startColumn)
                    frames.append(JSONFrame(opening: opening))
                    if isObject { frames[frames.count - 1].key = try parseKey(afterComma: nil, inside: opening) }
                    continue valueLoop
                }
            case JSONByte.minus, JSONByte.zero...JSONByte.nine:
                value = Node(.scalar(Node.Scalar(try parseNumber(), isPlain: true)), line: startLine, column: startColumn)
            case 0x61...0x7A, 0x41...0x5A:
                value = Node(.scalar(Node.Scalar(try parseLiteral(), isPlain: true)), line: startLine, column: startColumn)
            case JSONByte.plus:
                throw error("bad number: a leading '+' is not allowed", at: pos)
            case JSONByte.period:
                throw error("bad number: a digit is required before the decimal point", at: pos)
            default:
                throw unexpected(expecting: "a value", inside: frames.last?.opening)
            }

            // A value is complete: attach it to its container, closing containers as they end.
            while true {
                guard !frames.isEmpty else { break valueLoop }
                let top = frames.count - 1
                let opening = frames[top].opening
                if opening.isObject {
                    frames[top].pairs.append(Node.Pair(key: frames[top].key.unsafelyUnwrapped, value: value))
                } else {
                    frames[top].items.append(value)
                }
                skipWhitespace()
                let isObject = opening.isObject
                let closer = isObject ? JSONByte.closeBrace : JSONByte.closeBracket
                if pos < end && bytes[pos] == JSONByte.comma {
                    let comma = pos
                    pos += 1
                    if isObject {
                        if isJSONC {
                            skipWhitespace()
                            if pos < end && bytes[pos] == JSONByte.closeBrace {
                                pos += 1
                                let frame = frames.removeLast()
                                value = Node(.mapping(frame.pairs), line: opening.line, column: opening.column)
                                continue
                            }
                        }
                        frames[top].key = try parseKey(afterComma: comma, inside: opening)
                    } else {
                        skipWhitespace()
                        if pos < end && bytes[pos] == JSONByte.closeBracket {
                            guard isJSONC else { throw error("trailing comma before ']' is not allowed in JSON", at: comma) }
                            pos += 1
                            let frame = frames.removeLast()
                            value = Node(.sequence(frame.items), line: opening.line, column: opening.column)
                            continue
                        }
                    }
                    continue valueLoop
                } else if pos < end && bytes[pos] == closer {
                    pos += 1
                    let frame = frames.removeLast()
                    value = Node(
                        isObject ? .mapping(frame.pairs) : .sequence(frame.items),
                        line: opening.line, column: opening.column)
                } else {
                    throw unexpected(expecting: isObject ? "',' or '}'" : "',' or ']'", inside: opening)
                }
            }
        }

        skipWhitespace()
        if let unclosedComment { throw error("comment opened here is not closed", at: unclosedComment) }
        if pos < end {
            if let comment = commentError() { throw comment }
            throw error("trailing content after the JSON value: \(describe(at: pos))", at: pos)
        }
        return value
    }

    /// Reads `"key"` and the `:` after it; `pos` is just after `{` or after a comma.
    mutating func parseKey(afterComma comma: Int?, inside opening: JSONOpening) throws(ParseError) -> Node {
        skipWhitespace()
        guard pos < end, bytes[pos] == JSONByte.quote else {
            if let comma, pos < end, bytes[pos] == JSONByte.closeBrace {
                throw error("trailing comma before '}' is not allowed in JSON", at: comma)
            }
            if pos < end, JSONByte.isWordByte(bytes[pos]) {
                let word = wordText(at: pos)
                throw error("object keys must be strings in double quotes, found \(word)", at: pos)
            }
            throw unexpected(expecting: "a string key in double quotes", inside: opening)
        }
        let keyLine = line
        let keyColumn = column
        let text = try parseString()
        skipWhitespace()
        guard pos < end, bytes[pos] == JSONByte.colon else {
            throw unexpected(expecting: "':' after the object key", inside: opening)
        }
        pos += 1
        return Node(.scalar(Node.Scalar(text, isPlain: false)), line: keyLine, column: keyColumn)
    }

    // MARK: Tokens

    @inline(__always) mutating func skipWhitespace() {
        while pos < end {
            let b = bytes[pos]
            if b == JSONByte.space || b == JSONByte.tab {
                pos += 1
            } else if b == JSONByte.lineFeed {
                pos += 1
                startLine()
            } else if b == JSONByte.carriageReturn {
                pos += 1
                if pos < end && bytes[pos] == JSONByte.lineFeed { pos += 1 }
                startLine()
            } else if b == JSONByte.slash && isJSONC && pos + 1 < end
                && (bytes[pos + 1] == JSONByte.slash || bytes[pos + 1] == JSONByte.asterisk)
            {
                skipComment()
            } else {
                return
            }
        }
    }

    /// Skips one `//` or `/* */` comment (JSONC), counting its lines; `pos` is at the `/`.
    mutating func skipComment() {
        let start = pos
        let isBlock = bytes[pos + 1] == JSONByte.asterisk
        pos += 2
        while pos < end {
            let b = bytes[pos]
            if isBlock && b == JSONByte.asterisk && pos + 1 < end && bytes[pos + 1] == JSONByte.slash {
                pos += 2
                return
            }
            if b == JSONByte.lineFeed || b == JSONByte.carriageReturn {
                if !isBlock { return }
                pos += 1
                if b == JSONByte.carriageReturn && pos < end && bytes[pos] == JSONByte.lineFeed { pos += 1 }
                startLine()
                continue
            }
            if b & 0xC0 == 0x80 { continuationBytes += 1 }
            pos += 1
        }
        if isBlock { unclosedComment = start }
    }

    @inline(__always) mutating func startLine() {
        line += 1
        lineStart = pos
        continuationBytes = 0
    }

    /// Reads a number and returns its exact text; `pos` is at `-` or a digit.
    mutating func parseNumber() throws(ParseError) -> String {
        let start = pos
        var i = pos
        if bytes[i] == JSONByte.minus { i += 1 }
        if i < end && bytes[i] == JSONByte.zero {
            i += 1
            if i < end && JSONByte.isDigit(bytes[i]) {
                throw error("bad number: leading zeros are not allowed", at: i)
            }
        } else if i < end && JSONByte.isDigit(bytes[i]) {
            i += 1
            while i < end && JSONByte.isDigit(bytes[i]) { i += 1 }
        } else {
            throw error("bad number: expected a digit after '-'\(found(at: i))", at: i)
        }
        if i < end && bytes[i] == JSONByte.period {
            i += 1
            guard i < end && JSONByte.isDigit(bytes[i]) else {
                throw error("bad number: expected a digit after the decimal point\(found(at: i))", at: i)
            }
            while i < end && JSONByte.isDigit(bytes[i]) { i += 1 }
        }
        if i < end && (bytes[i] | 0x20) == 0x65 {  // e or E
            i += 1
            if i < end && (bytes[i] == JSONByte.plus || bytes[i] == JSONByte.minus) { i += 1 }
            guard i < end && JSONByte.isDigit(bytes[i]) else {
                throw error("bad number: expected a digit in the exponent\(found(at: i))", at: i)
            }
            while i < end && JSONByte.isDigit(bytes[i]) { i += 1 }
        }
        // Catch `0x1F`, `1.2.3`, `12abc` here rather than as a puzzling "expected ','".
        if i < end && (JSONByte.isWordByte(bytes[i]) || bytes[i] == JSONByte.period
            || bytes[i] == JSONByte.plus || bytes[i] == JSONByte.minus)
        {
            throw error("bad number: unexpected \(describe(at: i))", at: i)
        }
        pos = i
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    /// Reads `true`, `false` or `null`; `pos` is at an JSONByte letter.
    mutating func parseLiteral() throws(ParseError) -> String {
        var i = pos
        while i < end && JSONByte.isWordByte(bytes[i]) { i += 1 }
        let length = i - pos
        let literal: String
        if length == 4 && matches("true", at: pos) {
            literal = "true"
        } else if length == 5 && matches("false", at: pos) {
            literal = "false"
        } else if length == 4 && matches("null", at: pos) {
            literal = "null"
        } else {
            throw error(
                "invalid literal \(wordText(at: pos)); expected a value (true, false, null, a number, "
                    + "or a string in double quotes)", at: pos)
        }
        pos = i
        return literal
    }

    @inline(__always) func matches(_ word: StaticString, at i: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        let p = word.utf8Start
        for k in 0..<count where bytes[i + k] != p[k] { return false }
        return true
    }

    // MARK: Errors

    /// An error at byte offset `offset`; line and column are recounted from the start, which is
    /// only paid once per failed parse.
    func error(_ message: String, at offset: Int) -> ParseError {
        var line = 1
        var column = 1
        var i = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset >= 3 { i = 3 }
        while i < offset && i < end {
            let b = bytes[i]
            if b == JSONByte.lineFeed {
                line += 1
                column = 1
            } else if b == JSONByte.carriageReturn {
                if i + 1 < offset && bytes[i + 1] == JSONByte.lineFeed { i += 1 }
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return ParseError(message, line: line, column: column)
    }

    /// The error for an unexpected byte (or end of input) at `pos`.
    func unexpected(expecting expected: String, inside open: JSONOpening?) -> ParseError {
        guard pos < end else {
            if let unclosedComment { return error("comment opened here is not closed", at: unclosedComment) }
            var message = "unexpected end of input; expected \(expected)"
            if let open {
                message += " (the \(open.isObject ? "object" : "array") opened at line \(open.line), "
                    + "column \(open.column) is not closed)"
            }
            return error(message, at: pos)
        }
        if let comment = commentError() { return comment }
        if bytes[pos] == JSONByte.apostrophe {
            return error("single quotes are not allowed in JSON; use double quotes", at: pos)
        }
        if isInvalidUTF8(at: pos) {
            return error(invalidUTF8Message(at: pos), at: pos)
        }
        return error("unexpected \(describe(at: pos)); expected \(expected)", at: pos)
    }

    /// `//` and `/* */` get their own message: dockerd rejects commented `daemon.json` files.
    func commentError() -> ParseError? {
        guard !isJSONC, pos + 1 < end, bytes[pos] == JSONByte.slash,
            bytes[pos + 1] == JSONByte.slash || bytes[pos + 1] == JSONByte.asterisk
        else { return nil }
        return error("comments are not allowed in JSON", at: pos)
    }

    /// `" found 'x'"` for number errors, or `" but the input ends"`.
    func found(at i: Int) -> String {
        i < end ? ", found \(describe(at: i))" : " but the input ends"
    }

    /// A readable name for the character at `i`: `character 'x'`, `character U+00A0`, or
    /// `invalid UTF-8 byte 0xFF`.
    func describe(at i: Int) -> String {
        let b = bytes[i]
        if b < 0x80 {
            if b > 0x20 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
            return "character \(JSONReader.codePoint(UInt32(b)))"
        }
        guard let (value, _) = decodeUTF8(at: i), let scalar = Unicode.Scalar(value) else {
            return "invalid UTF-8 byte \(JSONReader.hexByte(b))"
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark, .spacingMark:
            return "character \(JSONReader.codePoint(value))"
        default:
            return "character '\(Character(scalar))' (\(JSONReader.codePoint(value)))"
        }
    }

    func wordText(at i: Int) -> String {
        var j = i
        while j < end && JSONByte.isWordByte(bytes[j]) && j - i < 40 { j += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
        return j < end && JSONByte.isWordByte(bytes[j]) ? "'\(word)...'" : "'\(word)'"
    }

    func isInvalidUTF8(at i: Int) -> Bool {
        bytes[i] >= 0x80 && decodeUTF8(at: i) == nil
    }

    func invalidUTF8Message(at i: Int) -> String {
        "invalid UTF-8 sequence starting with byte \(JSONReader.hexByte(bytes[i]))"
    }
}

extension JSONReader {
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func hexByte(_ b: UInt8) -> String {
        let hex = String(b, radix: 16, uppercase: true)
        return "0x" + (hex.count == 1 ? "0" : "") + hex
    }
}
