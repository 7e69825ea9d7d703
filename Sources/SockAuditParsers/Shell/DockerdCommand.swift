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
