import SockAuditCore

/// A `dockerd` command line -> a DaemonConfig. A command line is never the whole configuration
/// (a `daemon.json` may add to it), so it is not complete.
public enum DockerdCommand {
    static let programs: Set<String> = ["dockerd", "dockerd-rootless.sh"]

    public static func daemon(_ command: ShellCommand, path: String, subject: String? = nil) -> DaemonConfig? {
        guard let first = command.words.first, programs.contains(first.basename) else { return nil }
        // `dockerd-rootless-setuptool.sh install` and `dockerd --version` configure nothing
        var config = DaemonConfig(
            subject: subject ?? "dockerd command", location: first.location(in: path), isComplete: false)
        DockerdFlags.apply(command.words.dropFirst().map { $0.setting(in: path) }, to: &config)
        if first.basename == "dockerd-rootless.sh" {
            config.rootless = Setting(true, at: first.location(in: path), spelling: first.text)
        }
        return config
    }
}

/// `DOCKER_OPTS="-H tcp://0.0.0.0:2375"` (`/etc/default/docker`) or `OPTIONS=…`
/// (`/etc/sysconfig/docker`): dockerd flags held in a variable. The flags are located inside the
/// value, one column past the quote when the value was quoted.
extension DockerdCommand {
    /// The variables the distributions' units and init scripts pass to dockerd.
    public static let optionVariables: Set<String> = [
        "DOCKER_OPTS", "OPTIONS", "other_args", "DOCKER_NETWORK_OPTIONS", "DOCKER_STORAGE_OPTIONS", "INSECURE_REGISTRY",
    ]

    /// The located flag words of an options assignment (`DOCKER_OPTS="-H tcp://0.0.0.0:2375"`).
    public static func optionWords(_ assignment: ShellAssignment, path: String) -> [Setting<String>] {
        guard optionVariables.contains(assignment.name), !assignment.value.isEmpty else { return [] }
        let word = assignment.word
        let quoted = word.text.count - assignment.name.count - 1 != assignment.value.count || assignment.value.contains(" ")
        let column = word.column + assignment.name.count + 1 + (quoted ? 1 : 0)
        let flags = ShellScript.words(ShellSource(assignment.value, line: word.line, column: column))
        guard flags.contains(where: { $0.text.hasPrefix("-") }) else { return [] }
        return flags.map { $0.setting(in: path) }
    }

    /// The daemon the options variables of one file configure together (every variable feeds the
    /// same dockerd), located at the first that holds flags; nil when none does.
    public static func optionsDaemon(_ assignments: [ShellAssignment], path: String) -> DaemonConfig? {
        var flags: [Setting<String>] = []
        var first: SourceLocation?
        for assignment in assignments {
            let words = optionWords(assignment, path: path)
            guard !words.isEmpty else { continue }
            first = first ?? assignment.word.location(in: path)
            flags += words
        }
        guard let first else { return nil }
        var config = DaemonConfig(subject: "dockerd options in \(path)", location: first, isComplete: false)
        DockerdFlags.apply(flags, to: &config)
        return config
    }
}
