/// A Dockerfile's `RUN` instructions as commands: the shell form (with `\` continuations, comment
/// lines inside them dropped, `RUN <<EOF` here-documents) parsed as shell, the exec form (a JSON
/// array) taken word by word. `ENV` and `ARG` with `=` set variables for the lines after them.
public enum DockerfileInstructions {
    public static func script(_ text: String) -> ShellScript {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var source = ShellSource()
        var execCommands: [ShellCommand] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = line.dropFirst(indent)
            guard let keywordEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) else { continue }
            let keyword = body[..<keywordEnd].uppercased()
            guard keyword == "RUN" || keyword == "ENV" || keyword == "ARG" else { continue }
            var argumentColumn = indent + body.distance(from: body.startIndex, to: keywordEnd) + 1
            var arguments = body[keywordEnd...]
            while let first = arguments.first, first == " " || first == "\t" {
                arguments = arguments.dropFirst()
                argumentColumn += 1
            }
            // `RUN --mount=… --network=none cmd`
            while keyword == "RUN", arguments.hasPrefix("--") {
                let option = arguments.prefix(while: { $0 != " " && $0 != "\t" })
                arguments = arguments.dropFirst(option.count)
                argumentColumn += option.count
                while let first = arguments.first, first == " " || first == "\t" {
                    arguments = arguments.dropFirst()
                    argumentColumn += 1
                }
            }
            if keyword == "RUN" && arguments.hasPrefix("[") {
                if let words = execForm(arguments, line: lineNumber, column: argumentColumn) {
                    execCommands.append(ShellCommand(words: words))
                    continue
                }
            }
            if keyword == "RUN" && arguments.hasPrefix("<<") {
                var delimiter = arguments.dropFirst(2)
                let stripTabs = delimiter.hasPrefix("-")
                if stripTabs { delimiter = delimiter.dropFirst() }
                let name = String(delimiter.prefix(while: { $0 != " " && $0 != "\t" })).filter { $0 != "\"" && $0 != "'" }
                while index < lines.count {
                    let bodyLine = lines[index]
                    index += 1
                    let compare = stripTabs ? bodyLine.drop(while: { $0 == "\t" }) : bodyLine
                    if compare == name { break }
                    source.append(String(bodyLine) + "\n", line: index, column: 1)
                }
                continue
            }
            if keyword != "RUN" {
                // `ENV A=b C=d` reads like `export A=b C=d`; the legacy `ENV A b` form is left alone
                guard arguments.contains("=") else { continue }
                source.append("export ", line: lineNumber, column: indent + 1)
            }
            var segment = arguments
            var segmentLine = lineNumber
            var segmentColumn = argumentColumn
            while true {
                // One backward pass: dropping a character at a time re-walked the line (quadratic in trailing blanks).
                let trailing = segment.reversed().prefix(while: { $0 == " " || $0 == "\t" }).count
                let trimmed = segment.dropLast(trailing)
                source.append(String(trimmed), line: segmentLine, column: segmentColumn)
                guard trimmed.hasSuffix("\\"), index < lines.count else { break }
                source.append("\n", line: segmentLine, column: segmentColumn + trimmed.count)
                // comment and empty lines inside a continued instruction are dropped by the builder
                while index < lines.count {
                    let next = lines[index].drop(while: { $0 == " " || $0 == "\t" })
                    if next.hasPrefix("#") || next.isEmpty { index += 1 } else { break }
                }
                guard index < lines.count else { break }
                segment = lines[index]
                segmentLine = index + 1
                segmentColumn = 1
                index += 1
            }
            source.append("\n", line: segmentLine, column: segmentColumn + segment.count)
        }
        var script = ShellScript.parse(source)
        script.commands += execCommands
        return script
    }

    /// `["docker", "run", "-v", "…"]`: each string a word at its opening quote; nil when it is not
    /// a JSON array of strings (then the builder runs it as shell form).
    static func execForm(_ text: Substring, line: Int, column: Int) -> [ShellWord]? {
        var words: [ShellWord] = []
        let scalars = Array(text.unicodeScalars)
        var index = 1
        while index < scalars.count {
            let c = scalars[index]
            switch c {
            case " ", "\t", ",":
                index += 1
            case "]":
                return words
            case "\"":
                let start = index
                var value = ""
                index += 1
                while index < scalars.count && scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count {
                        index += 1
                        switch scalars[index] {
                        case "n": value += "\n"
                        case "t": value += "\t"
                        default: value.unicodeScalars.append(scalars[index])
                        }
                    } else {
                        value.unicodeScalars.append(scalars[index])
                    }
                    index += 1
                }
                guard index < scalars.count else { return nil }
                index += 1
                words.append(ShellWord(value, line: line, column: column + start))
            default:
                return nil
            }
        }
        return nil
    }
}
