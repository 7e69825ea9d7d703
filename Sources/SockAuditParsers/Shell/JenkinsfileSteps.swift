/// Shell in a Jenkinsfile: `sh '…'`, `sh """…"""`, `sh(script: '…')` steps, and the `docker run`
/// arguments of `docker.image('img').inside('…')`, `img.inside('…')` on any variable (one made by
/// `docker.build(…)` names its image), `.run('…')` / `.withRun('…')`, `withDockerContainer(…)` and
/// `agent { docker { image '…'; args '…' } }`. Groovy comments are skipped; string escapes are
/// decoded with every character kept at its place in the file.
public enum JenkinsfileSteps {
    enum Token {
        case identifier(String, line: Int, column: Int)
        case string(ShellSource, line: Int, column: Int)
        case punctuation(Character)
    }

    /// The shell text of every `sh` step and the synthetic `docker run` lines of docker agents, in order.
    public static func sources(_ text: String) -> [ShellSource] {
        let tokens = tokenize(text)
        var sources: [ShellSource] = []
        var images: [String: ShellSource] = [:]
        var index = 0
        func string(at position: Int) -> (ShellSource, Int, Int)? {
            guard position < tokens.count, case .string(let source, let line, let column) = tokens[position] else { return nil }
            return (source, line, column)
        }
        func identifier(at position: Int) -> String? {
            guard position >= 0, position < tokens.count, case .identifier(let name, _, _) = tokens[position] else { return nil }
            return name
        }
        func punctuation(at position: Int) -> Character? {
            guard position >= 0, position < tokens.count, case .punctuation(let c) = tokens[position] else { return nil }
            return c
        }
        /// `docker.image('x')` or `docker.build('x', …)` starting at `position`: its image.
        func imageCall(at position: Int) -> ShellSource? {
            guard identifier(at: position) == "docker", punctuation(at: position + 1) == ".",
                  let method = identifier(at: position + 2), method == "image" || method == "build",
                  punctuation(at: position + 3) == "(" else { return nil }
            return string(at: position + 4)?.0
        }
        /// What a `.method(` is called on, ending just before the dot at `dot`.
        func receiver(endingBefore dot: Int) -> (name: String, image: ShellSource?, line: Int, column: Int)? {
            let last = dot - 1
            if case .identifier(let variable, let line, let column)? = last >= 0 ? tokens[last] : nil {
                return (variable, images[variable], line, column)
            }
            guard punctuation(at: last) == ")" else { return nil }
            // `docker.image('x')` / `docker.build('x', '.')`: walk back to its `(`
            var depth = 0
            var cursor = last
            while cursor >= max(0, last - 64) {
                if punctuation(at: cursor) == ")" { depth += 1 }
                if punctuation(at: cursor) == "(" { depth -= 1; if depth == 0 { break } }
                cursor -= 1
            }
            let start = cursor - 3
            guard start >= 0, let image = imageCall(at: start), case .identifier(_, let line, let column) = tokens[start] else { return nil }
            return ("docker", image, line, column)
        }
        while index < tokens.count {
            defer { index += 1 }
            guard case .identifier(let name, let line, let column) = tokens[index] else { continue }
            if name == "sh" {
                var cursor = index + 1
                if punctuation(at: cursor) == "(" { cursor += 1 }
                if let (source, _, _) = string(at: cursor) {
                    // `sh 'cmd'`, `sh("cmd")`
                    sources.append(source)
                    continue
                }
                // `sh script: '…'`, `sh(label: 'x', returnStdout: true, script: "…")`
                var scan = cursor
                while scan < min(cursor + 24, tokens.count) {
                    if punctuation(at: scan) == ")" || punctuation(at: scan) == "}" || identifier(at: scan) == "sh" { break }
                    if identifier(at: scan) == "script", punctuation(at: scan + 1) == ":", let (source, _, _) = string(at: scan + 2) {
                        sources.append(source)
                        break
                    }
                    scan += 1
                }
            } else if ["inside", "withRun", "run"].contains(name), index > 0, punctuation(at: index - 1) == ".",
                      punctuation(at: index + 1) == "(" {
                // `docker.image('img').inside('args')`, `img.inside('args')` whatever made `img`
                // (`docker.build(…)`, `docker.image(…)`, a parameter), `.withRun(…)`, `.run(…)`
                guard let receiver = receiver(endingBefore: index - 1) else { continue }
                // `run` is a common method name: only on what is known to be a Docker image
                if name == "run" && receiver.image == nil { continue }
                let image = receiver.image ?? ShellSource(receiver.name, line: receiver.line, column: receiver.column)
                let args = string(at: index + 2)?.0
                sources.append(dockerRun(line: receiver.line, column: receiver.column, args: args, image: image, jenkinsUser: name == "inside"))
            } else if name == "withDockerContainer", punctuation(at: index + 1) == "(" {
                // withDockerContainer(image: 'img', args: '…') { … }
                var cursor = index + 2
                var image: ShellSource?
                var args: ShellSource?
                if let (first, _, _) = string(at: cursor) { image = first }
                while cursor < min(index + 24, tokens.count), punctuation(at: cursor) != ")" {
                    if punctuation(at: cursor + 1) == ":", let (value, _, _) = string(at: cursor + 2) {
                        if identifier(at: cursor) == "image" { image = value }
                        if identifier(at: cursor) == "args" { args = value }
                    }
                    cursor += 1
                }
                if let image {
                    sources.append(dockerRun(line: line, column: column, args: args, image: image, jenkinsUser: true))
                }
            } else if index + 2 < tokens.count, punctuation(at: index + 1) == "=", let made = imageCall(at: index + 2) {
                // `def img = docker.build("app:${BUILD_ID}")`: what `img.inside(…)` runs later
                images[name] = made
            } else if name == "docker" && punctuation(at: index + 1) == "{" {
                // agent { docker { image 'img'; args '…' } }
                var cursor = index + 2
                var depth = 1
                var image: ShellSource?
                var args: ShellSource?
                while cursor < tokens.count && depth > 0 {
                    switch tokens[cursor] {
                    case .punctuation("{"): depth += 1
                    case .punctuation("}"): depth -= 1
                    case .identifier("image", _, _): image = string(at: cursor + 1)?.0 ?? image
                    case .identifier("args", _, _): args = string(at: cursor + 1)?.0 ?? args
                    default: break
                    }
                    cursor += 1
                }
                if let image {
                    sources.append(dockerRun(line: line, column: column, args: args, image: image, jenkinsUser: true))
                }
            } else if name == "docker", let (image, _, _) = string(at: index + 1), index > 0, punctuation(at: index - 1) == "{" {
                // agent { docker 'img' }
                sources.append(dockerRun(line: line, column: column, args: nil, image: image, jenkinsUser: true))
            }
        }
        return sources
    }

