/// A Docker client pointed at a daemon address (`DOCKER_HOST=tcp://…`, `docker -H tcp://…`).
public struct ClientEndpoint: Hashable, Sendable {
    /// The address as written, located at the value.
    public var address: Setting<String>
    /// Whether the client verifies the daemon over TLS (`DOCKER_TLS_VERIFY=1`, `--tlsverify`, `--tls`).
    public var usesTLS: Bool
    /// What is pointed at the daemon, for messages: `service "ci"`, `script line`.
    public var subject: String

    public init(address: Setting<String>, usesTLS: Bool, subject: String) {
        self.address = address
        self.usesTLS = usesTLS
        self.subject = subject
    }
}
