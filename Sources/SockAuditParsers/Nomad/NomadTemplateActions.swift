/// Nomad job templates (nomad-pack's `templates/*.nomad.tpl`, Levant's `*.nomad`) are HCL with Go
/// template actions between `[[` and `]]`. This sets the actions aside so the HCL parser reads what
/// is written around them, every line and column kept:
/// - an action alone on its line (`[[- if .x ]]`, `[[ end ]]`, `[[ template "region" . ]]`, which
///   writes whole lines) and a control action anywhere (`if`, `else`, `end`, `range`, `with`,
///   `define`, `block`, a comment) become spaces, so the body of a `range` is read once, and of an
///   `if` only the first branch (an `else` branch is blank up to its `end`: two branches often set
///   the same attribute, which HCL refuses);
/// - an action that writes a value (`[[ .my.image ]]`, `[[ $x | quote ]]`, `[[ template "job_name" . ]]`
///   in a label) becomes an unresolved value of its own width: `${_}` inside a quoted string (a
///   path led by it is matched by its basename only), `_` characters elsewhere (a reference).
/// A Terraform template of a job or an agent configuration (`templatefile("web.nomad.tpl", …)`)
/// has `%{ if … }` directives on lines of their own, which become blank the same way, and may write
/// `${x}` where HCL needs a value (`servers = ${retry_join}`), which becomes a reference of its width.
public enum NomadTemplateActions {
    /// Whether the text has a `[[ … ]]` action at all.
    public static func hasActions(_ text: String) -> Bool {
        guard let open = text.range(of: "[[") else { return false }
        return text[open.upperBound...].contains("]]")
    }

    /// Whether a line holds only a `%{ … }` template directive.
    public static func hasDirectiveLines(_ text: String) -> Bool {
        Array(text.utf8).split(separator: UInt8(ascii: "\n")).contains { isDirectiveLine(Substring(decoding: $0, as: UTF8.self)) }
    }

    private static func isDirectiveLine(_ line: Substring) -> Bool {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        let trimmed = line.drop(while: blank).reversed().drop(while: blank)
        return trimmed.last == "%" && trimmed.dropLast().last == "{" && trimmed.first == "}"
    }

