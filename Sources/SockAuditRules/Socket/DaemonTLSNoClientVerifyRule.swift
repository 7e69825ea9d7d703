import SockAuditCore

/// SA103: TLS without client certificate verification.
public struct DaemonTLSNoClientVerifyRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA103", slug: "daemon-tls-no-client-verify", severity: .high,
        summary: "The Docker daemon serves TCP over TLS but does not verify client certificates.",
        rationale: """
            TLS without tlsverify encrypts the connection but lets any client in: whoever reaches the port \
            controls the daemon, exactly as on plain TCP.
            """,
        remediation: """
            Turn on tlsverify with a CA that signs only your clients' certificates (tlscacert), or listen on \
            the unix socket only.
            """,
        references: [.cisDocker("2.7", benchmark: "1.6.0"), .cisDocker("2.8", benchmark: "1.8.0"),
                     .url("https://docs.docker.com/engine/security/protect-access/")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(name: "remote-docker", spec: """
                containers:
                - name: daemon
                  image: example/dockerd:1
                  command: [dockerd, --tls, --tlscert=/certs/cert.pem, --tlskey=/certs/key.pem, ↓--host=tcp://0.0.0.0:2376]
                - name: explicit-off
                  image: example/dockerd:1
                  command: [dockerd, --tls, ↓--tlsverify=false, -H, tcp://0.0.0.0:2376]
                """)),
            Example("daemon.json", """
                {
                  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
                  "tls": true,
                  ↓"tlsverify": false,
                  "tlscert": "/etc/docker/tls/server-cert.pem",
                  "tlskey": "/etc/docker/tls/server-key.pem"
                }
                """),
            Example("etc/docker/daemon.json", """
                {
                  "tls": true,
                  ↓"hosts": ["tcp://10.0.0.5:2376"]
                }
                """),
            Example("start-daemon.sh", #"""
                #!/bin/sh
                dockerd --tls --tlscert=/certs/server.pem --tlskey=/certs/key.pem ↓-H tcp://0.0.0.0:2376
                """#),
            Example("docker.service", #"""
                [Service]
                ExecStart=/usr/bin/dockerd --tls ↓--tlsverify=false -H tcp://0.0.0.0:2376
                """#),
                        Example("compose.yaml", """
                services:
                  remote:
                    image: example/dockerd:1
                    command: [dockerd, --tls, ↓--tlsverify=false, -H, tcp://0.0.0.0:2376]
                """),
        ],
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(name: "remote-docker", spec: """
                containers:
                - name: daemon
                  image: example/dockerd:1
                  command: [dockerd, --tlsverify, --tlscacert=/certs/ca.pem, --host=tcp://0.0.0.0:2376]
                """)),
            Example("daemon.json", """
                {
                  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
                  "tls": true,
                  "tlsverify": true,
                  "tlscacert": "/etc/docker/tls/ca.pem",
                  "tlscert": "/etc/docker/tls/server-cert.pem",
                  "tlskey": "/etc/docker/tls/server-key.pem"
                }
                """),
            Example("start-daemon.sh", #"""
                #!/bin/sh
                dockerd --tlsverify --tlscacert=/certs/ca.pem --tlscert=/certs/server.pem --tlskey=/certs/key.pem -H tcp://0.0.0.0:2376
                dockerd --tls -H unix:///var/run/docker.sock
                """#),
            Example("compose.yaml", """
                services:
                  remote:
                    image: example/dockerd:1
                    command: [dockerd, --tlsverify, --tlscacert=/certs/ca.pem, -H, tcp://0.0.0.0:2376]
                """),
        ])

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.flatMap { daemon -> [Finding] in
            guard daemon.tls?.value == true, daemon.tlsVerify?.value != true else { return [] }
            return daemon.hosts.compactMap { host in
                guard DaemonAddress.tcpHost(host.value) != nil else { return nil }
                let location = daemon.tlsVerify?.location ?? host.location
                let why = daemon.tlsVerify.map { "(\($0.spelling))" } ?? "(no tlsverify)"
                return Self.description.finding(
                    at: location,
                    "\(daemon.subject) serves \(host.value) over TLS without verifying client certificates \(why): any client that reaches it controls the daemon",
                    subject: daemon.subject, evidence: host.value)
            }
        }
    }
}
