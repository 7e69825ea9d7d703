/// One shell word before expansion: literal text and the variables, command substitutions and
/// quoting it is made of, located at its first character.
struct RawWord: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case literal(String)
        /// `$NAME`, `${NAME}`, `${NAME:-default}`; `raw` is the text as written.
        case variable(name: String, fallback: String?, raw: String, quoted: Bool)
        /// `$(...)` or backticks, kept as written; their commands are in `nested`.
        case substitution(String)
    }

    var parts: [Part] = []
    var line: Int
    var column: Int
    /// The text of `$(...)` and backtick substitutions, to be parsed as commands of their own.
    var nested: [ShellSource] = []
    var wasQuoted = false
    /// Where each literal character was written: its index in the source being lexed (for an
    /// escape, the character escaped). A word that is one literal is located character by
    /// character through it (the script of `sh -c "…"`, folded over lines or with escapes inside).
    var literalIndices: [Int] = []

    /// `scalars[range]`, written at `range` in the source: a run of plain characters appended at
    /// once (per character, the enum case was taken apart and rebuilt for every one).
    mutating func appendLiterals(_ scalars: [Unicode.Scalar], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        literalIndices.append(contentsOf: range)
        if case .literal(var text)? = parts.last {
            parts[parts.count - 1] = .literal("")
            text.unicodeScalars.append(contentsOf: scalars[range])
            parts[parts.count - 1] = .literal(text)
        } else {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[range])
            parts.append(.literal(String(text)))
        }
    }

    mutating func appendLiteral(_ scalar: Unicode.Scalar, at sourceIndex: Int) {
        literalIndices.append(sourceIndex)
        if case .literal(var text)? = parts.last {
            // Emptied first so `text` holds the only reference and grows in place: `text + …` copied
            // the whole word per character, quadratic on a long word.
            parts[parts.count - 1] = .literal("")
            text.unicodeScalars.append(scalar)
            parts[parts.count - 1] = .literal(text)
        } else {
            parts.append(.literal(String(scalar)))
        }
    }

    /// The word as written with quotes removed and variables left as they are.
    var literalText: String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .variable(_, _, let raw, _): raw
            case .substitution(let raw): raw
            }
        }.joined()
    }
}

/// What the lexer hands the parser.
enum ShellToken: Hashable, Sendable {
    case word(RawWord)
    /// `;`, `&&`, `||`, `|`, `|&`, `&`, `;;`, `(`, `)`, and a newline as "\n".
    case separator(String)
    /// `>`, `>>`, `<`, `>&`, `&>`, `<<<`...: the next word is its target, not an argument.
    case redirect
    /// A here-document's body (the next word was its delimiter).
    case heredoc(ShellSource)
}

/// POSIX shell tokens from located text: quoting (single, double, backslash, `$'…'`), line
/// continuations, comments, operators, redirections, here-documents, `$(…)` and backticks. An
/// unclosed quote or substitution is an error at its opening character; lexing resumes on the
/// next line so the rest of the text is still read.
struct ShellLexer {
    let source: ShellSource
    var index = 0
    var tokens: [ShellToken] = []
    var errors: [ParseError] = []
    private var pendingHeredocs: [(delimiter: String, stripTabs: Bool, tokenIndex: Int)] = []

    init(_ source: ShellSource) {
        self.source = source
    }

