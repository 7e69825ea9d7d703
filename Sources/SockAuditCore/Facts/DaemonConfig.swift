/// A Docker daemon's configuration as one input (or several merged) describes it: `daemon.json`,
/// `dockerd` flags in a unit, script or dind container. Every field keeps where it was written.
public struct DaemonConfig: Hashable, Sendable {
    /// What runs the daemon, for messages: `dockerd in docker.service`, `dind service "docker"`.
    public var subject: String
    /// Where a missing setting is reported (the object's opening brace, the command).
    public var location: SourceLocation
    /// Whether every setting of this daemon is known, so an absent one is really absent (a
    /// `daemon.json`, or a host's files merged). A lone command line is not complete: the daemon
    /// also reads a `daemon.json` nobody showed us, so the "missing setting" rules stay quiet on it.
    public var isComplete: Bool

    /// Listen addresses as written (`tcp://0.0.0.0:2375`, `unix:///var/run/docker.sock`, `fd://`,
    /// `0.0.0.0:2375`); a TCP `ListenStream=` of a socket unit is one too.
    public var hosts: [Setting<String>] = []
    public var tls: Setting<Bool>?
    public var tlsVerify: Setting<Bool>?
    public var usernsRemap: Setting<String>?
    /// The daemon runs rootless (`dockerd-rootless.sh`, `--rootless`, a socket under `/run/user/`).
    public var rootless: Setting<Bool>?
    public var liveRestore: Setting<Bool>?
    public var icc: Setting<Bool>?
    public var noNewPrivileges: Setting<Bool>?
    public var seccompProfile: Setting<String>?
    public var insecureRegistries: [Setting<String>] = []
    public var userlandProxy: Setting<Bool>?

    /// Which file of which host this configuration came from, so the files of one host can be
    /// merged; nil for a daemon that stands alone (a script's command line, a dind container).
    public var origin: DaemonOrigin?
    /// Options set both as a flag and in `daemon.json` (found when a host's files are merged).
    public var conflicts: [DaemonOptionConflict] = []

    public init(subject: String, location: SourceLocation, isComplete: Bool) {
        self.subject = subject
        self.location = location
        self.isComplete = isComplete
    }
}
