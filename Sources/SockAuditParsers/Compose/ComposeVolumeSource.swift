/// How Compose classifies a volume source (the entry itself is split by `VolumeSpec`).
public enum ComposeVolumeSource {
    public enum Kind: Hashable, Sendable {
        /// An absolute host path, `~/…`, or a path led by a variable left unresolved.
        case hostPath
        /// A path relative to the project folder (`./docker.sock`, `../x`, `sub/x`): never a host socket.
        case projectPath
        /// A named volume (declared under the top-level `volumes:`).
        case named
    }

    public static func kind(of source: String) -> Kind {
        // A path led by a template expression the scan does not render (a Jinja or Go template of
        // a Compose file) is led by a value, like `${VAR}/x`; `{{ app }}_data` alone names a volume.
        if source.hasPrefix("{{"), source.contains("/") { return .hostPath }
        return switch VolumeSpec.kind(of: source) {
        case .absolute, .home, .variable: .hostPath
        case .relative, .otherPath: .projectPath
        case .named: .named
        }
    }
}
