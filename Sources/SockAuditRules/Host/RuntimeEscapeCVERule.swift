import SockAuditCore

/// SA601: runc, containerd, Docker Engine or the kernel is at a version with a known escape CVE.
public struct RuntimeEscapeCVERule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA601", slug: "runtime-escape-cve", severity: .critical,
        summary: "runc, containerd, Docker Engine or the kernel is at a version affected by a known container-escape CVE.",
        rationale: """
            Every container setting assumes the runtime under it keeps its promises. A runc with Leaky Vessels \
            (CVE-2024-21626) or a kernel with Dirty Pipe (CVE-2022-0847) lets an ordinary, unprivileged \
            container reach the host, whatever the compose file says. A version that cannot be read is \
            reported as unknown, never assumed safe.
            """,
        remediation: """
            Upgrade the component to the fixed version named in the finding (or the distribution package that \
            carries the fix: distributions backport, so confirm with their security advisory), then restart \
            the daemon and recreate running containers.
            """,
        references: [.cisDocker("1.2.2", benchmark: "1.6.0"), .cisDocker("1.2.2", benchmark: "1.8.0"),
                     .url("https://github.com/opencontainers/runc/security/advisories")],
        inputs: [.host],
        firingExamples: [
            Example("upstream.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "engine": {
                    "apiVersion": "1.46",
                    "version": {
                      "Version": "27.1.0",
                      "ApiVersion": "1.46",
                      ↓"KernelVersion": "6.6.14",
                      "Components": [
                        {"Name": "Engine", ↓"Version": "27.1.0"},
                        {"Name": "containerd", ↓"Version": "v1.7.28"},
                        {"Name": "runc", ↓"Version": "1.1.11"}
                      ]
                    },
                    "info": {"Plugins": {"Authorization": ["opa-docker-authz"]}}
                  }
                }
                """),
            Example("debian.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  ↓"engine": {
                    "apiVersion": "1.41",
                    "version": {
                      "Version": "20.10.24+dfsg1",
                      ↓"KernelVersion": "6.1.0-27-amd64",
                      "Components": [
                        {"Name": "Engine", ↓"Version": "20.10.24+dfsg1"},
                        {"Name": "runc", ↓"Version": "1.1.5+ds1"}
                      ]
                    }
                  }
                }
                """),
        ],
        silentExamples: [
            Example("current.sockaudit-host.json", """
                {
                  "sockauditHostSnapshot": "1.0",
                  "root": "/",
                  "engine": {
                    "apiVersion": "1.51",
                    "version": {
                      "Version": "28.5.2",
                      "KernelVersion": "6.6.15",
                      "Components": [
                        {"Name": "Engine", "Version": "28.5.2"},
                        {"Name": "containerd", "Version": "v2.1.5"},
                        {"Name": "runc", "Version": "1.4.3"}
                      ]
                    }
                  }
                }
                """),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.hosts.flatMap { host in host.components.flatMap { judge($0, on: host) } }
    }

    func judge(_ component: HostComponent, on host: HostSnapshot) -> [Finding] {
        let name = component.kind.rawValue
        let rows = EscapeCVEs.all.filter { $0.component == component.kind }
        guard let version = component.version else {
            return [unknown(component, "the \(name) version could not be read (\(component.unreadReason ?? "not reported"))")]
        }
        let reading = VersionReader.read(version.value, kernel: component.kind == .kernel)
        switch reading {
        case .unreadable:
            return [unknown(component, "the \(name) version \"\(version.value)\" could not be read as a version", at: version.location)]
        case .distributionKernel(_, let suffix):
            var finding = Self.description.finding(
                at: version.location,
                "kernel \(version.value) is a distribution kernel (\(suffix)): its number does not map to an upstream stable release, so it is not compared with the kernel escape CVEs (\(rows.map(\.id).joined(separator: ", "))); check the distribution's security advisories",
                subject: "kernel", evidence: version.value)
            finding.severity = .info
            return [finding]
        case .upstream(let upstream, let suffix):
            let packaging = suffix.map {
                " (upstream \(upstream); \($0) is the distribution's packaging, which may carry a backported fix: confirm with its advisory)"
            } ?? ""
            return rows.filter { $0.affects(upstream) }.map { row in
                let target = row.upgrade(from: upstream).map { "upgrade to \($0) or later" } ?? "upgrade to a fixed release"
                var message = "\(name) \(version.value)\(packaging) is affected by \(row.id): \(row.summary) (affected: \(row.affected)); \(target)"
                var severity = row.severity
                if row.condition == .authorizationPlugin {
                    if host.authorizationPlugins.isEmpty {
                        message += "; it matters only with an AuthZ plugin, and the daemon reports none"
                        severity = .info
                    } else {
                        message += "; the daemon runs AuthZ plugin \(host.authorizationPlugins.joined(separator: ", "))"
                    }
                }
                var finding = Self.description.finding(
                    at: version.location, message, subject: name, evidence: "\(row.id) \(version.value)")
                finding.severity = severity
                return finding
            }
        }
    }

    private func unknown(_ component: HostComponent, _ why: String, at location: SourceLocation? = nil) -> Finding {
        var finding = Self.description.finding(
            at: location ?? component.location,
            "\(why): it cannot be checked against known escape CVEs and is treated as unknown, not safe",
            subject: component.kind.rawValue, evidence: "unknown")
        finding.severity = .medium
        return finding
    }
}
