/// A short volume spec, `SRC:DST[:MODE]`: `docker run -v`, Compose's short `volumes:` syntax,
/// `HostConfig.Binds` and a CI job's `volumes:` all write it so. The parts split at `:`; a last
/// part made of mode words (`ro`, `z`, `rshared`, `nocopy`, …) is the mode, anything else stays in
/// the target. A lone path is an anonymous volume.
public struct VolumeSpec: Hashable, Sendable {
    /// The host path or volume name; nil for an anonymous volume (`/data`).
    public var source: String?
    public var target: String
    /// Mode options (`ro`, `rw`, `z`, `Z`, `shared`, `rslave`, `nocopy`, …).
    public var options: [String]

    public init(source: String?, target: String, options: [String] = []) {
        self.source = source
        self.target = target
        self.options = options
    }

    public var readOnly: Bool { options.contains("ro") }

    /// What a source names, as the tools tell a path from a volume name.
    public enum SourceKind: Hashable, Sendable {
        /// An absolute host path (`/var/run/docker.sock`).
        case absolute
        /// `~/…`: the home folder of whoever runs the tool.
        case home
        /// `$SOCK/…`, `${DIR}/x`: a path led by a variable left unresolved.
        case variable
        /// `./x`, `../x`, `.`: relative to the project folder (Compose) or the working directory (docker).
        case relative
        /// Any other word with a `/` in it, which docker refuses as a volume name.
        case otherPath
        /// A named volume.
        case named
    }

    /// The mode words dockerd and Compose accept after the target, and the ones Podman adds (and
    /// writes back into its `HostConfig.Binds`: `rw,rprivate,rbind`).
    static let modeWords: Set<String> = [
        "ro", "rw", "z", "Z", "shared", "rshared", "slave", "rslave", "private", "rprivate", "nocopy", "copy",
        "cached", "delegated", "consistent",
        "bind", "rbind", "exec", "noexec", "dev", "nodev", "suid", "nosuid", "U", "O", "idmap", "notmpcopyup",
    ]

    public static func parse(_ text: String) -> VolumeSpec {
        let parts = windowsAware(text.split(separator: ":", omittingEmptySubsequences: false).map(String.init))
        switch parts.count {
        case 1:
            return VolumeSpec(source: nil, target: parts[0])
        case 2:
            return VolumeSpec(source: parts[0], target: parts[1])
        default:
            let options = parts[parts.count - 1].split(separator: ",").map(String.init)
            if !options.isEmpty, options.allSatisfy({ modeWords.contains($0) }) {
                return VolumeSpec(source: parts[0], target: parts[1..<(parts.count - 1)].joined(separator: ":"), options: options)
            }
            return VolumeSpec(source: parts[0], target: parts[1...].joined(separator: ":"))
        }
    }

    /// A Windows drive (`C:\\data`, `C:/data:D:/data`) is one part with its colon, as the Windows engine
    /// reads `-v C:\\data:C:\\data`.
    private static func windowsAware(_ parts: [String]) -> [String] {
        guard parts.count > 1 else { return parts }
        var joined: [String] = []
        var index = 0
        while index < parts.count {
            let part = parts[index]
            // `C:\\…` always; `C:/…` only where both sides have a drive (`a:/b` is volume `a` on Linux)
            if part.count == 1, part.first!.isASCII, part.first!.isLetter, index + 1 < parts.count,
               let next = parts[index + 1].first, next == "\\" || (next == "/" && parts.count >= 4) {
                joined.append(part + ":" + parts[index + 1])
                index += 2
            } else {
                joined.append(part)
                index += 1
            }
        }
        return joined
    }

    public static func kind(of source: String) -> SourceKind {
        if source.hasPrefix("/") { return .absolute }
        // Windows: a named pipe or share (`\\.\pipe\docker_engine`), a drive (`C:\\data`)
        if source.hasPrefix("\\") { return .absolute }
        if let first = source.first, first.isASCII, first.isLetter, source.dropFirst().hasPrefix(":\\") || source.dropFirst().hasPrefix(":/") {
            return .absolute
        }
        if source.hasPrefix("~") { return .home }
        if source.hasPrefix("$") { return .variable }
        if source.hasPrefix(".") { return .relative }
        if source.contains("/") { return .otherPath }
        return .named
    }
}
