/// A runtime socket relayed to a TCP listener by a tool (`socat`, `ssh -L/-R`).
public struct SocketForward: Hashable, Sendable {
    /// The listening side as written (`TCP-LISTEN:2375,fork`, `0.0.0.0:2375`), located at it.
    public var listener: Setting<String>
    /// The address the listener binds, when the tool says (`127.0.0.1`, `0.0.0.0`, `*`); nil when it
    /// binds every interface by default.
    public var bindAddress: String?
    /// The socket relayed (`/var/run/docker.sock`).
    public var socket: String
    /// The tool, for messages: `socat`, `ssh -L`.
    public var tool: String

    public init(listener: Setting<String>, bindAddress: String?, socket: String, tool: String) {
        self.listener = listener
        self.bindAddress = bindAddress
        self.socket = socket
        self.tool = tool
    }
}
