import SockAuditCore

/// Facts that follow from containers whatever input described them: a dind container is a daemon,
/// `DOCKER_HOST` in a container's environment points a client at one, and a Drone runner's
/// environment (or a GitLab Runner registration's) describes the job containers it starts. Adapters only describe
/// containers; this derives the rest, so Kubernetes, Compose and command lines get it alike.
public enum ContainerDerivedFacts {
    /// `file` is the text the containers were read from, when at hand: a command word written as
    /// a YAML or JSON string (`- sh`, `- -c`, `- socat …`) is then located character by character.
    public static func derive(from containers: [ContainerSpec], file: CommandText? = nil) -> Facts {
        var facts = Facts()
        for container in containers {
            if let daemon = dindDaemon(container) { facts.daemons.append(daemon) }
            if let client = client(container) { facts.clients.append(client) }
            facts.socketForwards += socketForwards(container, file: file)
            facts.containers += DroneRunnerEnvironment.containers(container)
            facts.containers += GitLabRunnerRegistrationEnvironment.containers(container)
        }
        return facts
    }

    /// The first place at or after `start` (within a few lines) where `text` is written, its line
    /// breaks and indentation folded as YAML folds them; nil when it is nowhere there.
    static func written(_ text: String, after start: SourceLocation, lines: [Substring]) -> ShellSource? {
        guard let first = text.unicodeScalars.first else { return nil }
        let firstLine = start.line - 1
        guard firstLine >= 0, firstLine < lines.count else { return nil }
        for lineIndex in firstLine..<min(lines.count, firstLine + 64) {
            let raw = Array(lines[lineIndex].unicodeScalars)
            let from = lineIndex == firstLine ? max(start.column - 1, 0) : 0
            guard from < raw.count else { continue }
            for column in from..<raw.count where raw[column] == first {
                if let located = YAMLScalarSource.aligned(text, quote: nil, line: lineIndex, column: column, fileLines: lines),
                   located.text == text {
                    return located
                }
            }
        }
        return nil
    }

    /// The text of the file a container's command was read from, split into lines on first use.
    public final class CommandText {
        public let path: String
        private let text: String
        /// A CRLF pair is one Character in Swift: split on it too, or a Windows file is one line.
        private lazy var split: [Substring] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// Where each character of a command word was written, when the word is in this file.
        func located(_ word: Setting<String>) -> ShellSource? {
            guard word.location.path == path, word.value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { return nil }
            let lines = split
            if var source = YAMLScalarSource.exactSource(word.value, line: word.location.line, column: word.location.column, fileLines: lines) {
                // A block scalar's final line break is not written as a character of its own.
                let text = source.text
                if text != word.value, word.value.hasPrefix(text), word.value.dropFirst(text.count).allSatisfy({ $0 == "\n" }) {
                    let (line, column) = source.position(source.count)
                    for _ in 0..<(word.value.count - text.count) { source.append("\n", line: line, column: column) }
                }
                if source.text == word.value { return source }
            }
            // A word split out of a longer command string (Compose's `command: "sh -c '…'"` or
            // `command: >` placed at the string's start): where the word is written further on,
            // folded over lines or not.
            if let found = written(word.value, after: word.location, lines: lines) { return found }
            // Not the string as written here (interpolated, say): from its first character, after a quote.
            let index = word.location.line - 1
            let opening = index >= 0 && index < lines.count
                ? lines[index].unicodeScalars.dropFirst(word.location.column - 1).first : nil
            let column = word.location.column + (opening == "\"" || opening == "'" ? 1 : 0)
            return ShellSource(word.value, line: word.location.line, column: column, continuationColumn: column)
        }
    }

    /// `socat TCP-LISTEN:… UNIX-CONNECT:/var/run/docker.sock` (or `ssh -L/-R`) as the container's
    /// own command, as a list or inside `sh -c "…"`: the relay runs wherever the container runs.
    static func socketForwards(_ container: ContainerSpec, file: CommandText? = nil) -> [SocketForward] {
        // No command, nothing to relay (an image named *socat* with no command runs its defaults).
        guard let path = container.command.first?.location.path else { return [] }
        let socatImage = TextSearch.contains(container.image ?? "", "socat")
        guard socatImage || container.command.contains(where: { TextSearch.contains($0.value, "socat") || TextSearch.contains($0.value, "ssh") })
        else { return [] }
        var words = container.command.map { ShellWord($0.value, line: $0.location.line, column: $0.location.column) }
        var located = container.command.map { file?.located($0) }
        // `alpine/socat`, `bobrik/socat`: socat is the image's entrypoint, the command its addresses
        let imageName = (container.image ?? "").split(separator: "/").last?.split(separator: ":").first ?? ""
        if imageName.contains("socat"), let first = words.first, first.text.contains(":") || first.text.hasPrefix("-") {
            words.insert(ShellWord("socat", line: container.location.line, column: container.location.column), at: 0)
            located.insert(nil, at: 0)
        }
        return ShellScript.commands(words, located: located).commands.flatMap { command in
            SocatCommand.forwards(command, path: path) + SSHForwardCommand.forwards(command, path: path)
        }
    }

