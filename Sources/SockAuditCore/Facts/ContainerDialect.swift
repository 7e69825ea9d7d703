/// How one input kind spells the settings a rule asks for when they are missing, so a rule's
/// advice reads right for Kubernetes, Compose or a command line without the rule knowing which.
public struct ContainerDialect: Hashable, Sendable {
    public var dropAllCapabilities: String
    public var noNewPrivileges: String
    public var readOnlyRoot: String
    public var nonRootUser: String
    public var memoryLimit: String
    public var cpuLimit: String
    public var pidsLimit: String

    public init(
        dropAllCapabilities: String, noNewPrivileges: String, readOnlyRoot: String, nonRootUser: String,
        memoryLimit: String, cpuLimit: String, pidsLimit: String
    ) {
        self.dropAllCapabilities = dropAllCapabilities
        self.noNewPrivileges = noNewPrivileges
        self.readOnlyRoot = readOnlyRoot
        self.nonRootUser = nonRootUser
        self.memoryLimit = memoryLimit
        self.cpuLimit = cpuLimit
        self.pidsLimit = pidsLimit
    }

    public static let kubernetes = ContainerDialect(
        dropAllCapabilities: "securityContext.capabilities.drop: [\"ALL\"]",
        noNewPrivileges: "securityContext.allowPrivilegeEscalation: false",
        readOnlyRoot: "securityContext.readOnlyRootFilesystem: true",
        nonRootUser: "securityContext.runAsNonRoot: true (or a non-zero runAsUser)",
        memoryLimit: "resources.limits.memory",
        cpuLimit: "resources.limits.cpu",
        pidsLimit: "a kubelet podPidsLimit")

    public static let compose = ContainerDialect(
        dropAllCapabilities: "cap_drop: [ALL]",
        noNewPrivileges: "security_opt: [\"no-new-privileges:true\"]",
        readOnlyRoot: "read_only: true",
        nonRootUser: "user: \"1000:1000\" (any non-zero uid)",
        memoryLimit: "mem_limit (or deploy.resources.limits.memory)",
        cpuLimit: "cpus (or deploy.resources.limits.cpus)",
        pidsLimit: "pids_limit (or deploy.resources.limits.pids)")

    /// `docker inspect` / Engine API JSON: advice names the `docker run` flag that sets the field.
    public static let inspect = ContainerDialect(
        dropAllCapabilities: "HostConfig.CapDrop: [\"ALL\"] (docker run --cap-drop=ALL)",
        noNewPrivileges: "HostConfig.SecurityOpt: [\"no-new-privileges\"] (docker run --security-opt no-new-privileges)",
        readOnlyRoot: "HostConfig.ReadonlyRootfs: true (docker run --read-only)",
        nonRootUser: "Config.User to a non-zero UID (docker run --user 1000:1000)",
        memoryLimit: "HostConfig.Memory (docker run --memory)",
        cpuLimit: "HostConfig.NanoCpus (docker run --cpus)",
        pidsLimit: "HostConfig.PidsLimit (docker run --pids-limit)")
}

extension ContainerDialect {
    /// `docker run` / `podman run` flags.
    public static let commandLine = ContainerDialect(
        dropAllCapabilities: "--cap-drop=ALL",
        noNewPrivileges: "--security-opt no-new-privileges",
        readOnlyRoot: "--read-only",
        nonRootUser: "--user 1000:1000 (any non-zero UID)",
        memoryLimit: "--memory (-m)",
        cpuLimit: "--cpus",
        pidsLimit: "--pids-limit")
}
