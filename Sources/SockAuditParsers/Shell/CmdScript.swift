import SockAuditCore

/// `cmd.exe` command lines (a GitHub Actions step with `shell: cmd`, a GitLab job on a Windows
/// runner whose shell is `cmd`) split into commands of located words: `^` escapes the next
/// character and, at the end of a line, continues the command on the next; double quotes group a
/// word (`""` inside is one quote, as the C runtime that splits a program's arguments reads it);
/// `&`, `&&`, `||`, `|`, `(` and `)` end a command; `rem` and `::` lines are comments; `@` (echo
/// off) and `call` before a program are dropped; `%NAME%` and `!NAME!` stay as written, since their
/// values are not known here. An unclosed quote ends at the end of its line, as cmd reads it.
public enum CmdScript {
    public static func parse(_ source: ShellSource) -> ShellScript {
        var commands: [ShellCommand] = []
        var words: [ShellWord] = []
        var word = String.UnicodeScalarView()
        var start: (line: Int, column: Int)?
        var quoted = false
        let s = source.scalars
        var index = 0

        func endWord() {
            if let begin = start { words.append(ShellWord(String(word), line: begin.line, column: begin.column)) }
            word = String.UnicodeScalarView()
            start = nil
        }
        func endCommand() {
            endWord()
            defer { words = [] }
            while let first = words.first, ["@", "call"].contains(first.text.lowercased()) { words.removeFirst() }
            guard var first = words.first else { return }
            if first.text.hasPrefix("@") { first.text.removeFirst() }
            let lower = first.text.lowercased()
            if lower == "rem" || lower.hasPrefix("rem.") || first.text.hasPrefix("::") { return }
            words[0] = ShellWord(PowerShellScript.Splitter.programName(first.text), line: first.line, column: first.column)
            commands.append(ShellCommand(words: words))
        }
        func begin(_ at: Int) {
            if start == nil { start = (source.lines[at], source.columns[at]) }
        }

        while index < s.count {
            let c = s[index]
            if c == "\n" {
                quoted = false
                endCommand()
                index += 1
                continue
            }
            if quoted {
                if c == "\"" {
                    if index + 1 < s.count, s[index + 1] == "\"" {
                        word.append("\"")
                        index += 2
                        continue
                    }
                    quoted = false
                } else {
                    word.append(c)
                }
                index += 1
                continue
            }
            switch c {
            case "^":
                if index + 1 < s.count, s[index + 1] == "\n" {
                    index += 2  // the command goes on on the next line
                } else if index + 1 < s.count {
                    begin(index)
                    word.append(s[index + 1])
                    index += 2
                } else {
                    index += 1
                }
            case "\"":
                begin(index)
                quoted = true
                index += 1
            case " ", "\t", "\r":
                endWord()
                index += 1
            case _ where start == nil && (c == "," || c == ";" || c == "="):
                // cmd's other separators, only where no word has begun: inside a word they are the
                // program's (`--mount type=bind,source=...` reaches docker whole). Not
                // `case ",", ";", "=" where ...`: a `where` binds to the last pattern alone.
                index += 1
            case "&", "|", "(", ")":
                endCommand()
                index += 1
                if index < s.count, s[index] == c, c == "&" || c == "|" { index += 1 }
            default:
                begin(index)
                word.append(c)
                index += 1
            }
        }
        endCommand()
        return ShellScript(commands: commands, errors: [])
    }

    public static func parse(_ text: String) -> ShellScript {
        parse(ShellSource(text))
    }
}
