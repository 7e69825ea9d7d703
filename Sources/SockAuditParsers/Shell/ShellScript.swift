import SockAuditCore

/// One word of a command after expansion: quotes removed, variables assigned earlier in the same
/// file substituted, unknown ones left as written (`$VAR`, `${VAR}`), located at its first character.
public struct ShellWord: Hashable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int

    public init(_ text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public func setting(in path: String, spelling: String? = nil) -> Setting<String> {
        Setting(text, at: location(in: path), spelling: spelling ?? text)
    }

    /// The program name without its folder (`/usr/bin/docker` -> `docker`).
    var basename: String {
        text.split(separator: "/").last.map(String.init) ?? text
    }
}

/// A `NAME=value` assignment: on its own, after `export`, or before a command.
public struct ShellAssignment: Hashable, Sendable {
    public var name: String
    public var value: String
    /// The whole `NAME=value` word.
    public var word: ShellWord
}

/// One simple command: its words after the prefixes (`sudo`, `exec`, `env`, `time`, `nohup`,
/// `VAR=x`) are stripped, and the assignments made with it.
public struct ShellCommand: Hashable, Sendable {
    public var words: [ShellWord]
    public var assignments: [ShellAssignment]

    public init(words: [ShellWord], assignments: [ShellAssignment] = []) {
        self.words = words
        self.assignments = assignments
    }

    public var program: String? { words.first?.basename }
}

/// The commands of a script, in the order they appear, and what could not be split.
public struct ShellScript: Sendable {
    public init(commands: [ShellCommand] = [], errors: [ParseError] = [], variables: [String: String] = [:]) {
        self.commands = commands
        self.errors = errors
        self.variables = variables
    }

    public var commands: [ShellCommand] = []
    public var errors: [ParseError] = []
    /// Variables assigned by the script, as known at its end.
    public var variables: [String: String] = [:]

    /// Splits `source` into commands. `variables` are known beforehand (a CI file's `variables:`,
    /// a unit's `Environment=`); nothing is read from the scanning machine's environment.
    public static func parse(_ source: ShellSource, variables: [String: String] = [:]) -> ShellScript {
        var parser = ShellParser(variables: variables)
        parser.parse(source, depth: 0)
        return ShellScript(commands: parser.commands, errors: parser.errors, variables: parser.variables)
    }

    /// The words of `source` with no command structure (a `container.options` string, a Jenkins
    /// `args`): quotes removed, known variables substituted, operators ignored.
    public static func words(_ source: ShellSource, variables: [String: String] = [:]) -> [ShellWord] {
        let parser = ShellParser(variables: variables)
        return ShellLexer.tokenize(source).tokens.flatMap { token -> [ShellWord] in
            if case .word(let word) = token { return parser.expand(word) }
            return []
        }
    }

    /// Convenience for plain text that starts at line 1, column 1.
    public static func parse(_ text: String, variables: [String: String] = [:]) -> ShellScript {
        parse(ShellSource(text), variables: variables)
    }
}

/// Tokens -> simple commands, with variables tracked in order.
struct ShellParser {
    var variables: [String: String]
    var commands: [ShellCommand] = []
    var errors: [ParseError] = []

    static let maxDepth = 8
    static let shells: Set<String> = ["sh", "bash", "zsh", "ksh", "dash", "ash", "mksh"]
    static let heredocReaders: Set<String> = shells.union(["ssh", "su", "sudo"])
    static let keywords: Set<String> = ["!", "{", "}", "then", "do", "else", "elif", "if", "while", "until", "fi", "done", "esac"]

    mutating func parse(_ source: ShellSource, depth: Int) {
        guard depth <= Self.maxDepth else { return }
        let (tokens, lexErrors) = ShellLexer.tokenize(source)
        errors += lexErrors
        var current: [RawWord] = []
        var heredocs: [ShellSource] = []
        var skipNext = false
        func flush(_ parser: inout ShellParser) {
            if !current.isEmpty { parser.finish(current, heredocs: heredocs, depth: depth) }
            current = []
            heredocs = []
        }
        for token in tokens {
            switch token {
            case .word(let word):
                if skipNext {
                    skipNext = false
                    // a redirection target may still hold a command substitution
                    for nested in word.nested { parse(nested, depth: depth + 1) }
                } else {
                    current.append(word)
                }
            case .redirect:
                skipNext = true
            case .heredoc(let body):
                heredocs.append(body)
            case .separator:
                skipNext = false
                flush(&self)
            }
        }
        flush(&self)
    }

