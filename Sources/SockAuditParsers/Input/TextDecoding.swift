import Foundation
import SockAuditCore

/// Bytes -> text for parsers: UTF-8 (a BOM is dropped), UTF-16 with a BOM; anything else is refused
/// with the position of the first bad byte.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) -> Result<String, ParseError> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: Data(bytes), encoding: .utf16) else {
                return .failure(ParseError("invalid UTF-16 text", line: 1, column: 1))
            }
            return .success(text)
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            let (line, column) = TextPosition.of(byte: bad, in: body)
            if body[bad] == 0 {
                return .failure(ParseError("binary content (a NUL byte), not text", line: line, column: column))
            }
            return .failure(ParseError("invalid UTF-8 (byte 0x\(String(body[bad], radix: 16)))", line: line, column: column))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// CRLF and lone CR as LF: one line break each, so line numbers and columns stay those of the file.
    public static func unixLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The index of the first byte that is not valid UTF-8, or a NUL.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0 { return index }
            if byte < 0x80 { index += 1; continue }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            let second = bytes[index + 1]
            if byte == 0xE0 && second < 0xA0 { return index }
            if byte == 0xED && second > 0x9F { return index }
            if byte == 0xF0 && second < 0x90 { return index }
            if byte == 0xF4 && second > 0x8F { return index }
            index += length
        }
        return nil
    }
}
