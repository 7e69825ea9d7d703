extension JSONReader {
    /// Reads a string; `pos` is at its opening quote and ends just past the closing one.
    mutating func parseString() throws(ParseError) -> String {
        let quote = pos
        let start = pos + 1
        var i = start
        // Most strings have no escapes: validate in place and build the String from the slice.
        while true {
            guard i < end else { throw unterminatedString(quote: quote) }
            let b = bytes[i]
            if b == JSONByte.quote {
                pos = i + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == JSONByte.backslash { break }
            if b < 0x20 { throw controlCharacter(at: i) }
            i += b < 0x80 ? 1 : try validateSequence(at: i)
        }
        return try parseEscapedString(quote: quote, start: start, firstEscape: i)
    }

    private mutating func parseEscapedString(quote: Int, start: Int, firstEscape: Int) throws(ParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var i = firstEscape
        var runStart = start
        while true {
            guard i < end else { throw unterminatedString(quote: quote) }
            let b = bytes[i]
            if b == JSONByte.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                pos = i + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == JSONByte.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i = try decodeEscape(at: i, quote: quote)
                runStart = i
            } else if b < 0x20 {
                throw controlCharacter(at: i)
            } else {
                i += b < 0x80 ? 1 : try validateSequence(at: i)
            }
        }
    }

    /// Appends the decoded escape starting at the backslash `i` to `scratch`; returns the index after it.
    /// Errors point at the offending character after the backslash; surrogate errors at the backslash.
    private mutating func decodeEscape(at i: Int, quote: Int) throws(ParseError) -> Int {
        guard i + 1 < end else { throw unterminatedString(quote: quote) }
        let decoded: UInt8
        switch bytes[i + 1] {
        case JSONByte.quote: decoded = JSONByte.quote
        case JSONByte.backslash: decoded = JSONByte.backslash
        case JSONByte.slash: decoded = JSONByte.slash
        case 0x62: decoded = 0x08  // b
        case 0x66: decoded = 0x0C  // f
        case 0x6E: decoded = JSONByte.lineFeed  // n
        case 0x72: decoded = JSONByte.carriageReturn  // r
        case 0x74: decoded = JSONByte.tab  // t
        case 0x75:  // u
            return try decodeUnicodeEscape(at: i, quote: quote)
        default:
            let e = bytes[i + 1]
            if e > 0x20 && e < 0x7F {
                throw error(
                    "bad escape '\\\(Character(Unicode.Scalar(e)))' in string; valid escapes are "
                        + #"\" \\ \/ \b \f \n \r \t and \uXXXX"#, at: i + 1)
            }
            throw error("bad escape in string: backslash followed by \(describe(at: i + 1))", at: i + 1)
        }
        scratch.append(decoded)
        return i + 2
    }

    /// `\uXXXX`, joining a surrogate pair into one scalar; unpaired surrogates are errors because
    /// they cannot be represented in a Swift String.
    private mutating func decodeUnicodeEscape(at i: Int, quote: Int) throws(ParseError) -> Int {
        let unit = try hex4(at: i, quote: quote)
        var next = i + 6
        let scalar: UInt32
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < end, bytes[next] == JSONByte.backslash, bytes[next + 1] == 0x75 else {
                if next >= end || (next + 1 >= end && bytes[next] == JSONByte.backslash) {
                    throw unterminatedString(quote: quote)
                }
                throw error(
                    "unpaired surrogate \\u\(hex4Text(unit)) in string: a high surrogate must be followed by a "
                        + "low surrogate escape (\\uDC00-\\uDFFF)", at: i)
            }
            let low = try hex4(at: next, quote: quote)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(
                    "unpaired surrogate \\u\(hex4Text(unit)) in string: it is followed by \\u\(hex4Text(low)), "
                        + "not a low surrogate (\\uDC00-\\uDFFF)", at: i)
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw error(
                "unpaired surrogate \\u\(hex4Text(unit)) in string: a low surrogate must follow a high "
                    + "surrogate escape (\\uD800-\\uDBFF)", at: i)
        default:
            scalar = unit
        }
        appendUTF8(scalar)
        return next
    }

    /// The four hex digits of the `\u` escape whose backslash is at `i`.
    private func hex4(at i: Int, quote: Int) throws(ParseError) -> UInt32 {
        var value: UInt32 = 0
        for k in 2..<6 {
            guard i + k < end else { throw unterminatedString(quote: quote) }
            let b = bytes[i + k]
            let digit: UInt8
            switch b {
            case JSONByte.zero...JSONByte.nine: digit = b - JSONByte.zero
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default:
                throw error("bad escape: \\u must be followed by 4 hex digits, found \(describe(at: i + k))", at: i + k)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func hex4Text(_ unit: UInt32) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Validates the multi-byte sequence at `i`, counts its continuation bytes for column
    /// tracking, and returns its length.
    @inline(__always) private mutating func validateSequence(at i: Int) throws(ParseError) -> Int {
        guard let (_, length) = decodeUTF8(at: i) else {
            throw error(invalidUTF8Message(at: i), at: i)
        }
        continuationBytes += length - 1
        return length
    }

    /// Strictly decodes one UTF-8 sequence (no overlongs, surrogates or values past U+10FFFF).
    @inline(__always) func decodeUTF8(at i: Int) -> (UInt32, Int)? {
        let b0 = bytes[i]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard i + k < end else { return nil }
            let b = bytes[i + k]
            return b >= low && b <= high ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0x00..<0x80:
            return (UInt32(b0), 1)
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard let c1 = continuation(1, low, high), let c2 = continuation(2) else { return nil }
            return (UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard let c1 = continuation(1, low, high), let c2 = continuation(2), let c3 = continuation(3)
            else { return nil }
            return (UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return nil
        }
    }

    private func unterminatedString(quote: Int) -> ParseError {
        error("unterminated string: the input ends before its closing quote", at: quote)
    }

    private func controlCharacter(at i: Int) -> ParseError {
        let b = bytes[i]
        if b == JSONByte.lineFeed || b == JSONByte.carriageReturn {
            return error("unescaped line break in string (missing closing quote?); write it as \\n", at: i)
        }
        return error(
            "unescaped control character \(JSONReader.codePoint(UInt32(b))) in string; write it as \\u\(hex4Text(UInt32(b)))",
            at: i)
    }
}
