import SockAuditCore

/// `/etc/default/docker` and `/etc/sysconfig/docker`: shell assignments whose `DOCKER_OPTS` /
/// `OPTIONS` are the daemon's flags (read by the distribution's init script or unit).
public struct DockerDefaultsInput: TextInput {
    public init() {}

    public let kind = InputKind.daemon

    public func claims(_ file: SourceFile) -> Bool {
        file.name == "docker" && (file.folderName == "default" || file.folderName == "sysconfig")
    }

    /// Every options variable of the file feeds one daemon, which the scanner merges with the
    /// host's `daemon.json` and units.
    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let script = ShellScript.parse(text)
        var facts = ShellFacts.facts(from: script, path: file.path)
        let assignments = script.commands
            .filter { $0.words.isEmpty || $0.words.first?.text == "export" }
            .flatMap(\.assignments)
        if var config = DockerdCommand.optionsDaemon(assignments, path: file.path) {
            config.origin = DaemonOrigin.locate(file.path) ?? DaemonOrigin(hostRoot: nil, kind: .defaultsFile)
            config.origin?.kind = .defaultsFile
            facts.daemons.append(config)
        }
        return facts
    }
}