    /// `docker:dind`, `docker:27-dind-rootless`, `docker.io/library/docker:dind`.
    public static func isDindImage(_ image: String?) -> Bool {
        guard let image else { return false }
        let lastComponent = TextSplitting.lastPathComponent(image)
        let parts = lastComponent.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == "docker" else { return false }
        return parts[1].contains("dind")
    }

    /// The daemon inside a dind container (the `docker:*dind*` image, or a `dockerd` command).
    static func dindDaemon(_ container: ContainerSpec) -> DaemonConfig? {
        let words = container.command
        let dockerdIndex = words.firstIndex { word in
            let name = TextSplitting.lastPathComponent(word.value)
            return name == "dockerd" || name == "dockerd-entrypoint.sh" || name == "dockerd-rootless.sh"
        }
        let dindImage = isDindImage(container.image)
        guard dindImage || dockerdIndex != nil else { return nil }
        // The image's entrypoint runs a command that is neither dockerd nor flags instead of dockerd.
        if dockerdIndex == nil, let first = words.first, !first.value.hasPrefix("-") { return nil }
        // The image's entrypoint passes flag-only commands to dockerd.
        let flagsStart = dockerdIndex.map { $0 + 1 } ?? (words.first?.value.hasPrefix("-") == true ? 0 : words.count)
        var daemon = DaemonConfig(
            subject: "dind \(container.subject)", location: container.location, isComplete: false)
        DockerdFlags.apply(Array(words[flagsStart...]), to: &daemon)
        if dindImage && daemon.hosts.isEmpty {
            applyEntrypointDefaults(container, to: &daemon)
        }
        if container.image?.contains("rootless") == true || dockerdIndex.map({ words[$0].value.hasSuffix("dockerd-rootless.sh") }) == true {
            daemon.rootless = Setting(true, at: container.location, spelling: container.image ?? "dockerd-rootless.sh")
        }
        return daemon
    }

    /// What the docker:dind entrypoint adds when no `--host` is given: TCP on 2376 with mutual TLS
    /// while `DOCKER_TLS_CERTDIR` is set (the image sets `/certs`), plain TCP on 2375 when it is empty.
    private static func applyEntrypointDefaults(_ container: ContainerSpec, to daemon: inout DaemonConfig) {
        if let certDir = container.environmentValue("DOCKER_TLS_CERTDIR"), certDir.value.isEmpty {
            let entry = certDir.entry
            daemon.hosts.append(Setting("tcp://0.0.0.0:2375", at: entry.location, spelling: "\(entry.spelling) (empty: the dind entrypoint then listens on tcp://0.0.0.0:2375 without TLS)"))
            if daemon.tls == nil { daemon.tls = Setting(false, at: entry.location, spelling: entry.spelling) }
        } else {
            let spelling = "the \(container.image ?? "dind") entrypoint's default (DOCKER_TLS_CERTDIR=/certs)"
            daemon.hosts.append(Setting("tcp://0.0.0.0:2376", at: container.location, spelling: spelling))
            if daemon.tls == nil { daemon.tls = Setting(true, at: container.location, spelling: spelling) }
            if daemon.tlsVerify == nil { daemon.tlsVerify = Setting(true, at: container.location, spelling: spelling) }
        }
    }

    /// `DOCKER_HOST` in the environment; `DOCKER_TLS_VERIFY` set to anything but empty or 0 means TLS.
    static func client(_ container: ContainerSpec) -> ClientEndpoint? {
        guard let host = container.environmentValue("DOCKER_HOST"), !host.value.isEmpty else { return nil }
        let verify = container.environmentValue("DOCKER_TLS_VERIFY")?.value ?? ""
        let usesTLS = !verify.isEmpty && verify != "0" && verify.lowercased() != "false"
        return ClientEndpoint(
            address: Setting(host.value, at: host.entry.location, spelling: "DOCKER_HOST=\(host.value)"),
            usesTLS: usesTLS, subject: container.subject)
    }
}
