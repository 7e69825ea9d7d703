import Foundation

/// A JSON document read a chunk at a time and consumed from the front: a sweep's report is read
/// value by value, so memory follows the largest value (one finding), not the report.
final class ReportBytes {
    private var buffer: [UInt8] = []
    private var position = 0
    private let more: (inout [UInt8]) -> Bool

    /// Bytes already in memory.
    init(_ bytes: [UInt8]) {
        buffer = bytes
        more = { _ in false }
    }

    /// An open file, read 1 MiB at a time (closed with this reader).
    init(descriptor: Int32) {
        more = { buffer in
            let chunk = 1 << 20
            let start = buffer.count
            buffer += repeatElement(0, count: chunk)
            while true {
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, chunk) }
                if got < 0 && errno == EINTR { continue }
                buffer.removeLast(chunk - max(got, 0))
                return got > 0
            }
        }
        closing = descriptor
    }

    private var closing: Int32?

    deinit {
        if let closing { close(closing) }
    }

    struct Invalid: Error {}

    /// Reads more, dropping what was consumed; false at the end of the input.
    private func refill() -> Bool {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        return more(&buffer)
    }

    /// The next byte that is not white space, left unconsumed; nil at the end of the input.
    func peek() -> UInt8? {
        while true {
            while position < buffer.count {
                switch buffer[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return buffer[position]
                }
            }
            guard refill() else { return nil }
        }
    }

    /// Consumes `byte`, after white space.
    func expect(_ byte: UInt8) throws(Invalid) {
        guard peek() == byte else { throw Invalid() }
        position += 1
    }

    /// Consumes `byte` after white space when it comes next.
    func skip(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Consumes the next value (after white space) and returns its bytes.
    func value() throws(Invalid) -> ArraySlice<UInt8> {
        guard peek() != nil else { throw Invalid() }
        let length = try valueLength()
        defer { position += length }
        return buffer[position..<(position + length)]
    }

    /// Consumes the next value and gives it to `body` parsed.
    func node() throws(Invalid) -> JSONNode {
        let bytes = try value()
        return try bytes.withUnsafeBufferPointer { buffer throws(Invalid) in
            var parser = JSONNode.Parser(bytes: buffer)
            let node = try parser.value()
            guard parser.atEnd else { throw Invalid() }
            return node
        }
    }

    /// The length of the value at `position`: strings, nesting and escapes followed, reading more
    /// input as needed (offsets count from `position`, which a refill moves to 0).
    private func valueLength() throws(Invalid) -> Int {
        var offset = 0
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            while position + offset < buffer.count {
                let byte = buffer[position + offset]
                offset += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 { return offset }
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 {
                        guard offset > 1 else { throw Invalid() }
                        return offset - 1
                    }
                    depth -= 1
                    if depth == 0 { return offset }
                case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                    if depth == 0 {
                        guard offset > 1 else { throw Invalid() }
                        return offset - 1
                    }
                default: break
                }
            }
            guard refill() else {
                guard depth == 0, !inString, offset > 0 else { throw Invalid() }
                return offset
            }
        }
    }
}

/// A JSON value as parsed from bytes: what a report's finding is read into before its fields are
/// checked. Integers only (a report writes no other numbers).
indirect enum JSONNode {
    case string(String)
    case integer(Int?)
    case bool(Bool)
    case null
    case object([String: JSONNode])
    case array([JSONNode])

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        private mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        private mutating func next() throws(ReportBytes.Invalid) -> UInt8 {
            skipSpace()
            guard index < bytes.count else { throw ReportBytes.Invalid() }
            index += 1
            return bytes[index - 1]
        }

        private mutating func literal(_ word: String, _ node: JSONNode) throws(ReportBytes.Invalid) -> JSONNode {
            let rest = Array(word.utf8.dropFirst())
            guard index + rest.count <= bytes.count, Array(bytes[index..<(index + rest.count)]) == rest else { throw ReportBytes.Invalid() }
            index += rest.count
            return node
        }

        mutating func value() throws(ReportBytes.Invalid) -> JSONNode {
            switch try next() {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"):
                var members: [String: JSONNode] = [:]
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                repeat {
                    guard try next() == UInt8(ascii: "\"") else { throw ReportBytes.Invalid() }
                    let key = try string()
                    guard try next() == UInt8(ascii: ":") else { throw ReportBytes.Invalid() }
                    members[key] = try value()
                } while try separator(closing: UInt8(ascii: "}"))
                return .object(members)
            case UInt8(ascii: "["):
                var items: [JSONNode] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                repeat { items.append(try value()) } while try separator(closing: UInt8(ascii: "]"))
                return .array(items)
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case let first where first == UInt8(ascii: "-") || (0x30...0x39).contains(first):
                let start = index - 1
                while index < bytes.count, "0123456789+-.eE".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard Double(text) != nil else { throw ReportBytes.Invalid() }
                return .integer(Int(text))
            default: throw ReportBytes.Invalid()
            }
        }

        /// After a member or item: true on `,`, false on the closing bracket.
        private mutating func separator(closing: UInt8) throws(ReportBytes.Invalid) -> Bool {
            switch try next() {
            case UInt8(ascii: ","): return true
            case closing: return false
            default: throw ReportBytes.Invalid()
            }
        }

        /// A string's text, after its opening quote.
        private mutating func string() throws(ReportBytes.Invalid) -> String {
            let start = index
            var plain = true
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") {
                    plain = false
                    index += 1
                }
                index += 1
            }
            guard index < bytes.count else { throw ReportBytes.Invalid() }
            defer { index += 1 }
            if plain {
                guard let text = String(validating: bytes[start..<index], as: UTF8.self) else { throw ReportBytes.Invalid() }
                return text
            }
            var decoded: [UInt8] = []
            var at = start
            func hex(_ from: Int) throws(ReportBytes.Invalid) -> UInt32 {
                guard from + 4 <= index, let value = UInt32(String(decoding: bytes[from..<(from + 4)], as: UTF8.self), radix: 16) else {
                    throw ReportBytes.Invalid()
                }
                return value
            }
            while at < index {
                let byte = bytes[at]
                guard byte == UInt8(ascii: "\\") else {
                    decoded.append(byte)
                    at += 1
                    continue
                }
                let escape = bytes[at + 1]
                at += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex(at)
                    at += 4
                    if (0xD800..<0xDC00).contains(scalar), at + 6 <= index, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") {
                        let low = try hex(at + 2)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            at += 6
                        }
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw ReportBytes.Invalid() }
                    decoded += Array(String(Character(value)).utf8)
                default: throw ReportBytes.Invalid()
                }
            }
            guard let text = String(validating: decoded, as: UTF8.self) else { throw ReportBytes.Invalid() }
            return text
        }
    }
}
