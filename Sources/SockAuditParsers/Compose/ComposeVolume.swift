/// Compose volume entries: the short syntax (`SRC:DST[:MODE]`), and how a source is classified.
public enum ComposeVolume {
    /// A short-syntax entry split into its parts.
    public struct Short: Hashable, Sendable {
        /// The host path or volume name; nil for an anonymous volume (`/data`).
        public var source: String?
        public var target: String
        /// Mode options (`ro`, `rw`, `z`, `Z`, `shared`, `rslave`, `nocopy`, …).
        public var options: [String]

        public var readOnly: Bool { options.contains("ro") }
    }

    /// What a volume source names.
    public enum SourceKind: Hashable, Sendable {
        /// An absolute host path, `~/…`, or a path led by a variable left unresolved.
        case hostPath
        /// A path relative to the project folder (`./docker.sock`, `../x`): never a host socket.
        case projectPath
        /// A named volume (declared under the top-level `volumes:`).
        case named
    }

    static let modeWords: Set<String> = [
        "ro", "rw", "z", "Z", "shared", "rshared", "slave", "rslave", "private", "rprivate", "nocopy", "copy",
        "cached", "delegated", "consistent",
    ]

    /// Splits `SRC:DST[:MODE]` (already interpolated). A lone path is an anonymous volume.
    public static func parseShort(_ text: String) -> Short {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            return Short(source: nil, target: parts[0], options: [])
        case 2:
            return Short(source: parts[0], target: parts[1], options: [])
        default:
            let last = parts[parts.count - 1]
            let options = last.split(separator: ",").map(String.init)
            if !options.isEmpty, options.allSatisfy({ modeWords.contains($0) }) {
                return Short(source: parts[0], target: parts[1..<(parts.count - 1)].joined(separator: ":"), options: options)
            }
            return Short(source: parts[0], target: parts[1...].joined(separator: ":"), options: [])
        }
    }

    public static func kind(of source: String) -> SourceKind {
        if source.hasPrefix("/") || source.hasPrefix("~") || source.hasPrefix("$") { return .hostPath }
        if source.hasPrefix(".") || source.contains("/") { return .projectPath }
        return .named
    }
}
