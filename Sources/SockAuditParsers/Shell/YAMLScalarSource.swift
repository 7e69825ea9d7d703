/// A YAML scalar's text located in the file it came from, for scripts embedded in YAML (a
/// GitHub Actions `run: |`, a GitLab `script:` item). Yams marks a block scalar at its `|`/`>`
/// indicator, so its content starts on the next line at the block's indentation; a quoted scalar
/// starts one column after its quote; a plain one at its node.
public enum YAMLScalarSource {
    public static func source(_ node: Node, fileLines: [Substring]) -> ShellSource? {
        guard let text = node.string else { return nil }
        return source(text, line: node.line, column: node.column, fileLines: fileLines)
    }

    /// A scalar's value `text` whose node starts at `line`:`column` (its quote, block indicator or
    /// first character), as a YAML or JSON string is written (a JSON string is a double-quoted
    /// YAML scalar): located character by character where the file shows it, else estimated from
    /// the node's column.
    public static func source(_ text: String, line: Int, column: Int, fileLines: [Substring]) -> ShellSource {
        if let exact = exactSource(text, line: line, column: column, fileLines: fileLines) { return exact }
        let lineIndex = line - 1
        let columnIndex = column - 1
        guard lineIndex >= 0, lineIndex < fileLines.count else { return ShellSource(text, line: line, column: column) }
        let raw = Array(fileLines[lineIndex].unicodeScalars)
        let indicator = columnIndex >= 0 && columnIndex < raw.count ? raw[columnIndex] : nil
        let start = indicator == "\"" || indicator == "'" ? column + 1 : column
        return ShellSource(text, line: line, column: start, continuationColumn: start)
    }

    /// As `source`, but nil unless the walk through the file finds the value written there (a
    /// block scalar is taken as the lines it spans).
    static func exactSource(_ text: String, line: Int, column: Int, fileLines: [Substring]) -> ShellSource? {
        let lineIndex = line - 1
        guard lineIndex >= 0, lineIndex < fileLines.count else { return nil }
        let raw = Array(fileLines[lineIndex].unicodeScalars)
        let columnIndex = column - 1
        let indicator = columnIndex >= 0 && columnIndex < raw.count ? raw[columnIndex] : nil
        switch indicator {
        case "|", ">":
            return block(folded: indicator == ">", startLine: lineIndex + 1, fileLines: fileLines)
        case "\"", "'":
            let rest = String(String.UnicodeScalarView(raw[(columnIndex + 1)...]))
            if !text.contains("\n") && rest.hasPrefix(text) {
                return ShellSource(text, line: line, column: column + 1)
            }
            return aligned(text, quote: indicator, line: lineIndex, column: columnIndex + 1, fileLines: fileLines)
        default:
            return aligned(text, quote: nil, line: lineIndex, column: max(columnIndex, 0), fileLines: fileLines)
        }
    }

    /// A flow scalar (plain, single- or double-quoted) that may be folded over several lines, its
    /// escapes resolved: each character of the value is matched to where it is written, walking the
    /// file from the scalar's start (0-based `line`, `column`). A line break folded to a space, or
    /// an empty line kept as `\n`, sits at the end of the line it replaces; an escape at its `\`.
    /// Nil when the walk meets text the value does not have (then the caller's estimate stands).
    static func aligned(_ text: String, quote: Unicode.Scalar?, line: Int, column: Int, fileLines: [Substring]) -> ShellSource? {
        var source = ShellSource()
        var lineIndex = line
        var raw = Array(fileLines[lineIndex].unicodeScalars.filter { $0 != "\r" })
        var index = column
        /// The next raw character, moving to the next line (as a `\n`) past the end of one.
        func current() -> Unicode.Scalar? {
            if index < raw.count { return raw[index] }
            return lineIndex + 1 < fileLines.count ? "\n" : nil
        }
        func advance(_ count: Int = 1) {
            for _ in 0..<count {
                if index < raw.count {
                    index += 1
                } else if lineIndex + 1 < fileLines.count {
                    lineIndex += 1
                    raw = Array(fileLines[lineIndex].unicodeScalars.filter { $0 != "\r" })
                    index = 0
                }
            }
        }
        for scalar in text.unicodeScalars {
            while true {
                guard let next = current() else { return nil }
                if quote == "\"", next == "\\" {
                    let escaped = index + 1 < raw.count ? raw[index + 1] : "\n"
                    if escaped == "\n" {
                        // An escaped line break joins the lines with nothing between them.
                        advance(2)
                        while let blank = current(), blank == " " || blank == "\t" { advance() }
                        continue
                    }
                    source.append(scalar, line: lineIndex + 1, column: index + 1)
                    switch escaped {
                    case "x": advance(4)
                    case "u": advance(6)
                    case "U": advance(10)
                    default: advance(2)
                    }
                    break
                }
                if quote == "'", next == "'", scalar == "'", index + 1 < raw.count, raw[index + 1] == "'" {
                    source.append(scalar, line: lineIndex + 1, column: index + 1)
                    advance(2)
                    break
                }
                if next == scalar {
                    source.append(scalar, line: lineIndex + 1, column: index + 1)
                    advance()
                    break
                }
                if next == "\n" || next == " " || next == "\t" {
                    // Folding: a break became a space (matched above) or vanished with the
                    // indentation and trailing blanks around it.
                    advance()
                    continue
                }
                return nil
            }
        }
        return source
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
