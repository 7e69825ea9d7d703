import SockAuditCore

/// SA108: a socket proxy lets its clients create or exec containers.
public struct SocketProxyWriteAccessRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA108", slug: "socket-proxy-write-access", severity: .high,
        summary: "A Docker socket proxy lets its clients create, start or exec containers.",
        rationale: """
            A socket proxy is only safer than the socket when it refuses writes. With POST enabled together \
            with a section that creates or runs code (containers, exec, services, build...), every client of \
            the proxy can start a privileged container that mounts the host: the proxy is the socket again.
            """,
        remediation: """
            Turn POST off and enable only the read-only sections the client needs (CONTAINERS=1 for listing); \
            if one client must start containers, give it its own proxy and keep that proxy off every network \
            other clients reach.
            """,
        references: RuleSupport.cis("5.32"),
        inputs: [.kubernetes, .compose, .commandLine, .infrastructure],
        firingExamples: [
            Example("proxy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: docker-proxy}
                spec:
                  template:
                    spec:
                      containers:
                      - name: proxy
                        image: ghcr.io/example/docker-socket-proxy:0.3
                        env:
                        - {name: CONTAINERS, value: "1"}
                        - name: POST
                          value: ↓"1"
                        - {name: EXEC, value: "true"}
                        volumeMounts: [{name: sock, mountPath: /var/run/docker.sock, readOnly: true}]
                      volumes:
                      - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """),
            Example("compose.yaml", """
                services:
                  dockerproxy:
                    image: ghcr.io/tecnativa/docker-socket-proxy:latest
                    environment:
                      CONTAINERS: 1
                      POST: ↓1
                      EXEC: 1
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock
                  proxy2:
                    image: lscr.io/linuxserver/socket-proxy
                    environment:
                      - ↓POST=true
                      - ALLOW_START=1
                    volumes: ["${SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro"]
                """),
            Example("proxy.sh", #"""
                #!/bin/sh
                docker run -d --name proxy -e CONTAINERS=1 ↓-e POST=1 \
                  -v /var/run/docker.sock:/var/run/docker.sock:ro tecnativa/docker-socket-proxy
                """#),
        ] + InputExamples.firing("SA108"),
        silentExamples: [
            Example("proxy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: docker-proxy}
                spec:
                  template:
                    spec:
                      containers:
                      - name: read-only-proxy
                        image: ghcr.io/example/docker-socket-proxy:0.3
                        env:
                        - {name: CONTAINERS, value: "1"}
                        - {name: POST, value: "0"}
                        volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                      - name: not-a-proxy
                        image: example/app
                        env:
                        - {name: POST, value: "1"}
                        - {name: EXEC, value: "1"}
                      volumes:
                      - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """),
            Example("compose.yaml", """
                services:
                  dockerproxy:
                    image: tecnativa/docker-socket-proxy
                    environment:
                      CONTAINERS: 1
                      POST: 0
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock:ro
                  notaproxy:
                    image: example/app
                    environment: [POST=1, EXEC=1]
                    volumes: [/var/run/docker.sock:/var/run/docker.sock]
                """),
            Example("proxy.sh", #"""
                #!/bin/sh
                docker run -d -e CONTAINERS=1 -v /var/run/docker.sock:/var/run/docker.sock:ro tecnativa/docker-socket-proxy
                docker run -d -e CONTAINERS=1 -e POST=0 -v /var/run/docker.sock:/var/run/docker.sock:ro tecnativa/docker-socket-proxy
                """#),
        ] + InputExamples.silent("SA108"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard SocketProxy.isProxy(container),
            let post = container.environmentValue("POST"), SocketProxy.isEnabled(post.value)
        else { return [] }
        let sections = SocketProxy.writeSections.filter { section in
            container.environmentValue(section).map { SocketProxy.isEnabled($0.value) } ?? false
        }
        guard !sections.isEmpty else { return [] }
        return [Self.description.finding(
            at: post.entry.location,
            "socket proxy \(container.subject) allows POST together with \(sections.joined(separator: ", ")): its clients can create or exec containers, which is root on the host",
            subject: container.subject, evidence: sections.joined(separator: ","))]
    }
}
