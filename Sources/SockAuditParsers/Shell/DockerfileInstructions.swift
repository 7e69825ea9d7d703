import SockAuditCore

/// A Dockerfile's commands: `RUN` instructions, and the command each stage's container runs
/// (`ENTRYPOINT` and `CMD`). The shell form (with `\` continuations, comment lines inside them
/// dropped, `RUN <<EOF` here-documents) is parsed as shell, the exec form (a JSON array) taken word
/// by word. `ENV` and `ARG` with `=` set variables for the lines after them.
public enum DockerfileInstructions {
    /// An instruction's arguments in one of the two forms.
    enum Form {
        case exec([ExecWord])
        case shell(ShellSource)
    }

    /// The container command of one stage: the last `ENTRYPOINT` and `CMD`.
    struct Stage {
        var entrypoint: Form?
        var cmd: Form?

        /// What the container runs: an exec-form entrypoint takes an exec-form `CMD` as its
        /// arguments; a shell-form entrypoint ignores `CMD`.
        var commands: [Form] {
            switch (entrypoint, cmd) {
            case (.exec(let entry)?, .exec(let arguments)?): [.exec(entry + arguments)]
            case (.exec(let entry)?, .shell(let arguments)?): [.exec(entry), .shell(arguments)]
            case (let entry?, _): [entry]
            case (nil, let cmd?): [cmd]
            case (nil, nil): []
            }
        }
    }

    public static func script(_ text: String) -> ShellScript {
        let lines = TextSplitting.lines(text).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var source = ShellSource()
        var execCommands: [[ExecWord]] = []
        var stage = Stage()
        func endStage() {
            for form in stage.commands {
                switch form {
                case .exec(let words): execCommands.append(words)
                case .shell(let shell): source.append(shell)
                }
            }
            stage = Stage()
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = line.dropFirst(indent)
            guard let keywordEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) else { continue }
            let keyword = body[..<keywordEnd].uppercased()
            if keyword == "FROM" { endStage() }
            guard ["RUN", "ENV", "ARG", "CMD", "ENTRYPOINT"].contains(keyword) else { continue }
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
            if keyword != "ENV" && keyword != "ARG" && arguments.hasPrefix("[") {
                let (instruction, next) = continued(arguments, line: lineNumber, column: argumentColumn, lines: lines, from: index)
                if let words = execForm(instruction) {
                    switch keyword {
                    case "RUN": execCommands.append(words)
                    case "CMD": stage.cmd = .exec(words)
                    default: stage.entrypoint = .exec(words)
                    }
                    index = next
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
            var shell = ShellSource()
            if keyword == "ENV" || keyword == "ARG" {
                // `ENV A=b C=d` reads like `export A=b C=d`; the legacy `ENV A b` form is left alone
                guard arguments.contains("=") else { continue }
                shell.append("export ", line: lineNumber, column: indent + 1)
            }
            var segment = arguments
            var segmentLine = lineNumber
            var segmentColumn = argumentColumn
            while true {
                // One backward pass: dropping a character at a time re-walked the line (quadratic in trailing blanks).
                let trailing = segment.reversed().prefix(while: { $0 == " " || $0 == "\t" }).count
                let trimmed = segment.dropLast(trailing)
                shell.append(String(trimmed), line: segmentLine, column: segmentColumn)
                guard trimmed.hasSuffix("\\"), index < lines.count else { break }
                shell.append("\n", line: segmentLine, column: segmentColumn + trimmed.count)
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
            shell.append("\n", line: segmentLine, column: segmentColumn + segment.count)
            switch keyword {
            case "CMD": stage.cmd = .shell(shell)
            case "ENTRYPOINT": stage.entrypoint = .shell(shell)
            default: source.append(shell)
            }
        }
        endStage()
        var script = ShellScript.parse(source)
        for words in execCommands {
            let exec = ShellScript.commands(words.map(\.word), located: words.map(\.source), variables: script.variables)
            script.commands += exec.commands
            script.errors += exec.errors
        }
        return script
    }

    /// One string of an exec form: the word at its opening quote, and where each of its
    /// characters was written (escapes at their backslash), for the script of `sh -c`.
    struct ExecWord: Hashable {
        var word: ShellWord
        var source: ShellSource
    }

    /// An instruction's arguments with its `\` continuation lines joined as the builder joins
    /// them (comment and empty lines inside dropped), every character at its place; and the index
    /// of the line after the instruction.
    static func continued(_ first: Substring, line: Int, column: Int, lines: [Substring], from next: Int) -> (ShellSource, Int) {
        var source = ShellSource()
        var segment = first
        var segmentLine = line
        var segmentColumn = column
        var index = next
        while true {
            let trimmed = segment.dropLast(segment.reversed().prefix(while: { $0 == " " || $0 == "\t" }).count)
            guard trimmed.hasSuffix("\\"), index < lines.count else {
                source.append(String(segment), line: segmentLine, column: segmentColumn)
                return (source, index)
            }
            source.append(String(trimmed.dropLast()), line: segmentLine, column: segmentColumn)
            while index < lines.count {
                let following = lines[index].drop(while: { $0 == " " || $0 == "\t" })
                if following.hasPrefix("#") || following.isEmpty { index += 1 } else { break }
            }
            guard index < lines.count else { return (source, index) }
            segment = lines[index]
            segmentLine = index + 1
            segmentColumn = 1
            index += 1
        }
    }

    /// `["docker", "run", "-v", "…"]`: each string a word at its opening quote; nil when it is not
    /// a JSON array of strings (then the builder runs it as shell form).
    static func execForm(_ text: ShellSource) -> [ExecWord]? {
        var words: [ExecWord] = []
        let scalars = text.scalars
        guard scalars.first == "[" else { return nil }
        var index = 1
        while index < scalars.count {
            let c = scalars[index]
            switch c {
            case " ", "\t", "\n", ",":
                index += 1
            case "]":
                return words
            case "\"":
                let start = index
                var value = ShellSource()
                index += 1
                while index < scalars.count && scalars[index] != "\"" {
                    let (line, column) = text.position(index)
                    if scalars[index] == "\\", index + 1 < scalars.count {
                        index += 1
                        switch scalars[index] {
                        case "n": value.append("\n", line: line, column: column)
                        case "t": value.append("\t", line: line, column: column)
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[(index + 1)..<min(index + 5, scalars.count)]))
                            guard hex.count == 4, let code = UInt32(hex, radix: 16) else { return nil }
                            value.append(Unicode.Scalar(code) ?? "\u{FFFD}", line: line, column: column)
                            index += 4
                        default: value.append(scalars[index], line: line, column: column)
                        }
                    } else {
                        value.append(scalars[index], line: line, column: column)
                    }
                    index += 1
                }
                guard index < scalars.count else { return nil }
                index += 1
                let (line, column) = text.position(start)
                words.append(ExecWord(word: ShellWord(value.text, line: line, column: column), source: value))
            default:
                return nil
            }
        }
        return nil
    }
}
