import SockAuditCore

/// SA602: the daemon's data root shares the root filesystem.
public struct DataRootSharedFsRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA602", slug: "data-root-shared-fs", severity: .low,
        summary: "The daemon's data root is on the same filesystem as /.",
        rationale: """
            Images, container layers, volumes and logs grow under the data root. On the root filesystem, one \
            container writing without bound (or a pull of large images) fills / and takes down the host's \
            own services, logging and sshd with it; a separate filesystem keeps that failure inside Docker.
            """,
        remediation: """
            Put the data root (/var/lib/docker, or the daemon's data-root) on its own partition or logical \
            volume, mounted before the daemon starts.
            """,
        references: [.cisDocker("1.1.1", benchmark: "1.6.0"), .cisDocker("1.1.1", benchmark: "1.8.0")],
        inputs: [.host],
        firingExamples: [
            Example("shared.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "dataRoot": {"path": "/var/lib/docker", ↓"mountPoint": "/", "source": "/proc/self/mountinfo"}
                }
                """),
            Example("unknown.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/mnt/image",
                  "dataRoot": {↓"path": "/var/lib/docker", "source": "/etc/fstab"}
                }
                """),
        ],
        silentExamples: [
            Example("own.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "dataRoot": {"path": "/var/lib/docker", "mountPoint": "/var/lib/docker", "source": "/proc/self/mountinfo"}
                }
                """),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.hosts.compactMap { host -> Finding? in
            guard let dataRoot = host.dataRoot else { return nil }
            let path = dataRoot.path.value
            guard let mountPoint = dataRoot.mountPoint else {
                var finding = Self.description.finding(
                    at: dataRoot.path.location,
                    "data root: the filesystem holding \(path) could not be determined from \(dataRoot.source); check that it is not on /",
                    subject: "data root", evidence: "unknown")
                finding.severity = .info
                return finding
            }
            guard mountPoint.value == "/" else { return nil }
            return Self.description.finding(
                at: mountPoint.location,
                "data root: \(path) is on the root filesystem (mount point /, from \(dataRoot.source)): a container or image that fills it fills /",
                subject: "data root", evidence: path)
        }
    }
}