    private mutating func finish(_ raw: [RawWord], heredocs: [ShellSource], depth: Int) {
        // Command substitutions run first, with the variables known now.
        for word in raw {
            for nested in word.nested { parse(nested, depth: depth + 1) }
        }
        var words = raw.flatMap { expand($0) }
        var assignments: [ShellAssignment] = []
        stripPrefixes(&words, assignments: &assignments)
        if words.isEmpty {
            // `NAME=value` alone sets a shell variable
            for assignment in assignments { variables[assignment.name] = assignment.value }
        } else if ["export", "readonly", "declare", "typeset", "local"].contains(words[0].text) {
            for word in words.dropFirst() {
                if let assignment = Self.assignment(word) {
                    assignments.append(assignment)
                    variables[assignment.name] = assignment.value
                }
            }
            words = []
        }
        if !words.isEmpty || !assignments.isEmpty {
            commands.append(ShellCommand(words: words, assignments: assignments))
        }
        if let program = words.first?.basename {
            if Self.shells.contains(program), let index = words.firstIndex(where: { $0.text == "-c" }), index + 1 < words.count {
                // `sh -c '…'`: the string is a script; its words sit after the opening quote
                let script = words[index + 1]
                parse(ShellSource(script.text, line: script.line, column: script.column + 1), depth: depth + 1)
            }
            if Self.heredocReaders.contains(program) {
                for body in heredocs { parse(body, depth: depth + 1) }
            }
        }
    }

    /// `NAME=value` as one word.
    static func assignment(_ word: ShellWord) -> ShellAssignment? {
        guard let equals = word.text.firstIndex(of: "="), equals != word.text.startIndex else { return nil }
        let name = word.text[..<equals]
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) })
        else { return nil }
        return ShellAssignment(name: String(name), value: String(word.text[word.text.index(after: equals)...]), word: word)
    }

    /// Keywords, `VAR=x`, `sudo`, `exec`, `env`, `time`, `nohup`, `command`, `nice`, `timeout`
    /// in front of the real program are dropped; their assignments are kept.
    private func stripPrefixes(_ words: inout [ShellWord], assignments: inout [ShellAssignment]) {
        var index = 0
        func skipOptions(valued: Set<String>) {
            while index < words.count, words[index].text.hasPrefix("-") {
                let option = words[index].text
                index += 1
                if option == "--" { break }
                if valued.contains(option) { index += 1 }
            }
        }
        while index < words.count {
            let word = words[index]
            if Self.keywords.contains(word.text) { index += 1; continue }
            if let assignment = Self.assignment(word) {
                assignments.append(assignment)
                index += 1
                continue
            }
            switch word.basename {
            case "sudo", "doas":
                index += 1
                skipOptions(valued: ["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "-R"])
            case "exec":
                index += 1
                skipOptions(valued: ["-a"])
            case "env":
                index += 1
                skipOptions(valued: ["-u", "-C", "-S", "--unset", "--chdir"])
            case "time":
                index += 1
                skipOptions(valued: ["-f", "-o"])
            case "nohup", "command", "builtin", "setsid":
                index += 1
                skipOptions(valued: [])
            case "nice", "ionice", "stdbuf":
                index += 1
                skipOptions(valued: ["-n", "-c"])
            case "timeout":
                index += 1
                skipOptions(valued: ["-s", "-k", "--signal", "--kill-after"])
                if index < words.count { index += 1 }
            default:
                words.removeFirst(index)
                return
            }
        }
        words = []
    }

    /// Quote removal and variable substitution. An unquoted variable that is the whole word is
    /// split into fields (`dockerd $DOCKER_OPTS`), all located at the variable.
    func expand(_ raw: RawWord) -> [ShellWord] {
        if raw.parts.count == 1, case .variable(let name, let fallback, _, let quoted) = raw.parts[0], !quoted,
           let value = lookup(name, fallback: fallback) {
            return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .map { ShellWord(String($0), line: raw.line, column: raw.column) }
        }
        var text = ""
        for part in raw.parts {
            switch part {
            case .literal(let literal): text += literal
            case .substitution(let substitution): text += substitution
            case .variable(let name, let fallback, let written, _):
                text += lookup(name, fallback: fallback) ?? written
            }
        }
        return [ShellWord(text, line: raw.line, column: raw.column)]
    }

    private func lookup(_ name: String, fallback: String?) -> String? {
        guard !name.isEmpty else { return nil }
        if let value = variables[name] {
            if let fallback, value.isEmpty { return fallback }
            return value
        }
        return fallback
    }
}
