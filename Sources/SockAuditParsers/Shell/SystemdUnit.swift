import SockAuditCore

/// A systemd unit or drop-in: `ExecStart*=`, `ExecStop*=`, `ExecReload=`, `ExecCondition=` command
/// lines (with `-@+!:` prefixes and `\` continuations), `Environment=` variables they expand, and a
/// Docker socket unit's `ListenStream=`.
public enum SystemdUnit {
    public struct Entry: Sendable {
        public var key: String
        /// The value with its continuation lines, located.
        public var value: ShellSource
        /// The line the key is written on (an empty value has no position of its own).
        public var line: Int
        public var column: Int
        /// The `[Section]` the entry belongs to (`Service`, `Container`), "" before the first.
        public var section: String = ""
    }

    static let execKeys: Set<String> = [
        "ExecStart", "ExecStartPre", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost", "ExecCondition",
    ]

    /// `Key=value` entries in order; `#`/`;` comments skipped; a trailing `\` joins the next line
    /// with a space.
    public static func entries(_ text: String) -> [Entry] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var entries: [Entry] = []
        var index = 0
        var section = ""
        while index < lines.count {
            let line = lines[index]
            index += 1
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = line.dropFirst(indent)
            if body.hasPrefix("["), let close = body.firstIndex(of: "]") {
                section = String(body[body.index(after: body.startIndex)..<close])
                continue
            }
            guard !body.hasPrefix("#"), !body.hasPrefix(";"), !body.hasPrefix("["), let equals = body.firstIndex(of: "=") else { continue }
            let key = String(body[..<equals]).trimming(" ")
            var value = body[body.index(after: equals)...]
            var column = indent + body.distance(from: body.startIndex, to: equals) + 2
            while value.first == " " {
                value = value.dropFirst()
                column += 1
            }
            var source = ShellSource()
            var segment = value
            var segmentLine = index
            var segmentColumn = column
            while true {
                if segment.hasSuffix("\\") {
                    source.append(String(segment.dropLast()), line: segmentLine, column: segmentColumn)
                    source.append(" ", line: segmentLine, column: segmentColumn + segment.count - 1)
                    while index < lines.count, lines[index].drop(while: { $0 == " " }).hasPrefix("#") { index += 1 }
                    guard index < lines.count else { break }
                    segment = lines[index]
                    segmentLine = index + 1
                    segmentColumn = 1
                    index += 1
                } else {
                    source.append(String(segment), line: segmentLine, column: segmentColumn)
                    break
                }
            }
            entries.append(Entry(key: key, value: source, line: index, column: indent + 1, section: section))
        }
        return entries
    }

    /// The unit's facts. `unitName` is the unit the file configures (`docker.socket` for
    /// `docker.socket.d/tcp.conf`).
    public static func facts(_ text: String, path: String, unitName: String) -> Facts {
        let entries = entries(text)
        var facts = Facts()
        // Environment= applies to every command of the unit, wherever it is written.
        var environment = ShellSource()
        for entry in entries where entry.key == "Environment" {
            let (line, column) = entry.value.position(0)
            environment.append("export ", line: line, column: column)
            environment.append(entry.value)
            environment.append("\n", line: line, column: column)
        }
        let environmentScript = ShellScript.parse(environment)
        facts.merge(ShellFacts.facts(from: environmentScript, path: path))
        for entry in entries where execKeys.contains(entry.key) {
            var value = entry.value
            var start = 0
            var argv0Follows = false
            while start < value.count, "-@+!:|".unicodeScalars.contains(value.scalars[start]) {
                if value.scalars[start] == "@" { argv0Follows = true }
                start += 1
            }
            value = value.slice(start..<value.count)
            guard !value.isEmpty else { continue }
            var script = ShellScript.parse(value, variables: environmentScript.variables)
            if argv0Follows, !script.commands.isEmpty, script.commands[0].words.count > 1 {
                script.commands[0].words.remove(at: 1)
            }
            facts.merge(ShellFacts.facts(from: script, path: path, daemonSubject: "dockerd in \(unitName)"))
        }
        if unitName.hasPrefix("docker") && unitName.hasSuffix(".service") {
            facts.daemons = serviceDaemons(facts.daemons, entries: entries, path: path, unitName: unitName)
        }
        if unitName.hasPrefix("docker") && unitName.hasSuffix(".socket") {
            var daemon: DaemonConfig?
            for entry in entries where entry.key == "ListenStream" {
                let written = entry.value.text.trimming(" ")
                guard let address = tcpAddress(written) else { continue }
                let (line, column) = entry.value.position(0)
                let location = SourceLocation(path: path, line: line, column: column)
                if daemon == nil { daemon = DaemonConfig(subject: unitName, location: location, isComplete: false) }
                daemon?.hosts.append(Setting(
                    address, at: location,
                    spelling: "ListenStream=\(written), served by dockerd -H fd:// without TLS"))
            }
            if let daemon { facts.daemons.append(daemon) }
        }
        return facts
    }

    /// A Docker service unit or drop-in as systemd reads it: an empty `ExecStart=` clears the
    /// commands before it, and the last dockerd `ExecStart=` is the one that runs. The result carries
    /// its origin so the scanner can merge unit, drop-ins, defaults file and daemon.json of one host.
    static func serviceDaemons(_ daemons: [DaemonConfig], entries: [Entry], path: String, unitName: String) -> [DaemonConfig] {
        let subject = "dockerd in \(unitName)"
        let others = daemons.filter { $0.subject != subject }
        let commands = daemons.filter { $0.subject == subject }
        let resets = entries.filter { $0.key == "ExecStart" && $0.value.text.trimming(" ").isEmpty }
        let lastReset = resets.last
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var origin = DaemonOrigin.locate(path)
            ?? DaemonOrigin(hostRoot: nil, kind: path.contains(".service.d/") ? .dropIn(sortKey: name) : .unit(precedence: 3))
        origin.resetsExecStart = lastReset != nil
        if var command = commands.last, lastReset.map({ command.location.line > $0.line }) ?? true {
            origin.hasCommand = true
            command.origin = origin
            return others + [command]
        }
        guard let lastReset else { return others }
        origin.hasCommand = false
        var reset = DaemonConfig(
            subject: subject, location: SourceLocation(path: path, line: lastReset.line, column: lastReset.column),
            isComplete: false)
        reset.origin = origin
        return others + [reset]
    }

    /// A TCP `ListenStream=` as a daemon address: `2375` -> `tcp://0.0.0.0:2375`; paths, abstract
    /// sockets and `vsock:` are not TCP.
    static func tcpAddress(_ value: String) -> String? {
        guard !value.isEmpty, !value.hasPrefix("/"), !value.hasPrefix("@"), !value.lowercased().hasPrefix("vsock:") else { return nil }
        if value.allSatisfy(\.isNumber) { return "tcp://0.0.0.0:\(value)" }
        guard value.contains(":") else { return nil }
        return "tcp://\(value)"
    }
}
