/// The input-neutral facts gathered from one or more files. Adapters fill it; rules read it.
public struct Facts: Sendable {
    public var containers: [ContainerSpec] = []
    public var daemons: [DaemonConfig] = []
    public var clients: [ClientEndpoint] = []
    public var socketForwards: [SocketForward] = []
    public var unscannable: [UnscannableFile] = []
    /// `sockaudit:ignore` directives found in the scanned files.
    public var directives: [SuppressionDirective] = []
    /// Files carried inside the scanned input, to be scanned in their own right.
    public var embeddedFiles: [EmbeddedFile] = []
    /// Live-host audits (`sockaudit host`, or a saved snapshot scanned later).
    public var hosts: [HostSnapshot] = []

    public init(
        containers: [ContainerSpec] = [], daemons: [DaemonConfig] = [], clients: [ClientEndpoint] = [],
        socketForwards: [SocketForward] = [], unscannable: [UnscannableFile] = []
    ) {
        self.containers = containers
        self.daemons = daemons
        self.clients = clients
        self.socketForwards = socketForwards
        self.unscannable = unscannable
    }

    public mutating func merge(_ other: Facts) {
        containers += other.containers
        daemons += other.daemons
        clients += other.clients
        socketForwards += other.socketForwards
        unscannable += other.unscannable
        directives += other.directives
        embeddedFiles += other.embeddedFiles
        hosts += other.hosts
    }
}
