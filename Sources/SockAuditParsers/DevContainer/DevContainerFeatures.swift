/// Well-known dev container features and the container settings they add by themselves, read from
/// each feature's own `devcontainer-feature.json` (its `mounts`, `privileged` and `securityOpt`).
/// A feature not in this table adds nothing we can know without fetching it.
public struct DevContainerFeature: Sendable {
    /// The feature's id without registry path or version (`docker-outside-of-docker`).
    public var id: String
    /// The published references that name it: the OCI reference without its tag, and legacy bare ids.
    public var references: [String]
    /// A host path the feature bind-mounts, and where.
    public var mount: (source: String, target: String)?
    public var privileged: Bool
    /// `securityOpt` entries the feature adds.
    public var securityOptions: [String]
    /// What the feature does, for the finding's message.
    public var does: String
    /// Where the behaviour is defined.
    public var source: String
}

public enum DevContainerFeatures {
    public static let table: [DevContainerFeature] = [
        DevContainerFeature(
            id: "docker-outside-of-docker",
            references: [
                "ghcr.io/devcontainers/features/docker-outside-of-docker",
                // published under this id before it was renamed (the feature's `legacyIds`)
                "ghcr.io/devcontainers/features/docker-from-docker", "docker-from-docker",
            ],
            mount: ("/var/run/docker.sock", "/var/run/docker-host.sock"), privileged: false,
            securityOptions: ["label=disable"],
            does: "which bind-mounts the host's Docker socket",
            source: "https://github.com/devcontainers/features/blob/main/src/docker-outside-of-docker/devcontainer-feature.json"),
        DevContainerFeature(
            id: "docker-in-docker",
            references: ["ghcr.io/devcontainers/features/docker-in-docker", "docker-in-docker"],
            mount: nil, privileged: true, securityOptions: [],
            does: "which runs the dev container privileged for the dockerd inside it",
            source: "https://github.com/devcontainers/features/blob/main/src/docker-in-docker/devcontainer-feature.json"),
        // Published outside the devcontainers organisation, with the same settings in their own files.
        DevContainerFeature(
            id: "docker-outside-of-docker",
            references: ["ghcr.io/bartventer/arch-devcontainer-features/docker-outside-of-docker"],
            mount: ("/var/run/docker.sock", "/var/run/docker-host.sock"), privileged: false, securityOptions: [],
            does: "which bind-mounts the host's Docker socket",
            source: "https://github.com/bartventer/arch-devcontainer-features/blob/main/src/docker-outside-of-docker/devcontainer-feature.json"),
        DevContainerFeature(
            id: "docker-in-docker",
            references: ["ghcr.io/bartventer/arch-devcontainer-features/docker-in-docker"],
            mount: nil, privileged: true, securityOptions: [],
            does: "which runs the dev container privileged for the dockerd inside it",
            source: "https://github.com/bartventer/arch-devcontainer-features/blob/main/src/docker-in-docker/devcontainer-feature.json"),
        DevContainerFeature(
            id: "docker-out",
            references: ["ghcr.io/postfinance/devcontainer-features/docker-out"],
            mount: ("/var/run/docker.sock", "/var/run/docker.sock"), privileged: false, securityOptions: [],
            does: "which bind-mounts the host's Docker socket",
            source: "https://github.com/postfinance/devcontainer-features/blob/main/features/src/docker-out/devcontainer-feature.json"),
    ]

    /// The table's feature a `features` key names: `ghcr.io/devcontainers/features/docker-in-docker:2`,
    /// `…@sha256:…`, or a legacy bare id. Registry host and path compare case-insensitively.
    public static func feature(named reference: String) -> DevContainerFeature? {
        var name = reference.lowercased()
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        // a tag follows the last `:` after the last `/` (a registry port comes before a `/`)
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = String(name[..<colon]) }
        return table.first { $0.references.contains(name) }
    }
}
