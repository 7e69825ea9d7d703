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
        TextSplitting.lastPathComponent(text)
    }
}

/// A `NAME=value` assignment: on its own, after `export`, or before a command.
public struct ShellAssignment: Hashable, Sendable {
    public var name: String
    public var value: String
    /// The whole `NAME=value` word.
    public var word: ShellWord
    /// `NAME+=value`: appended to the value before.
    public var appends = false
    /// `export NAME=value` (or `declare -x`): in the environment of the commands after it.
    public var exported = false
}

/// One simple command: its words after the prefixes (`sudo`, `exec`, `env`, `time`, `nohup`,
/// `VAR=x`) are stripped, and the assignments made with it.
public struct ShellCommand: Hashable, Sendable {
    public var words: [ShellWord]
    public var assignments: [ShellAssignment]
    /// The here-documents it reads on standard input: its own (`kubectl apply -f - <<EOF`), or those
    /// of a `cat <<EOF |` piped into it; each character where the script has it.
    public var stdin: [ShellSource]

    public init(words: [ShellWord], assignments: [ShellAssignment] = [], stdin: [ShellSource] = []) {
        self.words = words
        self.assignments = assignments
        self.stdin = stdin
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
    /// Files a here-document was written to (`cat > kind.yaml <<EOF`), by the name the script
    /// gives them, with the text they got (the last one written).
    public var writtenFiles: [String: ShellSource] = [:]

    /// Splits `source` into commands. `variables` are known beforehand (a CI file's `variables:`,
    /// a unit's `Environment=`); nothing is read from the scanning machine's environment.
    public static func parse(_ source: ShellSource, variables: [String: String] = [:]) -> ShellScript {
        parse(source, alternatives: variables.mapValues { [$0] })
    }

    /// As `parse`, where a variable known beforehand may hold one of several values (a Makefile's
    /// `$(if …)`): a command that uses it is read once for each.
    public static func parse(_ source: ShellSource, alternatives: [String: [String]]) -> ShellScript {
        var parser = ShellParser(variables: alternatives)
        parser.parse(source, depth: 0)
        parser.closeFrames(downTo: 0)
        var script = ShellScript(commands: parser.commands, errors: parser.errors, variables: parser.lastValues)
        script.writtenFiles = parser.writtenFiles
        return script
    }

    /// The commands of words split beforehand (a Dockerfile's exec form, a container's command),
    /// read like parsed ones: prefixes stripped, `sh -c '…'` scripts parsed.
    /// `located` gives, word by word, where each of its characters was written (a YAML list item
    /// folded over lines, a JSON string with escapes), so the script of `sh -c` is placed exactly;
    /// a word without one is taken as written from its opening quote.
    public static func commands(_ words: [ShellWord], located: [ShellSource?] = [], variables: [String: String] = [:]) -> ShellScript {
        var parser = ShellParser(variables: variables.mapValues { [$0] })
        var raw: [RawWord] = []
        var source = ShellSource()
        for (word, characters) in zip(words, located) {
            guard let characters, characters.text == word.text else { continue }
            var located = RawWord(parts: [.literal(word.text)], line: word.line, column: word.column)
            located.literalIndices = Array(source.count..<(source.count + characters.count))
            raw.append(located)
            source.append(characters)
        }
        parser.command(words, heredocs: [], depth: 0, raw: raw, source: source)
        parser.closeFrames(downTo: 0)
        return ShellScript(commands: parser.commands, errors: parser.errors, variables: parser.lastValues)
    }

    /// The words of `source` with no command structure (a `container.options` string, a Jenkins
    /// `args`): quotes removed, known variables substituted, operators ignored.
    public static func words(_ source: ShellSource, variables: [String: String] = [:]) -> [ShellWord] {
        let parser = ShellParser(variables: variables.mapValues { [$0] })
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

/// Tokens -> simple commands, with variables tracked in order. Every assignment that can reach a
/// command counts: both branches of an `if`, each arm of a `case`, a loop body or a command after
/// `&&`/`||` (which may not run). A command that uses a variable with several possible values is
/// read once per value, at most `maxAlternatives` times, so the work stays linear in the text.
struct ShellParser {
    /// One possible value: located words (one word for a plain variable; the elements of an array
    /// or of the positional parameters, each where it was written).
    typealias Binding = [ShellWord]

    /// A compound command whose branches may or may not run.
    struct Frame {
        enum Kind { case conditional, selection, loop, andOr, alternatives }
        var kind: Kind
        /// The value each name had before the frame, for the names assigned inside it.
        var before: [String: [Binding]?] = [:]
        /// The values the branches already ended left.
        var ended: [String: [Binding]] = [:]
        /// In how many ended branches each name was assigned.
        var assignedIn: [String: Int] = [:]
        /// The names assigned in the branch being read, and the branch each name was last assigned in.
        var touched: [String] = []
        var touchedIn: [String: Int] = [:]
        var branches = 0
        /// One of the branches always runs (`else`, or alternatives of one command).
        var exhaustive = false
    }

    var variables: [String: [Binding]]
    var commands: [ShellCommand] = []
    var errors: [ParseError] = []
    var frames: [Frame] = []
    var writtenFiles: [String: ShellSource] = [:]

    static let maxDepth = 8
    static let maxAlternatives = 8
    static let maxWords = 128
    static let shells: Set<String> = ["sh", "bash", "zsh", "ksh", "dash", "ash", "mksh"]
    static let heredocReaders: Set<String> = shells.union(["ssh", "su", "sudo"])
    static let keywords: Set<String> = ["!", "{", "}", "then", "do", "else", "elif", "if", "while", "until", "fi", "done", "esac"]
    /// Words that open, divide or close a compound command when they start one.
    static let controlWords: Set<String> = keywords.union(["case", "for", "select"])

    init(variables: [String: [String]]) {
        self.variables = variables.mapValues { values in values.map { [ShellWord($0, line: 0, column: 0)] } }
    }

    /// The last value of each plain variable.
    var lastValues: [String: String] {
        var result: [String: String] = [:]
        for (name, bindings) in variables where name != "@" && !name.hasSuffix("[@]") {
            if let last = bindings.last { result[name] = Self.text(last) }
        }
        return result
    }

    static func text(_ binding: Binding) -> String {
        binding.count == 1 ? binding[0].text : binding.map(\.text).joined(separator: " ")
    }

    mutating func parse(_ source: ShellSource, depth: Int) {
        guard depth <= Self.maxDepth else { return }
        let (tokens, lexErrors) = ShellLexer.tokenize(source)
        errors += lexErrors
        let openFrames = frames.count
        var current: [RawWord] = []
        var heredocs: [ShellSource] = []
        var redirectTargets: [RawWord] = []
        var skipNext = false
        var afterAndOr = false
        func flush(_ parser: inout ShellParser) {
            if !current.isEmpty {
                parser.recordWrittenFiles(current, targets: redirectTargets, heredocs: heredocs)
                parser.finish(current, heredocs: heredocs, depth: depth, conditional: afterAndOr, source: source)
            }
            current = []
            heredocs = []
            redirectTargets = []
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .word(let word):
                if skipNext {
                    skipNext = false
                    redirectTargets.append(word)
                    // a redirection target may still hold a command substitution
                    for nested in word.nested { parse(nested, depth: depth + 1) }
                } else if index < tokens.count, tokens[index] == .separator("("), let target = Self.arrayTarget(word) {
                    // `ARGS=(dockerd --host=…)`, `ARGS+=(--tls=false)`, after `local -a` or `declare -a`
                    var elements: [RawWord] = []
                    index += 1
                    while index < tokens.count, tokens[index] != .separator(")") {
                        if case .word(let element) = tokens[index] { elements.append(element) }
                        index += 1
                    }
                    index += 1
                    for element in elements { for nested in element.nested { parse(nested, depth: depth + 1) } }
                    if current.allSatisfy({ Self.declarationWords.contains($0.literalText) }) { current = [] }
                    assignArray(target.name, elements: elements, appending: target.appending)
                } else {
                    current.append(word)
                }
            case .redirect:
                skipNext = true
            case .heredoc(let body):
                heredocs.append(body)
            case .separator(let separator):
                skipNext = false
                // `cat <<EOF | kubectl apply -f -`: the here-document is what the next command reads
                let piped = (separator == "|" || separator == "|&") && Self.catsInput(current) ? heredocs : []
                flush(&self)
                heredocs = piped
                switch separator {
                case "&&", "||": afterAndOr = true
                case "|", "|&": break
                case ";;":
                    afterAndOr = false
                    if frames.last?.kind == .selection { endBranch() }
                default: afterAndOr = false
                }
            }
        }
        flush(&self)
        if depth > 0 { closeFrames(downTo: openFrames) }
    }

    /// `cat > kind.yaml <<EOF` (or `<<EOF >>`, `tee kind.yaml <<EOF`): the here-document's text is
    /// that file's, for a later command of the script that names it.
    mutating func recordWrittenFiles(_ words: [RawWord], targets: [RawWord], heredocs: [ShellSource]) {
        guard let body = heredocs.last, let first = words.first, !first.wasQuoted else { return }
        let files: [RawWord]
        switch first.literalText {
        case "cat": files = targets
        case "tee": files = words.dropFirst().filter { !$0.literalText.hasPrefix("-") } + targets
        default: return
        }
        for file in files {
            let name = expand(file).map(\.text).joined(separator: " ")
            guard !name.isEmpty, name != "/dev/null", !name.hasPrefix("&") else { continue }
            writtenFiles[name] = body
        }
    }

    /// `cat` with no file to read (`cat`, `cat -`) or `tee` (which also writes it to files): it
    /// passes its standard input on unchanged.
    static func catsInput(_ words: [RawWord]) -> Bool {
        guard let first = words.first, !first.wasQuoted else { return false }
        switch first.literalText {
        case "cat": return words.dropFirst().allSatisfy { $0.literalText == "-" }
        case "tee": return true
        default: return false
        }
    }

    static let assigningBuiltins = ["export", "readonly", "declare", "typeset", "local"]
    static let declarationWords: Set<String> = ["local", "declare", "typeset", "readonly", "export", "-a", "-r", "-x", "-g", "-ga", "-ra"]

    /// `NAME=` or `NAME+=` written before a `(`.
    static func arrayTarget(_ word: RawWord) -> (name: String, appending: Bool)? {
        guard !word.wasQuoted, word.parts.count == 1, case .literal(let text) = word.parts[0], text.hasSuffix("=") else { return nil }
        var name = text.dropLast()
        let appending = name.hasSuffix("+")
        if appending { name = name.dropLast() }
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) })
        else { return nil }
        return (String(name), appending)
    }

    private mutating func finish(_ raw: [RawWord], heredocs: [ShellSource], depth: Int, conditional: Bool, source: ShellSource) {
        // Command substitutions run first, with the variables known now.
        for word in raw {
            for nested in word.nested { parse(nested, depth: depth + 1) }
        }
        var rest = raw[...]
        while let first = rest.first, !first.wasQuoted, first.parts.count == 1, case .literal(let word) = first.parts[0],
              Self.controlWords.contains(word) {
            switch word {
            case "if": open(.conditional)
            case "elif": if frames.last?.kind == .conditional { endBranch() }
            case "else":
                if frames.last?.kind == .conditional {
                    endBranch()
                    frames[frames.count - 1].exhaustive = true
                }
            case "fi": close(.conditional)
            case "while", "until": open(.loop)
            case "done": close(.loop)
            case "esac": close(.selection)
            case "case":
                open(.selection)
                return
            case "for", "select":
                open(.loop)
                return
            default: break
            }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return }
        if conditional { open(.andOr) }
        let alternatives = expandCommand(rest)
        if alternatives.count == 1 {
            command(alternatives[0], heredocs: heredocs, depth: depth, raw: raw, source: source)
        } else {
            // one of them runs: each is a branch of its own
            open(.alternatives)
            frames[frames.count - 1].exhaustive = true
            for words in alternatives {
                command(words, heredocs: heredocs, depth: depth, raw: raw, source: source)
                endBranch()
            }
            close(.alternatives)
        }
        if conditional { close(.andOr) }
    }

    /// One simple command after expansion.
    mutating func command(_ expanded: [ShellWord], heredocs: [ShellSource], depth: Int, raw: [RawWord], source: ShellSource) {
        var words = expanded
        var assignments: [ShellAssignment] = []
        stripPrefixes(&words, assignments: &assignments)
        if words.isEmpty {
            // `NAME=value` alone sets a shell variable
            for assignment in assignments { assign(assignment) }
        } else if Self.assigningBuiltins.contains(words[0].text) {
            let exports = words[0].text == "export"
                || words.dropFirst().contains { $0.text.hasPrefix("-") && !$0.text.hasPrefix("--") && $0.text.contains("x") }
            for word in words.dropFirst() {
                if var assignment = Self.assignment(word) {
                    assignment.exported = exports
                    assignments.append(assignment)
                    assign(assignment)
                }
            }
            words = []
        } else if words[0].text == "set", words.count > 1 {
            // `set -- dockerd --host=… "$@"` sets the positional parameters a later `exec "$@"` runs
            let arguments = words.dropFirst()
            if arguments.first?.text == "--" {
                assign("@", [Array(arguments.dropFirst())])
            } else if let first = arguments.first?.text, !first.hasPrefix("-"), !first.hasPrefix("+") {
                assign("@", [Array(arguments)])
            }
            return
        } else if words[0].text == "shift", let bindings = variables["@"] {
            let count = words.count > 1 ? Int(words[1].text) ?? 1 : 1
            assign("@", bindings.map { Array($0.dropFirst(min(count, $0.count))) })
        }
        if !words.isEmpty || !assignments.isEmpty {
            commands.append(ShellCommand(words: words, assignments: assignments, stdin: words.isEmpty ? [] : heredocs))
        }
        if let program = words.first?.basename {
            if Self.shells.contains(program), let index = words.firstIndex(where: { $0.text == "-c" }), index + 1 < words.count {
                // `sh -c '…'`: the string is a script
                parse(Self.scriptSource(words[index + 1], raw: raw, in: source), depth: depth + 1)
            }
            if Self.heredocReaders.contains(program) {
                for body in heredocs { parse(body, depth: depth + 1) }
            }
        }
    }

    /// The script of `sh -c`, located character by character where its word is one literal as
    /// written (so quotes, escapes and a string folded over lines shift no column); a word built
    /// from variables is located from its first character, its words after the opening quote.
    static func scriptSource(_ script: ShellWord, raw: [RawWord], in source: ShellSource) -> ShellSource {
        let scalars = script.text.unicodeScalars
        if let word = raw.first(where: { $0.line == script.line && $0.column == script.column }),
           word.parts.count == 1, case .literal(let text) = word.parts[0], text == script.text,
           word.literalIndices.count == scalars.count {
            var located = ShellSource()
            for (scalar, index) in zip(scalars, word.literalIndices) {
                let (line, column) = source.position(index)
                located.append(scalar, line: line, column: column)
            }
            return located
        }
        return ShellSource(script.text, line: script.line, column: script.column + 1)
    }

    // MARK: assignments that may or may not run

    mutating func open(_ kind: Frame.Kind) {
        frames.append(Frame(kind: kind))
    }

    /// The branch being read ends: its values are kept aside and the names it set go back to the
    /// values they had before the frame, for the next branch.
    mutating func endBranch() {
        guard var frame = frames.popLast() else { return }
        for name in frame.touched {
            frame.ended[name] = Self.union(frame.ended[name] ?? [], variables[name] ?? [])
            frame.assignedIn[name, default: 0] += 1
            variables[name] = frame.before[name] ?? nil
        }
        frame.touched = []
        frame.branches += 1
        frames.append(frame)
    }

    /// Closes the innermost frame of `kind` (a stray `fi` or `done` closes nothing): every name it
    /// set may hold what any branch left, and what it held before unless a branch always ran and set it.
    mutating func close(_ kind: Frame.Kind) {
        guard frames.last?.kind == kind else { return }
        endBranch()
        let frame = frames.removeLast()
        for (name, before) in frame.before.sorted(by: { $0.key < $1.key }) {
            var values = frame.ended[name] ?? []
            if !frame.exhaustive || (frame.assignedIn[name] ?? 0) < frame.branches {
                // Taken in turns: when the two together pass the cap, what a branch set and what
                // went through untouched are both kept (the official dind entrypoint's `"$@"` holds
                // both of its `set -- dockerd …` lines, then an `else` that rewraps them).
                values = Self.alternating(values, before ?? [])
            }
            assign(name, values)
        }
    }

    mutating func closeFrames(downTo count: Int) {
        while frames.count > count, let kind = frames.last?.kind { close(kind) }
    }

    mutating func assign(_ assignment: ShellAssignment) {
        let value = [ShellWord(assignment.value, line: 0, column: 0)]
        if assignment.appends, let existing = variables[assignment.name] {
            assign(assignment.name, existing.map { [ShellWord(Self.text($0) + assignment.value, line: 0, column: 0)] })
        } else {
            assign(assignment.name, [value])
        }
    }

    mutating func assign(_ name: String, _ values: [Binding]) {
        if let top = frames.indices.last {
            if frames[top].before.index(forKey: name) == nil { frames[top].before[name] = .some(variables[name]) }
            if frames[top].touchedIn[name] != frames[top].branches {
                frames[top].touchedIn[name] = frames[top].branches
                frames[top].touched.append(name)
            }
        }
        // a list that grows with every `set -- … "$@"` is cut at `maxWords`: no command line is longer
        variables[name] = values.isEmpty ? nil : values.prefix(Self.maxAlternatives).map { Array($0.prefix(Self.maxWords)) }
    }

    private mutating func assignArray(_ name: String, elements: [RawWord], appending: Bool) {
        let key = name + "[@]"
        var values = expandCommand(elements[...])
        if appending, let existing = variables[key] {
            values = Self.product(existing, values)
        }
        assign(key, values)
    }

    static func union(_ a: [Binding], _ b: [Binding]) -> [Binding] {
        var result = a
        for binding in b where !result.contains(binding) && result.count < maxAlternatives { result.append(binding) }
        return result
    }

    /// `a` and `b` merged one from each in turn, duplicates dropped, at most `maxAlternatives`.
    static func alternating(_ a: [Binding], _ b: [Binding]) -> [Binding] {
        var result: [Binding] = []
        for index in 0..<max(a.count, b.count) {
            for list in [a, b] where index < list.count && !result.contains(list[index]) && result.count < maxAlternatives {
                result.append(list[index])
            }
        }
        return result
    }

    static func product(_ a: [Binding], _ b: [Binding]) -> [Binding] {
        var result: [Binding] = []
        for left in a {
            for right in b {
                result.append(left + right)
                if result.count == maxAlternatives { return result }
            }
        }
        return result
    }

    /// `NAME=value` (or `NAME+=value`) as one word.
    static func assignment(_ word: ShellWord) -> ShellAssignment? {
        // most words have no `=` byte at all, so no `=` Character either
        guard word.text.utf8.contains(UInt8(ascii: "=")), let equals = word.text.firstIndex(of: "="), equals != word.text.startIndex else { return nil }
        var name = word.text[..<equals]
        let appends = name.hasSuffix("+")
        if appends { name = name.dropLast() }
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
              name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) })
        else { return nil }
        var assignment = ShellAssignment(name: String(name), value: String(word.text[word.text.index(after: equals)...]), word: word)
        assignment.appends = appends
        return assignment
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

    /// Quote removal and variable substitution, the first possible value of each variable.
    func expand(_ raw: RawWord) -> [ShellWord] {
        expandAlternatives(raw)[0]
    }

    /// The words a raw word may become, one list per possible value of the variables in it. An
    /// unquoted variable that is the whole word is split into fields (`dockerd $DOCKER_OPTS`), all
    /// located at the variable; an array or `"$@"` gives its elements, each where it was written.
    func expandAlternatives(_ raw: RawWord) -> [[ShellWord]] {
        // Most words are one literal: nothing to substitute.
        if raw.parts.count == 1, case .literal(let text) = raw.parts[0] {
            return [[ShellWord(text, line: raw.line, column: raw.column)]]
        }
        // `"$@"` lexes as an empty literal (the opening quote) and the variable
        let parts = raw.parts.count == 2 && raw.parts[0] == .literal("") ? Array(raw.parts.dropFirst()) : raw.parts
        if parts.count == 1, case .variable(let name, let fallback, _, let quoted) = parts[0] {
            if name == "@" || name.hasSuffix("[@]"), let bindings = variables[name] {
                return bindings
            }
            if !quoted, let values = lookup(name, fallback: fallback) {
                return values.map { value in
                    value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                        .map { ShellWord(String($0), line: raw.line, column: raw.column) }
                }
            }
        }
        var texts = [""]
        for part in raw.parts {
            switch part {
            case .literal(let literal): texts = texts.map { $0 + literal }
            case .substitution(let substitution): texts = texts.map { $0 + substitution }
            case .variable(let name, let fallback, let written, _):
                let values = lookup(name, fallback: fallback) ?? [written]
                if values.count == 1 {
                    texts = texts.map { $0 + values[0] }
                } else {
                    texts = Array(texts.lazy.flatMap { text in values.lazy.map { text + $0 } }.prefix(Self.maxAlternatives))
                }
            }
        }
        return texts.map { [ShellWord($0, line: raw.line, column: raw.column)] }
    }

    /// Every combination of the words' possible values, at most `maxAlternatives`.
    func expandCommand(_ raw: ArraySlice<RawWord>) -> [[ShellWord]] {
        var alternatives: [[ShellWord]] = [[]]
        for word in raw {
            let options = expandAlternatives(word)
            if options.count == 1 {
                for index in alternatives.indices { alternatives[index] += options[0] }
            } else {
                alternatives = Self.product(alternatives, options)
            }
        }
        return alternatives
    }

    /// The possible values of a variable (nil when it is unknown and has no default).
    private func lookup(_ name: String, fallback: String?) -> [String]? {
        guard !name.isEmpty else { return nil }
        if let bindings = variables[name] {
            return bindings.map { binding in
                let value = Self.text(binding)
                if let fallback, value.isEmpty { return fallback }
                return value
            }
        }
        return fallback.map { [$0] }
    }
}
