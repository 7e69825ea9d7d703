/// Splits that give exactly what `String.split` over Characters gives, on the UTF-8 bytes when
/// that cannot differ. Splitting by Character runs grapheme breaking on every character, and the
/// splits below ran on every line of every file and every program name of a sweep.
public enum TextSplitting {
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`. A line feed is a Character
    /// of its own unless a carriage return comes before it (CR LF is one Character, which the
    /// Character split does not split at), so text without a CR is split on its bytes.
    public static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        if utf8.contains(0x0D) { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// `text.split(separator: "/").last.map(String.init) ?? text`: a program's or image's name
    /// without its folders. In ASCII text every `/` is a Character of its own, so the bytes do.
    public static func lastPathComponent(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(0x2F) else { return text }
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: "/").last.map(String.init) ?? text }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x2F { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return text }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x2F { start = utf8.index(before: start) }
        return String(text[start..<end])
    }
}
