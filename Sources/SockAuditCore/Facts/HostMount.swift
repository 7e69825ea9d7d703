/// The host side of a mount into a container: a host source path and how the input wrote it.
public struct HostMount: Hashable, Sendable {
    /// The host path as written after interpolation (`/var/run/docker.sock`, `${SOCK}/docker.sock`).
    public var source: String
    /// Where it appears inside the container, if known.
    public var target: String?
    public var readOnly: Bool
    /// The line and column of the value that names the host source.
    public var location: SourceLocation
    /// How the input expresses the mount, for messages: `hostPath volume "sock"`, `-v`, `volumes:`.
    public var spelling: String

    public init(source: String, target: String?, readOnly: Bool, location: SourceLocation, spelling: String) {
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.location = location
        self.spelling = spelling
    }
}
