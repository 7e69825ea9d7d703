import SockAuditCore

/// PowerShell command lines (a GitHub Actions step with `shell: pwsh`/`powershell`, or any step on
/// a Windows runner, whose default shell is PowerShell) split into commands of located words:
/// backtick line continuation and escapes, single quotes (`''` is a quote), double quotes (with
/// backtick escapes; `$var` and `$( … )` kept as written, since their values are not known here),
/// comments (`#`, `<# … #>`), the call operator (`& docker …`, `& "C:\…\docker.exe" …`), and
/// statements ended by newlines, `;`, `|`, `&&`, `||`, braces and parentheses. An unclosed quote is
/// an error at its position; reading resumes on the next line.
public enum PowerShellScript {
    public static func parse(_ source: ShellSource) -> ShellScript {
        var splitter = Splitter(source: source)
        splitter.run()
        return ShellScript(commands: splitter.commands, errors: splitter.errors)
    }

    public static func parse(_ text: String) -> ShellScript {
        parse(ShellSource(text))
    }

    struct Splitter {
        let source: ShellSource
        var index = 0
        var words: [ShellWord] = []
        var commands: [ShellCommand] = []
        var errors: [ParseError] = []

        var s: [Unicode.Scalar] { source.scalars }

        init(source: ShellSource) {
            self.source = source
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < s.count ? s[index + offset] : nil
        }

        mutating func endStatement() {
            defer { words = [] }
            guard var first = words.first else { return }
            if first.text == "&" || first.text == "." {
                // `& docker run …`, `. ./script.ps1`: the call operator runs the next word
                words.removeFirst()
                guard let program = words.first else { return }
                first = program
            }
            words[0] = ShellWord(Self.programName(first.text), line: first.line, column: first.column)
            commands.append(ShellCommand(words: words))
        }

        /// `C:\Program Files\Docker\docker.exe` -> `docker`: a Windows path and `.exe` are the same program.
        static func programName(_ text: String) -> String {
            var name = Substring(text)
            if let separator = name.lastIndex(where: { $0 == "\\" || $0 == "/" }) { name = name[name.index(after: separator)...] }
            if name.lowercased().hasSuffix(".exe") { name = name.dropLast(4) }
            return String(name)
        }

        mutating func run() {
            while index < s.count {
                let c = s[index]
                switch c {
                case " ", "\t", "\r":
                    index += 1
                case "`" where peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n"):
                    // line continuation
                    index += peek(1) == "\r" ? 3 : 2
                case "#":
                    while index < s.count && s[index] != "\n" { index += 1 }
                case "<" where peek(1) == "#":
                    index += 2
                    while index < s.count && !(s[index] == "#" && peek(1) == ">") { index += 1 }
                    index += 2
                case "\n", ";", "{", "}", "(", ")":
                    endStatement()
                    index += 1
                case "|":
                    endStatement()
                    index += peek(1) == "|" ? 2 : 1
                case "&" where peek(1) == "&":
                    endStatement()
                    index += 2
                case ">", "<":
                    // redirection: `> out.txt`, `2>&1`, `*>> log`; a file target is not an argument
                    var toStream = false
                    while let next = peek(), next == ">" || next == "<" || next == "&" || ("0"..."9").contains(next) {
                        if next == "&" { toStream = true }
                        index += 1
                    }
                    while let next = peek(), next == " " || next == "\t" { index += 1 }
                    if !toStream, let next = peek(), !Self.ends.contains(next) { skipWord() }
                default:
                    readWord()
                }
            }
            endStatement()
        }

        mutating func skipWord() {
            let saved = words
            readWord()
            words = saved
        }

        static let ends: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n", ";", "|", "{", "}", "(", ")", "<", ">"]

        mutating func readWord() {
            let (line, column) = source.position(index)
            let start = index
            var text = String.UnicodeScalarView()
            while index < s.count {
                let c = s[index]
                if (c == ">" || c == "<"), index > start, !text.isEmpty,
                   text.allSatisfy({ ("0"..."9").contains($0) || $0 == "*" }) {
                    // `2>`, `*>`: a stream number, not a word
                    return
                }
                if Self.ends.contains(c) { break }
                if c == "&" && peek(1) == "&" { break }
                switch c {
                case "`":
                    if peek(1) == "\n" || (peek(1) == "\r" && peek(2) == "\n") {
                        // a continuation ends the word
                        return finishWord(text, line: line, column: column, start: start)
                    }
                    if let next = peek(1) { text.append(Self.escaped(next)) }
                    index += 2
                case "'":
                    guard let end = singleQuoted(into: &text) else { return unclosed("a single quote", at: index) }
                    index = end
                case "\"":
                    guard let end = doubleQuoted(into: &text) else { return unclosed("a double quote", at: index) }
                    index = end
                case "$" where peek(1) == "(":
                    // a subexpression, kept as written
                    let open = index
                    var depth = 0
                    while index < s.count {
                        if s[index] == "(" { depth += 1 }
                        if s[index] == ")" { depth -= 1; if depth == 0 { break } }
                        if s[index] == "\n" && depth > 0 && index > open + 1 && s[index - 1] != "`" { break }
                        text.append(s[index])
                        index += 1
                    }
                    if index < s.count && s[index] == ")" {
                        text.append(")")
                        index += 1
                    }
                default:
                    text.append(c)
                    index += 1
                }
            }
            finishWord(text, line: line, column: column, start: start)
        }

        mutating func finishWord(_ text: String.UnicodeScalarView, line: Int, column: Int, start: Int) {
            if index == start { index += 1; return }
            words.append(ShellWord(String(text), line: line, column: column))
        }

        /// `'it''s'`: the index after the closing quote, nil when unclosed.
        func singleQuoted(into text: inout String.UnicodeScalarView) -> Int? {
            var cursor = index + 1
            while cursor < s.count {
                if s[cursor] == "'" {
                    if cursor + 1 < s.count && s[cursor + 1] == "'" {
                        text.append("'")
                        cursor += 2
                        continue
                    }
                    return cursor + 1
                }
                text.append(s[cursor])
                cursor += 1
            }
            return nil
        }

        /// `"a `"b`" $env:X $(…)"`: backtick escapes decoded, `""` is a quote, the rest as written.
        func doubleQuoted(into text: inout String.UnicodeScalarView) -> Int? {
            var cursor = index + 1
            while cursor < s.count {
                let c = s[cursor]
                if c == "`", cursor + 1 < s.count {
                    if s[cursor + 1] != "\n" { text.append(Self.escaped(s[cursor + 1])) }
                    cursor += 2
                    continue
                }
                if c == "\"" {
                    if cursor + 1 < s.count && s[cursor + 1] == "\"" {
                        text.append("\"")
                        cursor += 2
                        continue
                    }
                    return cursor + 1
                }
                text.append(c)
                cursor += 1
            }
            return nil
        }

        static func escaped(_ c: Unicode.Scalar) -> Unicode.Scalar {
            switch c {
            case "n": "\n"
            case "t": "\t"
            case "r": "\r"
            case "0": "\0"
            default: c
            }
        }

        mutating func unclosed(_ what: String, at position: Int) {
            let (line, column) = source.position(position)
            errors.append(ParseError(
                "\(what) is never closed, so the PowerShell command from here to the end of the line could not be split into words (the lines after it were scanned)",
                line: line, column: column))
            words = []
            while index < s.count && source.lines[index] <= line { index += 1 }
        }
    }
}
