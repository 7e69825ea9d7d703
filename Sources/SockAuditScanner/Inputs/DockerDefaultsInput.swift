import SockAuditCore
import SockAuditParsers

/// `/etc/default/docker` and `/etc/sysconfig/docker`: shell assignments whose `DOCKER_OPTS` /
/// `OPTIONS` are the daemon's flags (read by the distribution's init script or unit).
struct DockerDefaultsInput: TextInput {
    let kind = "daemon"

    func mayClaim(_ file: SourceFile) -> Bool {
        file.name == "docker" && (file.folderName == "default" || file.folderName == "sysconfig")
    }

    /// Every options variable of the file feeds one daemon, which the scanner merges with the
    /// host's `daemon.json` and units.
    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let script = ShellScript.parse(text)
        var facts = ShellFacts.facts(from: script, path: file.path)
        var flags: [Setting<String>] = []
        var first: SourceLocation?
        for command in script.commands where command.words.isEmpty || command.words.first?.text == "export" {
            for assignment in command.assignments {
                let words = DockerdCommand.optionWords(assignment, path: file.path)
                guard !words.isEmpty else { continue }
                first = first ?? assignment.word.location(in: file.path)
                flags += words
            }
        }
        if let first {
            var config = DaemonConfig(subject: "dockerd options in \(file.path)", location: first, isComplete: false)
            config.origin = DaemonOrigin.locate(file.path) ?? DaemonOrigin(hostRoot: nil, kind: .defaultsFile)
            config.origin?.kind = .defaultsFile
            DockerdFlags.apply(flags, to: &config)
            facts.daemons.append(config)
        }
        return facts
    }
}