    private var s: [Unicode.Scalar] { source.scalars }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let at = index + offset
        return at < s.count ? s[at] : nil
    }

    static func tokenize(_ source: ShellSource) -> (tokens: [ShellToken], errors: [ParseError]) {
        var lexer = ShellLexer(source)
        lexer.run()
        return (lexer.tokens, lexer.errors)
    }

    private struct Unclosed: Error {
        var at: Int
        var what: String
    }

    mutating func run() {
        while index < s.count {
            let c = s[index]
            switch c {
            case " ", "\t", "\r":
                index += 1
            case "\\" where peek(1) == "\n":
                index += 2
            case "#":
                while index < s.count && s[index] != "\n" { index += 1 }
            case "\n":
                tokens.append(.separator("\n"))
                index += 1
                readHeredocBodies()
            case ";":
                if peek(1) == ";" { index += 2; tokens.append(.separator(";;")) } else { index += 1; tokens.append(.separator(";")) }
            case "&":
                if peek(1) == "&" {
                    index += 2
                    tokens.append(.separator("&&"))
                } else if peek(1) == ">" {
                    index += peek(2) == ">" ? 3 : 2
                    tokens.append(.redirect)
                } else {
                    index += 1
                    tokens.append(.separator("&"))
                }
            case "|":
                if peek(1) == "|" { index += 2; tokens.append(.separator("||")) } else if peek(1) == "&" {
                    index += 2
                    tokens.append(.separator("|&"))
                } else {
                    index += 1
                    tokens.append(.separator("|"))
                }
            case "(", ")":
                index += 1
                tokens.append(.separator(String(c)))
            case "<", ">":
                lexRedirect()
            default:
                lexWord()
            }
        }
    }

    private mutating func lexRedirect() {
        if s[index] == "<" && peek(1) == "<" && peek(2) != "<" {
            index += 2
            var stripTabs = false
            if peek() == "-" {
                stripTabs = true
                index += 1
            }
            while let c = peek(), c == " " || c == "\t" { index += 1 }
            let start = index
            lexWord()
            if tokens.count > 0, case .word(let word) = tokens[tokens.count - 1], index > start {
                tokens.removeLast()
                tokens.append(.heredoc(ShellSource()))
                pendingHeredocs.append((word.literalText, stripTabs, tokens.count - 1))
            }
            return
        }
        // `>`, `>>`, `>|`, `<`, `<<<`, `<>`, `>&`, `<&`
        index += 1
        while let c = peek(), c == ">" || c == "<" || c == "&" || c == "|" { index += 1 }
        // `>&2`, `2>&-`: the target is glued on
        tokens.append(.redirect)
    }

    /// After a newline: the bodies of the here-documents started on the line just ended.
    private mutating func readHeredocBodies() {
        guard !pendingHeredocs.isEmpty else { return }
        let pending = pendingHeredocs
        pendingHeredocs = []
        for heredoc in pending {
            let bodyStart = index
            var bodyEnd = s.count
            var lineStart = index
            var found = false
            while lineStart < s.count {
                var lineEnd = lineStart
                while lineEnd < s.count && s[lineEnd] != "\n" { lineEnd += 1 }
                var text = String(String.UnicodeScalarView(s[lineStart..<lineEnd]))
                if heredoc.stripTabs { text = String(text.drop(while: { $0 == "\t" })) }
                if text.hasSuffix("\r") { text.removeLast() }
                if text == heredoc.delimiter {
                    bodyEnd = lineStart
                    index = min(lineEnd + 1, s.count)
                    found = true
                    break
                }
                lineStart = lineEnd + 1
            }
            if !found { index = s.count }
            tokens[heredoc.tokenIndex] = .heredoc(body(bodyStart..<max(bodyStart, bodyEnd), stripTabs: heredoc.stripTabs))
        }
    }

    /// A here-document's body as the command reads it: after `<<-`, each line without its leading
    /// tabs (the characters kept keep their places).
    private func body(_ range: Range<Int>, stripTabs: Bool) -> ShellSource {
        guard stripTabs else { return source.slice(range) }
        var result = ShellSource()
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var first = lineStart
            while first < range.upperBound && s[first] == "\t" { first += 1 }
            var lineEnd = first
            while lineEnd < range.upperBound && s[lineEnd] != "\n" { lineEnd += 1 }
            let next = min(lineEnd + 1, range.upperBound)
            result.append(source.slice(first..<next))
            lineStart = next
        }
        return result
    }

    /// Characters that end an unquoted word (a switch: a `Set` hashed every character of a script).
    private static func isMetacharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "\t", "\n", "\r", ";", "&", "|", "(", ")", "<", ">": true
        default: false
        }
    }

    /// The end of the run of characters from `start` that an unquoted word takes as they are.
    private func plainRunEnd(from start: Int) -> Int {
        var end = start
        while end < s.count {
            let c = s[end]
            if Self.isMetacharacter(c) { break }
            switch c {
            case "\\", "'", "\"", "`", "$": return end
            default: end += 1
            }
        }
        return end
    }

    private mutating func lexWord() {
        let (line, column) = source.position(index)
        var word = RawWord(line: line, column: column)
        let wordStart = index
        do {
            while index < s.count {
                let c = s[index]
                if Self.isMetacharacter(c) {
                    // `2>file`, `2>&1`: a file-descriptor number before a redirection is not a word
                    if (c == ">" || c == "<"), index > wordStart,
                       word.parts.count == 1, case .literal(let text) = word.parts[0], text.allSatisfy(\.isNumber) {
                        lexRedirect()
                        return
                    }
                    break
                }
                switch c {
                case "\\":
                    if peek(1) == "\n" {
                        index += 2
                    } else if let next = peek(1) {
                        word.appendLiteral(next, at: index + 1)
                        word.wasQuoted = true
                        index += 2
                    } else {
                        index += 1
                    }
                case "'":
                    word.wasQuoted = true
                    try lexSingleQuoted(into: &word)
                case "\"":
                    word.wasQuoted = true
                    try lexDoubleQuoted(into: &word)
                case "`":
                    try lexBackticks(into: &word)
                case "$":
                    if peek(1) == "'" {
                        word.wasQuoted = true
                        index += 1
                        try lexSingleQuoted(into: &word, ansiC: true)
                    } else {
                        try lexDollar(into: &word, quoted: false)
                    }
                default:
                    let end = plainRunEnd(from: index)
                    word.appendLiterals(s, index..<end)
                    index = end
                }
            }
            if word.parts.isEmpty && !word.wasQuoted && index == wordStart { index += 1; return }
            tokens.append(.word(word))
        } catch {
            let (line, column) = source.position(error.at)
            errors.append(ParseError("\(error.what) is never closed, so the command from here to the end of the line could not be split into words (the lines after it were scanned)", line: line, column: column))
            // resume on the line after the one the unclosed quote opened on
            index = max(error.at, wordStart) + 1
            while index < s.count && source.lines[index] <= line { index += 1 }
            tokens.append(.separator("\n"))
        }
    }

    private mutating func lexSingleQuoted(into word: inout RawWord, ansiC: Bool = false) throws(Unclosed) {
        let open = index
        index += 1
        while index < s.count {
            let c = s[index]
            if c == "'" {
                index += 1
                if word.parts.isEmpty { word.parts.append(.literal("")) }
                return
            }
            if ansiC && c == "\\", let next = peek(1) {
                switch next {
                case "n": word.appendLiteral("\n", at: index)
                case "t": word.appendLiteral("\t", at: index)
                default: word.appendLiteral(next, at: index + 1)
                }
                index += 2
                continue
            }
            var end = index + 1
            while end < s.count, s[end] != "'", !(ansiC && s[end] == "\\") { end += 1 }
            word.appendLiterals(s, index..<end)
            index = end
        }
        throw Unclosed(at: open, what: "a single quote")
    }

    private mutating func lexDoubleQuoted(into word: inout RawWord) throws(Unclosed) {
        let open = index
        index += 1
        if word.parts.isEmpty { word.parts.append(.literal("")) }
        while index < s.count {
            let c = s[index]
            switch c {
            case "\"":
                index += 1
                return
            case "\\":
                guard let next = peek(1) else { index += 1; continue }
                if next == "\n" {
                    index += 2
                } else if next == "$" || next == "`" || next == "\"" || next == "\\" {
                    word.appendLiteral(next, at: index + 1)
                    index += 2
                } else {
                    word.appendLiteral(c, at: index)
                    index += 1
                }
            case "`", "$":
                // an unclosed substitution inside an unclosed quote: the quote is what is wrong
                do {
                    if c == "`" { try lexBackticks(into: &word) } else { try lexDollar(into: &word, quoted: true) }
                } catch {
                    throw Unclosed(at: open, what: "a double quote")
                }
            default:
                var end = index + 1
                while end < s.count, s[end] != "\"", s[end] != "\\", s[end] != "`", s[end] != "$" { end += 1 }
                word.appendLiterals(s, index..<end)
                index = end
            }
        }
        throw Unclosed(at: open, what: "a double quote")
    }

    private mutating func lexBackticks(into word: inout RawWord) throws(Unclosed) {
        let open = index
        index += 1
        let start = index
        while index < s.count && s[index] != "`" {
            if s[index] == "\\" { index += 1 }
            index += 1
        }
        guard index < s.count else { throw Unclosed(at: open, what: "a backtick command substitution") }
        let inner = source.slice(start..<index)
        index += 1
        word.nested.append(inner)
        word.parts.append(.substitution("`" + inner.text + "`"))
    }

    /// `_` or an ASCII letter (the only alphabetic ASCII characters), tested without Unicode tables.
    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    private static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || ("0"..."9").contains(c)
    }

    private mutating func lexDollar(into word: inout RawWord, quoted: Bool) throws(Unclosed) {
        let open = index
        guard let next = peek(1) else {
            word.appendLiteral("$", at: index)
            index += 1
            return
        }
        if next == "(" {
            let arithmetic = peek(2) == "("
            guard let close = matchingParen(from: index + 1) else {
                throw Unclosed(at: open, what: arithmetic ? "an arithmetic expansion $((" : "a command substitution $(")
            }
            let inner = source.slice((index + 2)..<close)
            let raw = "$(" + inner.text + ")"
            index = close + 1
            if arithmetic {
                word.parts.append(.substitution(raw))
            } else {
                word.nested.append(inner)
                word.parts.append(.substitution(raw))
            }
            return
        }
        if next == "{" {
            var cursor = index + 2
            var depth = 1
            while cursor < s.count {
                if s[cursor] == "{" { depth += 1 }
                if s[cursor] == "}" { depth -= 1; if depth == 0 { break } }
                cursor += 1
            }
            guard cursor < s.count else { throw Unclosed(at: open, what: "a parameter expansion ${") }
            let body = String(String.UnicodeScalarView(s[(index + 2)..<cursor]))
            index = cursor + 1
            var name = ""
            var fallback: String?
            var rest = Substring(body)
            while let c = rest.unicodeScalars.first, Self.isNameChar(c) {
                name.unicodeScalars.append(c)
                rest = rest.dropFirst()
            }
            // `${ARGS[@]}`, `${ARGS[*]}`: every element of an array; `${@}`: the positional parameters
            if !name.isEmpty && (rest == "[@]" || rest == "[*]") {
                name += "[@]"
                rest = ""
            } else if name.isEmpty && (rest == "@" || rest == "*") {
                name = "@"
                rest = ""
            }
            for modifier in [":-", "-", ":=", "="] where rest.hasPrefix(modifier) {
                fallback = String(rest.dropFirst(modifier.count))
                break
            }
            if name.isEmpty || (!rest.isEmpty && fallback == nil) {
                // `${#x}`, `${x%y}`, `${env.FOO}`: kept as written
                word.parts.append(.variable(name: "", fallback: nil, raw: "${\(body)}", quoted: quoted))
            } else {
                word.parts.append(.variable(name: name, fallback: fallback, raw: "${\(body)}", quoted: quoted))
            }
            return
        }
        if Self.isNameStart(next) {
            var cursor = index + 1
            var name = ""
            while cursor < s.count && Self.isNameChar(s[cursor]) {
                name.unicodeScalars.append(s[cursor])
                cursor += 1
            }
            index = cursor
            word.parts.append(.variable(name: name, fallback: nil, raw: "$" + name, quoted: quoted))
            return
        }
        if "0123456789@*#?$!-".unicodeScalars.contains(next) {
            index += 2
            let name = next == "@" || next == "*" ? "@" : ""
            word.parts.append(.variable(name: name, fallback: nil, raw: "$" + String(next), quoted: quoted))
            return
        }
        word.appendLiteral("$", at: index)
        index += 1
    }

    /// The index of the `)` that closes the `(` at `open`, skipping quoted text, comments and
    /// here-document bodies (whose quotes and parentheses are text); nil when unclosed.
    private func matchingParen(from open: Int) -> Int? {
        var depth = 0
        var cursor = open
        var heredocs: [(delimiter: String, stripTabs: Bool)] = []
        // `$(( a << 2 ))` shifts; only a command substitution has here-documents
        let arithmetic = open + 1 < s.count && s[open + 1] == "("
        while cursor < s.count {
            let c = s[cursor]
            switch c {
            case "\\": cursor += 1
            case "<" where !arithmetic && cursor + 2 < s.count && s[cursor + 1] == "<" && s[cursor + 2] != "<":
                if let heredoc = heredocDelimiter(after: cursor + 2) {
                    heredocs.append((heredoc.delimiter, heredoc.stripTabs))
                    cursor = heredoc.end - 1
                } else {
                    cursor += 1
                }
            case "\n" where !heredocs.isEmpty:
                cursor = skipHeredocBodies(heredocs, from: cursor + 1) - 1
                heredocs = []
            case "#" where cursor == open + 1 || [" ", "\t", "\n", ";", "("].contains(s[cursor - 1]):
                while cursor + 1 < s.count && s[cursor + 1] != "\n" { cursor += 1 }
            case "'":
                cursor += 1
                while cursor < s.count && s[cursor] != "'" { cursor += 1 }
            case "\"":
                cursor += 1
                while cursor < s.count && s[cursor] != "\"" {
                    if s[cursor] == "\\" { cursor += 1 }
                    cursor += 1
                }
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return cursor }
            default: break
            }
            cursor += 1
        }
        return nil
    }

    /// `<<EOF`, `<<-'EOF'`, `<< "EOF"` starting at `start` (just past `<<`): the delimiter as the
    /// body's last line spells it, and the index after the word.
    private func heredocDelimiter(after start: Int) -> (delimiter: String, stripTabs: Bool, end: Int)? {
        var cursor = start
        let stripTabs = cursor < s.count && s[cursor] == "-"
        if stripTabs { cursor += 1 }
        while cursor < s.count && (s[cursor] == " " || s[cursor] == "\t") { cursor += 1 }
        var delimiter = String.UnicodeScalarView()
        while cursor < s.count && !Self.isMetacharacter(s[cursor]) {
            if s[cursor] != "'" && s[cursor] != "\"" && s[cursor] != "\\" { delimiter.append(s[cursor]) }
            cursor += 1
        }
        guard !delimiter.isEmpty else { return nil }
        return (String(delimiter), stripTabs, cursor)
    }

    /// The index just past the bodies of `heredocs`, which start at `start` (a line start).
    private func skipHeredocBodies(_ heredocs: [(delimiter: String, stripTabs: Bool)], from start: Int) -> Int {
        var lineStart = start
        for heredoc in heredocs {
            while lineStart < s.count {
                var lineEnd = lineStart
                while lineEnd < s.count && s[lineEnd] != "\n" { lineEnd += 1 }
                var first = lineStart
                if heredoc.stripTabs { while first < lineEnd && s[first] == "\t" { first += 1 } }
                var last = lineEnd
                if last > first && s[last - 1] == "\r" { last -= 1 }
                let matches = String(String.UnicodeScalarView(s[first..<last])) == heredoc.delimiter
                lineStart = lineEnd + 1
                if matches { break }
            }
        }
        return min(lineStart, s.count)
    }
}
