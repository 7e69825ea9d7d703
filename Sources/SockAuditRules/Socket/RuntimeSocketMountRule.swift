import SockAuditCore

/// SA101: a container can reach a container-runtime API socket on the host.
public struct RuntimeSocketMountRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA101", slug: "runtime-socket-mount", severity: .high,
        summary: "A container can reach a container-runtime API socket on the host.",
        rationale: """
            Whoever can talk to the Docker daemon (or containerd, CRI-O, Podman) API is root on the host: \
            one API call starts a privileged container that mounts the host's / and chroots into it. A \
            container that mounts the socket, or a folder that holds it, hands that to every process in it. \
            Its other restrictions (non-root user, dropped capabilities, read-only root filesystem, a \
            read-only mount) do not contain it, because connect() on a socket needs no write access to the \
            file and the new container is not bound by the old one's limits.
            """,
        remediation: """
            Remove the mount. If the workload only reads container state, put a permission-scoped socket \
            proxy in front of the daemon (read-only: no POST) and point the client at the proxy; for builds, \
            use a rootless or daemonless builder (BuildKit rootless, Buildah, Kaniko) instead of the host \
            daemon; where the mount is truly needed, suppress it with a written reason on this one workload.
            """,
        references: RuleSupport.cis("5.32") + [
            .podSecurity("Baseline: HostPath Volumes"),
            .url("https://docs.docker.com/engine/security/#docker-daemon-attack-surface"),
        ],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: RuntimeSocketMountExamples.firing + RuntimeSocketMountRealShapes.firing + InputExamples.firing("SA101"),
        silentExamples: RuntimeSocketMountExamples.silent + RuntimeSocketMountRealShapes.silent + InputExamples.silent("SA101"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        container.mounts.compactMap { mount in
            guard let exposure = HostPath.socketExposure(of: mount.source) else { return nil }
            let normalized = HostPath.normalize(mount.source)
            let what: String
            switch exposure {
            case .socket(_, let daemon):
                what = "the \(daemon) socket \(mount.source)"
            case .folder(let folder):
                what = "the runtime sockets under \(folder)"
            }
            var message = "\(container.subject) can reach \(what) through \(mount.spelling)"
            if let target = mount.target { message += " mounted at \(target)" }
            message += ": whoever controls this container is root on the host, and its other restrictions "
                + "(non-root user, dropped capabilities, read-only root) do not contain that"
            if mount.readOnly {
                message += "; the mount is read-only, which does not stop connect() on a socket"
            }
            return Self.description.finding(at: mount.location, message, subject: container.subject, evidence: normalized, written: mount.source)
        }
    }
}
