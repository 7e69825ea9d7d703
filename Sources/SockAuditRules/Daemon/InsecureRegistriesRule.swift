import SockAuditCore

/// SA206: insecure registries beyond loopback.
public struct InsecureRegistriesRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA206", slug: "insecure-registries", severity: .medium,
        summary: "The Docker daemon pulls from registries over plain HTTP or unverified TLS.",
        rationale: """
            An insecure registry is reached without certificate checks, so anyone on the path can serve the \
            daemon a different image: code that then runs with whatever privileges the container gets. A CIDR \
            such as 10.0.0.0/8 makes every registry in that range insecure.
            """,
        remediation: """
            Remove the entry from insecure-registries and give the registry a certificate the daemon trusts \
            (/etc/docker/certs.d/HOST:PORT/ca.crt); only loopback registries may stay insecure.
            """,
        references: DaemonSupport.cis(v160: "2.5", v180: "2.5")
            + [.url("https://docs.docker.com/reference/cli/dockerd/#insecure-registries")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                {
                  ↓"insecure-registries": ["registry.internal:5000", "10.0.0.0/8", "localhost:5000"]
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--insecure-registry=registry.ci.svc:5000, --insecure-registry, 127.0.0.1:5000]
                """)),
        ] + DaemonSupport.flagExamples("↓--insecure-registry=registry.example.com:5000"),
        silentExamples: [
            Example("daemon.json", """
                {
                  "insecure-registries": ["localhost:5000", "127.0.0.0/8", "[::1]:5000"]
                }
                """),
        ] + DaemonSupport.flagExamples("--insecure-registry=127.0.0.1:5000", pod: true))

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.flatMap { daemon in
            daemon.insecureRegistries.compactMap { registry -> Finding? in
                guard !Self.isLoopback(registry.value) else { return nil }
                return Self.description.finding(
                    at: registry.location,
                    "\(daemon.subject) trusts \(registry.value) as an insecure registry (\(registry.spelling)): images from it can be swapped in transit",
                    subject: daemon.subject, evidence: registry.value)
            }
        }
    }

    /// `localhost:5000`, `127.0.0.1`, `[::1]:5000`, `127.0.0.0/8`, `::1/128`, with or without a scheme.
    static func isLoopback(_ raw: String) -> Bool {
        var value = raw.lowercased()
        for scheme in ["http://", "https://"] where value.hasPrefix(scheme) { value = String(value.dropFirst(scheme.count)) }
        if let slash = value.firstIndex(of: "/") {
            // A CIDR: loopback only when the whole range is (127.0.0.0/8 or narrower, ::1/128).
            let address = String(value[..<slash])
            let prefix = Int(value[value.index(after: slash)...]) ?? -1
            if address.contains(":") { return address == "::1" && prefix == 128 }
            return address.hasPrefix("127.") && prefix >= 8
        }
        var host = value
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            host = String(host[..<colon])
        }
        return Address.isLoopback(host)
    }
}
