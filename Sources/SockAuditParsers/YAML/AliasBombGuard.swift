/// Refuses YAML whose aliases would make composition explode before handing it to Yams: an alias
/// used as a mapping key makes Yams' composer exponential (seconds at 7 levels, minutes at 9).
enum AliasBombGuard {
    static func refusal(for text: String) -> ParseError? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            var rest = raw.drop(while: { $0 == " " || $0 == "\t" })
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop(while: { $0 == " " }) }
            if rest.hasPrefix("? *") { rest = rest.dropFirst(2) }
            guard rest.hasPrefix("*") else { continue }
            let name = rest.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ":" && $0 != "," })
            let after = rest.dropFirst(1 + name.count).drop(while: { $0 == " " })
            if !name.isEmpty, after.hasPrefix(":") {
                let column = raw.count - rest.count + 1
                return ParseError("an alias (*\(name)) used as a mapping key is refused: it can make parsing explode", line: line, column: column)
            }
        }
        return nil
    }
}
