/// What the live-host probes found, as a plain value: rules judge it without touching the host.
/// Every field keeps where it sits in the saved snapshot (`*.sockaudit-host.json`), so findings
/// point at the probed value.
public struct HostSnapshot: Hashable, Sendable {
    /// The snapshot document's opening brace.
    public var location: SourceLocation
    /// The host's files were read under this directory (`/`, or a mounted image).
    public var root: String
    public var socket: HostSocket?
    public var dockerGroup: HostDockerGroup?
    public var dataRoot: HostDataRoot?
    public var audit: HostAudit?
    /// runc, containerd, Docker Engine and the kernel: one entry each, read or not.
    public var components: [HostComponent] = []
    /// `/info` says the daemon runs rootless.
    public var rootless: Bool = false
    /// AuthZ plugins the daemon runs (`/info` Plugins.Authorization).
    public var authorizationPlugins: [String] = []
    /// Containers listed by the Engine API (each judged by the container rules).
    public var containersCollected: Int = 0

    public init(location: SourceLocation, root: String) {
        self.location = location
        self.root = root
    }
}

/// The daemon socket file as `stat` saw it (owner and group named from the host's own files).
public struct HostSocket: Hashable, Sendable {
    public var path: String
    /// The `socket` key.
    public var location: SourceLocation
    public var owner: Setting<String>?
    public var uid: Int?
    public var group: Setting<String>?
    public var gid: Int?
    /// Permission bits (`0o660`), located at the `mode` key.
    public var mode: Setting<Int>?

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

/// The `docker` group of `/etc/group`: each member can drive the daemon, which is root.
public struct HostDockerGroup: Hashable, Sendable {
    public var location: SourceLocation
    public var gid: Int?
    /// One member each, located at its name in the snapshot.
    public var members: [Setting<String>] = []

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// Where the daemon's data root lives: the mount that holds it.
public struct HostDataRoot: Hashable, Sendable {
    public var path: Setting<String>
    /// The mount point of the filesystem holding the data root (`/`, `/var/lib/docker`), or nil
    /// when the mount table could not be read.
    public var mountPoint: Setting<String>?
    /// What was read to decide (`/proc/self/mountinfo`, `/etc/fstab`).
    public var source: String

    public init(path: Setting<String>, mountPoint: Setting<String>?, source: String) {
        self.path = path
        self.mountPoint = mountPoint
        self.source = source
    }
}

/// auditd: the paths its rules watch, and the CIS audit targets that exist on the host.
public struct HostAudit: Hashable, Sendable {
    public var location: SourceLocation
    /// Rule files read (`/etc/audit/rules.d/docker.rules`); empty when auditd has none.
    public var ruleFiles: [String] = []
    /// Paths watched by `-w PATH` or `-F path=`/`-F dir=`.
    public var watched: [String] = []
    /// Audit targets that exist on the host, each located at its entry in the snapshot.
    public var present: [Setting<String>] = []

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// One runtime component and the version the host reported for it.
public struct HostComponent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case runc
        case containerd
        case engine = "Docker Engine"
        case kernel
    }

    public var kind: Kind
    /// The version as reported (`1.1.12-0ubuntu3`, `v1.7.29`, `5.15.0-91-generic`); nil when it
    /// could not be read.
    public var version: Setting<String>?
    /// Where an unread version is reported.
    public var location: SourceLocation
    /// Why the version could not be read.
    public var unreadReason: String?

    public init(kind: Kind, version: Setting<String>?, location: SourceLocation, unreadReason: String? = nil) {
        self.kind = kind
        self.version = version
        self.location = location
        self.unreadReason = unreadReason
    }
}

/// The files and directories CIS Docker Benchmark 1.1.3-1.1.18 asks auditd to watch, where they
/// exist. The data root and the socket come from the snapshot itself.
public enum HostAuditTargets {
    public static let fixed: [(path: String, cis: String)] = [
        ("/usr/bin/dockerd", "1.1.3"), ("/usr/sbin/dockerd", "1.1.3"), ("/usr/local/bin/dockerd", "1.1.3"),
        ("/run/containerd", "1.1.4"),
        ("/etc/docker", "1.1.6"),
        ("/lib/systemd/system/docker.service", "1.1.7"), ("/usr/lib/systemd/system/docker.service", "1.1.7"),
        ("/etc/systemd/system/docker.service", "1.1.7"),
        ("/run/containerd/containerd.sock", "1.1.8"),
        ("/lib/systemd/system/docker.socket", "1.1.9"), ("/usr/lib/systemd/system/docker.socket", "1.1.9"),
        ("/etc/systemd/system/docker.socket", "1.1.9"),
        ("/etc/default/docker", "1.1.10"),
        ("/etc/docker/daemon.json", "1.1.11"),
        ("/etc/containerd/config.toml", "1.1.12"),
        ("/etc/sysconfig/docker", "1.1.13"),
        ("/usr/bin/containerd", "1.1.14"),
        ("/usr/bin/containerd-shim", "1.1.15"),
        ("/usr/bin/containerd-shim-runc-v1", "1.1.16"),
        ("/usr/bin/containerd-shim-runc-v2", "1.1.17"),
        ("/usr/bin/runc", "1.1.18"), ("/usr/sbin/runc", "1.1.18"),
    ]

    /// The CIS item for a target path (the data root is 1.1.5; the daemon socket 1.1.9).
    public static func cisItem(for path: String, dataRoot: String?, socket: String?) -> String? {
        if path == dataRoot { return "1.1.5" }
        if path == socket { return "1.1.9" }
        return fixed.first { $0.path == path }?.cis
    }
}
