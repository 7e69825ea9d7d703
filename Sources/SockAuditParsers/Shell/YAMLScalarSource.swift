/// A YAML scalar's text located in the file it came from, for scripts embedded in YAML (a
/// GitHub Actions `run: |`, a GitLab `script:` item). Yams marks a block scalar at its `|`/`>`
/// indicator, so its content starts on the next line at the block's indentation; a quoted scalar
/// starts one column after its quote; a plain one at its node.
public enum YAMLScalarSource {
    public static func source(_ node: Node, fileLines: [Substring]) -> ShellSource? {
        guard let text = node.string else { return nil }
        let lineIndex = node.line - 1
        guard lineIndex >= 0, lineIndex < fileLines.count else { return ShellSource(text, line: node.line, column: node.column) }
        let raw = Array(fileLines[lineIndex].unicodeScalars)
        let columnIndex = node.column - 1
        let indicator = columnIndex < raw.count ? raw[columnIndex] : nil
        switch indicator {
        case "|", ">":
            return block(folded: indicator == ">", startLine: lineIndex + 1, fileLines: fileLines)
        case "\"", "'":
            let rest = String(String.UnicodeScalarView(raw[(columnIndex + 1)...]))
            if !text.contains("\n") && rest.hasPrefix(text) {
                return ShellSource(text, line: node.line, column: node.column + 1)
            }
            return ShellSource(text, line: node.line, column: node.column + 1, continuationColumn: node.column + 1)
        default:
            return ShellSource(text, line: node.line, column: node.column, continuationColumn: node.column)
        }
    }

    /// The lines of a block scalar whose content starts at `startLine` (0-based), with their
    /// original positions; a folded block joins its lines with spaces as YAML does.
    static func block(folded: Bool, startLine: Int, fileLines: [Substring]) -> ShellSource {
        var indent: Int?
        var contentLines: [(index: Int, text: Substring)] = []
        var index = startLine
        while index < fileLines.count {
            var line = fileLines[index]
            if line.hasSuffix("\r") { line = line.dropLast() }
            let leading = line.prefix(while: { $0 == " " }).count
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank {
                if indent == nil { indent = leading }
                if leading < indent! { break }
            }
            contentLines.append((index, line))
            index += 1
        }
        while let last = contentLines.last, last.text.allSatisfy({ $0 == " " || $0 == "\t" }) { contentLines.removeLast() }
        let width = indent ?? 0
        var source = ShellSource()
        var previousJoinable = false
        for (position, entry) in contentLines.enumerated() {
            let content = entry.text.count >= width ? entry.text.dropFirst(width) : Substring("")
            let joinable = !content.isEmpty && content.first != " " && content.first != "\t"
            if position > 0 {
                let (line, column) = source.position(source.count)
                source.append(folded && previousJoinable && joinable ? " " : "\n", line: line, column: column)
            }
            source.append(String(content), line: entry.index + 1, column: width + 1)
            previousJoinable = joinable
        }
        return source
    }
}
