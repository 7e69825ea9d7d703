/// Line and column of a byte offset in UTF-8 text, for errors that only know an offset (a reader
/// error, the first invalid byte): 1-based, columns counted in Unicode scalars, `\n` ends a line.
public enum TextPosition {
    public static func of<Bytes: Collection>(byte index: Bytes.Index, in bytes: Bytes) -> (line: Int, column: Int)
    where Bytes.Element == UInt8 {
        var line = 1
        var column = 1
        for byte in bytes[bytes.startIndex..<index] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
