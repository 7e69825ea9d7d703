import SockAuditCore

/// `/etc/default/docker` (Debian, Ubuntu) and `/etc/sysconfig/docker` (Red Hat): shell variable
/// assignments whose values are `dockerd` flags (`DOCKER_OPTS="-H tcp://0.0.0.0:2375"`,
/// `OPTIONS='--selinux-enabled'`). Simple quoting only: the value is split on blanks, quotes are
/// removed, each word keeps its line and column.
public enum DockerDefaultsFile {
    /// The variables the distributions' units and init scripts pass to dockerd.
    public static let variables: Set<String> = [
        "DOCKER_OPTS", "OPTIONS", "other_args", "DOCKER_NETWORK_OPTIONS", "DOCKER_STORAGE_OPTIONS", "INSECURE_REGISTRY",
    ]

    /// The located flag words of every assignment, with where the first assignment starts.
    public static func words(in text: String) -> (words: [Setting<String>], first: (line: Int, column: Int)?) {
        var result: [Setting<String>] = []
        var first: (Int, Int)?
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < lines.count {
            let raw = Array(String(lines[index]).unicodeScalars)
            let lineNumber = index + 1
            index += 1
            var column = 0
            while column < raw.count, raw[column] == " " || raw[column] == "\t" { column += 1 }
            if raw.count >= column + 7, String(String.UnicodeScalarView(raw[column..<column + 7])) == "export " {
                column += 7
                while column < raw.count, raw[column] == " " { column += 1 }
            }
            guard let equals = raw[column...].firstIndex(of: "="),
                variables.contains(String(String.UnicodeScalarView(raw[column..<equals])))
            else { continue }
            if first == nil { first = (lineNumber, column + 1) }
            var position = equals + 1
            // The value: quoted (may continue on following lines) or bare up to a blank.
            var quote: Unicode.Scalar?
            if position < raw.count, raw[position] == "\"" || raw[position] == "'" {
                quote = raw[position]
                position += 1
            }
            var currentLine = raw
            var currentNumber = lineNumber
            var word = ""
            var wordStart = (line: 0, column: 0)
            func flush() {
                if !word.isEmpty {
                    result.append(Setting(word, at: SourceLocation(path: "", line: wordStart.line, column: wordStart.column), spelling: word))
                }
                word = ""
            }
            scanning: while true {
                while position < currentLine.count {
                    let scalar = currentLine[position]
                    if let open = quote, scalar == open { flush(); break scanning }
                    if quote == nil, scalar == "#" && word.isEmpty { break scanning }
                    if scalar == " " || scalar == "\t" {
                        flush()
                        if quote == nil { break scanning }
                    } else if scalar == "\"" || scalar == "'" {
                        // an inner quote of the other kind: dropped, its text kept
                    } else {
                        if word.isEmpty { wordStart = (currentNumber, position + 1) }
                        word.unicodeScalars.append(scalar)
                    }
                    position += 1
                }
                flush()
                guard quote != nil, index < lines.count else { break }
                currentLine = Array(String(lines[index]).unicodeScalars)
                currentNumber = index + 1
                index += 1
                position = 0
            }
        }
        return (result, first.map { (line: $0.0, column: $0.1) })
    }

    /// The daemon settings the file's flags make, or nil when it sets no dockerd flags.
    public static func config(from text: String, path: String) -> DaemonConfig? {
        let found = words(in: text)
        guard let first = found.first else { return nil }
        let located = found.words.map { word in
            Setting(word.value, at: SourceLocation(path: path, line: word.location.line, column: word.location.column), spelling: word.spelling)
        }
        var config = DaemonConfig(
            subject: "dockerd options in \(path)", location: SourceLocation(path: path, line: first.line, column: first.column),
            isComplete: false)
        config.origin = DaemonOrigin.locate(path) ?? DaemonOrigin(hostRoot: nil, kind: .defaultsFile)
        config.origin?.kind = .defaultsFile
        DockerdFlags.apply(located, to: &config)
        return config
    }

    /// Whether a path is a defaults file: `…/default/docker` or `…/sysconfig/docker`.
    public static func isDefaultsFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts.last == "docker" else { return false }
        return parts[parts.count - 2] == "default" || parts[parts.count - 2] == "sysconfig"
    }
}
