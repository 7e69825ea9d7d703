/// One container as any input describes it: a Kubernetes container, a Compose service, a
/// `docker run` line, an inspected container. Every field keeps where it was written; an absent
/// field (`nil`, empty) means the input does not set it.
public struct ContainerSpec: Hashable, Sendable {
    /// The container's own name (`app`, the service name, the `--name`, or the image).
    public var name: String
    /// What holds it, for messages and fingerprints: `container "app" in Deployment/web`.
    public var subject: String
    /// What holds the settings this container shares with its siblings (a pod's host namespaces):
    /// `Deployment/web`. Equal to `subject` where a container stands alone.
    public var sharedSubject: String
    /// Where a missing setting is reported: the container, service or command.
    public var location: SourceLocation
    public var dialect: ContainerDialect
    public var image: String?
    /// Whether the input describes every setting of the container, so an absent one is really
    /// absent. A `docker container ls` summary or a bare `{{json .Mounts}}` array is not: the
    /// "missing setting" rules stay quiet on it and only values it states are judged.
    public var isComplete: Bool = true
    /// Places of settings this container takes from defaults that another container of the same
    /// facts states and is judged on (an Argo `templateDefaults` every template inherits): a
    /// finding of this container at one of them is left to that one, so it is reported once.
    public var judgedElsewhere: Set<SourceLocation> = []

    public var privileged: Setting<Bool>?
    /// Capabilities by their canonical name: upper case, without `CAP_` (`SYS_ADMIN`, `ALL`).
    public var capabilitiesAdded: [Setting<String>] = []
    public var capabilitiesDropped: [Setting<String>] = []
    public var seccomp: Setting<SecurityProfile>?
    public var appArmor: Setting<SecurityProfile>?
    public var seLinux: Setting<SELinuxLabel>?
    /// `true` when privilege escalation is blocked (`no-new-privileges`, `allowPrivilegeEscalation: false`).
    public var noNewPrivileges: Setting<Bool>?
    public var readOnlyRootFilesystem: Setting<Bool>?
    /// The user the process runs as, as written (`0`, `root`, `1000:1000`, `app`).
    public var user: Setting<String>?
    public var runAsNonRoot: Setting<Bool>?

    public var hostPID: Setting<Bool>?
    public var hostNetwork: Setting<Bool>?
    public var hostIPC: Setting<Bool>?
    /// `true` when the container opts out of the daemon's user-namespace remapping.
    public var hostUserNamespace: Setting<Bool>?

    public var mounts: [HostMount] = []

    public var memoryLimit: Setting<String>?
    public var cpuLimit: Setting<String>?
    public var pidsLimit: Setting<String>?
    /// Kubernetes sets the PIDs limit per node, so SA503 does not apply there.
    public var pidsLimitApplies: Bool

    /// Environment as `NAME=value` with the line of each entry (socket proxies read theirs).
    public var environment: [Setting<String>] = []
    /// Ports published on the host.
    public var publishedPorts: [Setting<PublishedPort>] = []
    /// The command the container runs (entrypoint arguments included where the input gives them),
    /// one located word each: a dind container's `dockerd` flags are read from it.
    public var command: [Setting<String>] = []

    /// Where each setting it states was written (the mounts at their sources).
    public var settingLocations: [SourceLocation] {
        var result: [SourceLocation] = [
            privileged?.location, seccomp?.location, appArmor?.location, seLinux?.location, noNewPrivileges?.location,
            readOnlyRootFilesystem?.location, user?.location, runAsNonRoot?.location, hostPID?.location,
            hostNetwork?.location, hostIPC?.location, hostUserNamespace?.location, memoryLimit?.location,
            cpuLimit?.location, pidsLimit?.location,
        ].compactMap { $0 }
        result += capabilitiesAdded.map(\.location) + capabilitiesDropped.map(\.location) + mounts.map(\.location)
        result += environment.map(\.location) + publishedPorts.map(\.location) + command.map(\.location)
        return result
    }

    /// The value of an environment variable, with its entry; the last entry wins.
    public func environmentValue(_ name: String) -> (value: String, entry: Setting<String>)? {
        // Asked of every container of a sweep for several names: look at the name's bytes only.
        for entry in environment.reversed() where entry.value.hasPrefix(name) {
            let rest = entry.value.utf8.dropFirst(name.utf8.count)
            if rest.isEmpty { return ("", entry) }
            if rest.first == UInt8(ascii: "=") { return (String(Substring(rest.dropFirst())), entry) }
        }
        return nil
    }

    public init(
        name: String, subject: String, location: SourceLocation,
        dialect: ContainerDialect, image: String? = nil, pidsLimitApplies: Bool = true
    ) {
        self.name = name
        self.subject = subject
        self.sharedSubject = subject
        self.location = location
        self.dialect = dialect
        self.image = image
        self.pidsLimitApplies = pidsLimitApplies
    }
}