    /// The pod YAML of Kubernetes agents: `podTemplate(yaml: '''…''')` and
    /// `agent { kubernetes { yaml '''…''' } }`, each string with its characters where the file has them.
    public static func podYAML(_ text: String) -> [ShellSource] {
        let tokens = tokenize(text)
        var found: [ShellSource] = []
        for (index, token) in tokens.enumerated() {
            guard case .identifier("yaml", _, _) = token else { continue }
            var next = index + 1
            if next < tokens.count, case .punctuation(let c) = tokens[next], c == ":" || c == "(" { next += 1 }
            if next < tokens.count, case .string(let source, _, _) = tokens[next] { found.append(source) }
        }
        return found
    }

    /// `docker run [-u jenkins] ARGS IMAGE`, the program word at the `docker` of the Jenkinsfile.
    /// Jenkins runs `inside` and docker agents as the agent's own (non-root) user.
    static func dockerRun(line: Int, column: Int, args: ShellSource?, image: ShellSource, jenkinsUser: Bool) -> ShellSource {
        var source = ShellSource("docker run ", line: line, column: column)
        if jenkinsUser {
            source.append("-u jenkins-agent-uid:gid ", line: line, column: column)
        }
        if let args {
            source.append(args)
            let (endLine, endColumn) = args.position(args.count)
            source.append(" ", line: endLine, column: endColumn)
        }
        source.append(quoted(image))
        return source
    }

    /// Wraps text in single quotes (for an image name that must stay one word), positions kept.
    static func quoted(_ source: ShellSource) -> ShellSource {
        let (line, column) = source.position(0)
        var result = ShellSource("'", line: line, column: column)
        result.append(source)
        let (endLine, endColumn) = source.position(source.count)
        result.append("'", line: endLine, column: endColumn)
        return result
    }

    static func tokenize(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var lines: [Int] = []
        var columns: [Int] = []
        var line = 1
        var column = 1
        for c in s {
            lines.append(line)
            columns.append(column)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        var tokens: [Token] = []
        var i = 0
        func starts(_ prefix: String, at index: Int) -> Bool {
            var j = index
            for p in prefix.unicodeScalars {
                guard j < s.count, s[j] == p else { return false }
                j += 1
            }
            return true
        }
        while i < s.count {
            let c = s[i]
            if starts("//", at: i) {
                while i < s.count && s[i] != "\n" { i += 1 }
            } else if starts("/*", at: i) {
                i += 2
                while i < s.count && !starts("*/", at: i) { i += 1 }
                i += 2
            } else if c == "'" || c == "\"" {
                let triple = starts(String(c) + String(c) + String(c), at: i)
                let quoteLength = triple ? 3 : 1
                let close = String(repeating: String(c), count: quoteLength)
                let open = i
                i += quoteLength
                var source = ShellSource()
                while i < s.count && !starts(close, at: i) {
                    if s[i] == "\\", i + 1 < s.count {
                        let next = s[i + 1]
                        switch next {
                        case "\n": break
                        case "n": source.append("\n", line: lines[i], column: columns[i])
                        case "t": source.append("\t", line: lines[i], column: columns[i])
                        default: source.append(next, line: lines[i], column: columns[i])
                        }
                        i += 2
                        continue
                    }
                    if !triple && s[i] == "\n" { break }
                    source.append(s[i], line: lines[i], column: columns[i])
                    i += 1
                }
                i += quoteLength
                tokens.append(.string(source, line: lines[open], column: columns[open]))
            } else if c == "_" || (c.isASCII && c.properties.isAlphabetic) {
                let start = i
                var name = ""
                while i < s.count, s[i] == "_" || (s[i].isASCII && (s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]))) {
                    name.unicodeScalars.append(s[i])
                    i += 1
                }
                tokens.append(.identifier(name, line: lines[start], column: columns[start]))
            } else {
                if "(){}.:;,=".unicodeScalars.contains(c) { tokens.append(.punctuation(Character(c))) }
                i += 1
            }
        }
        return tokens
    }
}
