/// Host-path reasoning shared by every input: normalisation, runtime sockets, sensitive folders.
public enum HostPath {
    /// Runtime API sockets by basename, with the daemon each one reaches.
    public static let socketBasenames: [String: String] = [
        "docker.sock": "Docker daemon",
        "containerd.sock": "containerd",
        "crio.sock": "CRI-O",
        "podman.sock": "Podman",
        "dockershim.sock": "dockershim",
        "cri-dockerd.sock": "cri-dockerd",
        "buildkitd.sock": "BuildKit daemon",
        // Windows: the Engine API's named pipe (`//./pipe/docker_engine`, `\\.\pipe\docker_engine`)
        "docker_engine": "Docker daemon",
    ]

    /// Folders that hold a standard runtime socket (after `/var/run` is folded into `/run`).
    static let socketFolders: Set<String> = [
        "/", "/var", "/run", "/run/docker", "/run/containerd", "/run/crio", "/run/podman",
        "/run/k3s", "/run/k3s/containerd", "/run/user",
    ]

    /// Host folders whose exposure hands over the host (SA405).
    public static let sensitivePaths: [String] = [
        "/", "/etc", "/proc", "/sys", "/dev", "/boot", "/root", "/home", "/var/lib/docker",
        "/var/lib/containerd", "/var/lib/kubelet", "/etc/kubernetes",
    ]

    /// `path` without trailing slashes, `/` kept. In one pass: removing them one at a time, each
    /// after `count`, was quadratic on a value of thousands of slashes.
    public static func droppingTrailingSlashes(_ path: String) -> String {
        let slashes = path.utf8.reversed().prefix(while: { $0 == UInt8(ascii: "/") }).count
        guard slashes > 0 else { return path }
        let keep = max(path.utf8.count - slashes, 1)
        return String(decoding: path.utf8.prefix(keep), as: UTF8.self)
    }

    /// `//` collapsed, `.` and `..` resolved, trailing `/` dropped, `/var/run` folded into `/run`.
    /// A relative or variable-led path keeps its first component as written.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        var joined = (absolute ? "/" : "") + parts.joined(separator: "/")
        if joined.isEmpty { joined = "." }
        if joined == "/var/run" { return "/run" }
        if joined.hasPrefix("/var/run/") { joined = "/run/" + joined.dropFirst("/var/run/".count) }
        return joined
    }

    /// Whether a normalised path is absolute or starts with a variable or `~` (a host path as far
    /// as a scanner can tell), as opposed to a project-relative path.
    public static func isHostPath(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("$") || path.hasPrefix("~")
    }

    /// What a host source exposes, if it reaches a runtime socket.
    public enum SocketExposure: Hashable, Sendable {
        /// The source is a socket itself: its basename and the daemon behind it.
        case socket(basename: String, daemon: String)
        /// The source is a folder that holds standard socket locations.
        case folder(String)
    }

    /// SA101's test on a host source path (RULES.md, SA101 precisely).
    public static func socketExposure(of rawPath: String) -> SocketExposure? {
        let path = normalize(rawPath)
        let basename = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
        if let daemon = socketBasenames[basename] {
            return .socket(basename: basename, daemon: daemon)
        }
        guard isHostPath(path) else { return nil }
        if socketFolders.contains(path) { return .folder(path) }
        if isUserRuntimeFolder(path) { return .folder(path) }
        if path == "~/.docker/run" || path.hasSuffix("/.docker/run") { return .folder(path) }
        return nil
    }

    /// `/run/user/<uid>` (or a variable standing for the uid).
    private static func isUserRuntimeFolder(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "run", parts[1] == "user" else { return false }
        return parts[2].allSatisfy(\.isNumber) || parts[2].hasPrefix("$")
    }

    /// Trees where every folder and file is root-equivalent, so a mount at any depth hands over
    /// the host (RULES.md, SA405 precisely).
    public static let rootEquivalentTrees: [String] = [
        "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet", "/etc/kubernetes", "/proc", "/sys", "/root",
        "/boot", "/etc/docker", "/etc/containerd", "/etc/systemd", "/etc/sudoers", "/etc/sudoers.d", "/etc/shadow",
        "/etc/cron.d", "/etc/crontab", "/etc/ssh",
    ]

    /// How a host source meets a sensitive folder.
    public enum SensitiveRelation: Hashable, Sendable {
        /// The source is the folder itself.
        case equal
        /// The source is a parent of the folder.
        case contains
        /// The source lies inside the folder, a root-equivalent tree.
        case inside
    }

    /// SA405's test: the sensitive host folder the source is, contains, or lies inside.
    public static func sensitiveFolder(in rawPath: String) -> String? {
        sensitiveMatch(in: rawPath)?.folder
    }

    public static func sensitiveMatch(in rawPath: String) -> (folder: String, relation: SensitiveRelation)? {
        let path = normalize(rawPath)
        guard path.hasPrefix("/") else { return nil }
        for candidate in sensitivePaths where path == candidate {
            return (candidate, .equal)
        }
        for candidate in sensitivePaths where path == "/" || candidate.hasPrefix(path + "/") {
            return (candidate, .contains)
        }
        for tree in rootEquivalentTrees where path == tree {
            return (tree, .equal)
        }
        for tree in rootEquivalentTrees where path.hasPrefix(tree + "/") {
            return (tree, .inside)
        }
        return nil
    }
}