    /// The text with every action and directive line set aside, or nil when an action is never closed.
    public static func setAside(_ text: String) -> String? {
        // Lines are split on the LF byte (a CRLF is one Character to Swift, and must stay two).
        var bytes: [UInt8] = []
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.startIndex > 0 { bytes.append(UInt8(ascii: "\n")) }
            bytes += isDirectiveLine(Substring(decoding: line, as: UTF8.self)) ? blank(line) : Array(line)
        }
        var index = 0
        var inString = false
        var lineStart = 0
        // Control nesting: the `else` branch of an `if` (`with`, `range`) is blank up to its `end`,
        // so one branch is read, not two that set the same attribute.
        var depth = 0
        var skippingFrom: Int?
        // Each `{` of the line and its `}`, found in one pass when a `${` first asks (scanning to the
        // line's end for each `${` was quadratic on a long line of unclosed ones). A match depends
        // only on what follows its `{`, and replacements happen before the next question, so the
        // table holds for the line until a replacement changes the byte count.
        var braceMatches: [Int: Int] = [:]
        var bracesLine: Int?
        func replacing(_ range: Range<Int>, with replacement: [UInt8]) -> Int {
            if replacement.count != range.count { bracesLine = nil }
            return replace(&bytes, range, with: replacement)
        }
        func closingBrace(ofOpeningAt opening: Int) -> Int? {
            if bracesLine != lineStart {
                braceMatches = Self.braceMatches(bytes, from: opening)
                bracesLine = lineStart
            }
            return braceMatches[opening]
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                inString = false
                lineStart = index + 1
                index += 1
                continue
            }
            if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                guard let end = closing(bytes, from: index + 2) else { return nil }
                let action = Array(bytes[(index + 2)..<end])
                let upper = end + 2
                let spansLines = action.contains(UInt8(ascii: "\n"))
                let alone = isBlank(bytes, lineStart..<index) && isBlank(bytes, upper..<lineEnd(bytes, from: upper))
                let word = keyword(action)
                if openingWords.contains(word) { depth += 1 }
                var skipped = skippingFrom != nil
                if word == "else", skippingFrom == nil { skippingFrom = depth; skipped = true }
                if word == "end" {
                    if let level = skippingFrom, depth <= level { skippingFrom = nil }
                    depth = max(0, depth - 1)
                }
                // Columns count characters, so the replacement has as many as the action.
                let width = bytes[index..<upper].filter { $0 & 0xC0 != 0x80 }.count
                let replacement: [UInt8]
                if skipped || spansLines || alone || controlWords.contains(word) || isComment(action) {
                    replacement = blank(bytes[index..<upper])
                } else if inString && !closesAsLabel(bytes, from: upper) {
                    replacement = Array("${".utf8) + Array(repeating: UInt8(ascii: "_"), count: width - 3) + [UInt8(ascii: "}")]
                } else {
                    replacement = Array(repeating: UInt8(ascii: "_"), count: width)
                }
                index = replacing(index..<upper, with: replacement)
                if spansLines, let last = bytes[..<index].lastIndex(of: UInt8(ascii: "\n")) { lineStart = last + 1 }
                continue
            }
            if skippingFrom != nil {
                let upper = index + 1 + bytes[(index + 1)...].prefix { $0 & 0xC0 == 0x80 }.count
                index = replacing(index..<upper, with: blank(bytes[index..<upper]))
                continue
            }
            if byte == UInt8(ascii: "$"), !inString, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
               let end = closingBrace(ofOpeningAt: index + 1) {
                // A Terraform template's `${x}` where HCL needs a value: a reference of its width.
                let width = bytes[index...end].filter { $0 & 0xC0 != 0x80 }.count
                index = replacing(index..<(end + 1), with: Array(repeating: UInt8(ascii: "_"), count: width))
                continue
            }
            if byte == UInt8(ascii: "\\"), inString {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces a range and returns the index after the replacement.
    private static func replace(_ bytes: inout [UInt8], _ range: Range<Int>, with replacement: [UInt8]) -> Int {
        bytes.replaceSubrange(range, with: replacement)
        return range.lowerBound + replacement.count
    }

    /// Every `{` from `start` to the end of its line with the `}` that closes it on that line,
    /// braces inside counted; an unclosed `{` has none.
    private static func braceMatches(_ bytes: [UInt8], from start: Int) -> [Int: Int] {
        var matches: [Int: Int] = [:]
        var open: [Int] = []
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: "{") { open.append(index) }
            if bytes[index] == UInt8(ascii: "}"), let opening = open.popLast() { matches[opening] = index }
            index += 1
        }
        return matches
    }

    /// The index of the `]]` that closes an action whose content starts at `start`, skipping the
    /// quoted strings inside the action (`[[ template "x" . ]]`).
    private static func closing(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { index += 2; continue }
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                quote = byte
            } else if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Whether the string an action sits in is a block label (`port "[[ $p.name ]]" {`): HCL
    /// allows no interpolation there, so the action becomes plain characters.
    private static func closesAsLabel(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "\""))
            }
            index += 1
        }
        return false
    }

    /// Actions that open a body an `end` closes.
    private static let openingWords: Set<String> = ["if", "range", "with", "define", "block"]
    /// Actions that write nothing themselves.
    private static let controlWords: Set<String> = openingWords.union(["else", "end", "break", "continue"])

    /// The first word of an action (`if` of `[[- if .x ]]`), "" for a value (`.x`, `$v`).
    private static func keyword(_ action: [UInt8]) -> String {
        var text = Substring(String(decoding: action, as: UTF8.self))
        if text.hasPrefix("-") { text = text.dropFirst() }
        text = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        return String(text.prefix { $0.isLetter })
    }

    /// `[[/* … */]]`, `[[- /* … */ -]]`.
    private static func isComment(_ action: [UInt8]) -> Bool {
        var text = Substring(String(decoding: action, as: UTF8.self))
        if text.hasPrefix("-") { text = text.dropFirst() }
        return text.drop { $0 == " " || $0 == "\t" }.hasPrefix("/*")
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    /// A space for every character but line ends (LF and CR), so lines and columns stay where they were.
    private static func blank(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.filter { $0 & 0xC0 != 0x80 }.map { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") ? $0 : UInt8(ascii: " ") }
    }
}
