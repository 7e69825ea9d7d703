/// Where a daemon configuration came from on one host, so the scanner can merge the files of that
/// host the way dockerd itself builds its configuration (`daemon.json` plus the command line).
public struct DaemonOrigin: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `/etc/docker/daemon.json` (or a file with daemon.json content).
        case daemonJSON
        /// A systemd unit file: `docker.service` in `/etc/systemd/system`, `/usr/lib/systemd/system`
        /// or `/lib/systemd/system`. `precedence` orders copies of the unit: the highest replaces the
        /// others (`/etc` 3, `/run` 2, `/usr/lib` 1, `/lib` 0).
        case unit(precedence: Int)
        /// A drop-in `docker.service.d/NAME.conf`; drop-ins apply in `sortKey` order (the file
        /// name, as systemd sorts them across all drop-in folders).
        case dropIn(sortKey: String)
        /// `/etc/default/docker` or `/etc/sysconfig/docker`: `DOCKER_OPTS` / `OPTIONS` flags.
        case defaultsFile
    }

    /// The folder that stands for the host's `/` (`examples/daemon`, `/`, `` for a relative
    /// `etc/...`), or nil when the file does not sit at a host path; files without a root merge
    /// only when they were passed together (`group`).
    public var hostRoot: String?
    public var kind: Kind
    /// For a unit or drop-in: it contains an empty `ExecStart=`, which clears every `ExecStart=`
    /// before it (the unit's own, earlier drop-ins').
    public var resetsExecStart: Bool
    /// For a unit or drop-in: it has an `ExecStart=` that runs dockerd (after any reset); its flags
    /// are the `DaemonConfig`'s settings. False for a drop-in that only resets.
    public var hasCommand: Bool

    public init(hostRoot: String?, kind: Kind, resetsExecStart: Bool = false, hasCommand: Bool = true) {
        self.hostRoot = hostRoot
        self.kind = kind
        self.resetsExecStart = resetsExecStart
        self.hasCommand = hasCommand
    }

    /// The host root of a path that sits where dockerd reads its configuration, with the kind of
    /// file it is there; nil for any other path. Used by every input that emits daemon facts.
    public static func locate(_ path: String) -> DaemonOrigin? {
        // Every place below ends in one of these names: any other file is none of them, and
        // this is asked of every file of a sweep.
        let name = TextSplitting.lastPathComponent(path)
        guard name == "daemon.json" || name == "docker" || name == "docker.service" || name.hasSuffix(".conf") else { return nil }
        let absolute = path.hasPrefix("/")
        var parts = path.split(separator: "/").map(String.init)
        while parts.first == "." { parts.removeFirst() }
        func matches(_ suffix: [String]) -> Bool {
            parts.count >= suffix.count && Array(parts.suffix(suffix.count)) == suffix
        }
        func root(dropping count: Int) -> String {
            let prefix = parts.dropLast(count)
            if prefix.isEmpty { return absolute ? "/" : "." }
            return (absolute ? "/" : "") + prefix.joined(separator: "/")
        }
        let files: [([String], Kind)] = [
            (["etc", "docker", "daemon.json"], .daemonJSON),
            (["etc", "default", "docker"], .defaultsFile),
            (["etc", "sysconfig", "docker"], .defaultsFile),
            (["etc", "systemd", "system", "docker.service"], .unit(precedence: 3)),
            (["run", "systemd", "system", "docker.service"], .unit(precedence: 2)),
            (["usr", "lib", "systemd", "system", "docker.service"], .unit(precedence: 1)),
            (["lib", "systemd", "system", "docker.service"], .unit(precedence: 0)),
        ]
        for (suffix, kind) in files where matches(suffix) {
            return DaemonOrigin(hostRoot: root(dropping: suffix.count), kind: kind)
        }
        guard let name = parts.last, name.hasSuffix(".conf"), parts.count >= 2 else { return nil }
        let folders: [[String]] = [
            ["etc", "systemd", "system", "docker.service.d"], ["run", "systemd", "system", "docker.service.d"],
            ["usr", "lib", "systemd", "system", "docker.service.d"], ["lib", "systemd", "system", "docker.service.d"],
        ]
        parts.removeLast()
        for folder in folders where matches(folder) {
            return DaemonOrigin(hostRoot: root(dropping: folder.count), kind: .dropIn(sortKey: name))
        }
        return nil
    }
}

/// An option set both as a `dockerd` flag and in `daemon.json`: dockerd refuses to start.
public struct DaemonOptionConflict: Hashable, Sendable {
    /// The `daemon.json` key (`hosts`, `tlsverify`).
    public var option: String
    /// Where the flag sets it.
    public var flag: SourceLocation
    public var flagSpelling: String
    /// Where `daemon.json` sets it.
    public var file: SourceLocation

    public init(option: String, flag: SourceLocation, flagSpelling: String, file: SourceLocation) {
        self.option = option
        self.flag = flag
        self.flagSpelling = flagSpelling
        self.file = file
    }
}
