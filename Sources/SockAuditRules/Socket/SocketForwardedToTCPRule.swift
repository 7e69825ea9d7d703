import SockAuditCore

/// SA107: a runtime socket re-exposed on TCP without TLS.
public struct SocketForwardedToTCPRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA107", slug: "socket-forwarded-to-tcp", severity: .critical,
        summary: "A runtime socket is re-exposed on a TCP port without TLS.",
        rationale: """
            socat, an SSH forward or a socket proxy that publishes its port turns the unix socket, which only \
            local root and the docker group can open, into a TCP port anyone on the network can use: the \
            same as a daemon on tcp://0.0.0.0:2375.
            """,
        remediation: """
            Bind the listener to 127.0.0.1 (socat bind=127.0.0.1, ssh -L 127.0.0.1:..., a port published on \
            127.0.0.1), keep socket proxies on an internal network without published ports, or use SSH or \
            mutual TLS for remote access.
            """,
        references: [.cisDocker("2.7", benchmark: "1.6.0"), .cisDocker("2.8", benchmark: "1.8.0")],
        inputs: [.commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("proxy.yaml", PodDocument.pod(name: "docker-api", spec: """
                containers:
                - name: proxy
                  image: example/docker-socket-proxy:1
                  ports:
                  - containerPort: 2375
                    hostPort: ↓2375
                  volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                volumes:
                - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """)),
            Example("compose.yaml", """
                services:
                  socket-proxy:
                    image: tecnativa/docker-socket-proxy:0.2
                    volumes: [/var/run/docker.sock:/var/run/docker.sock:ro]
                    ports:
                      - ↓"2375:2375"
                      - target: 2375
                        published: ↓2376
                """),
            Example("expose.sh", #"""
                #!/bin/sh
                socat ↓TCP-LISTEN:2375,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock &
                socat UNIX-CLIENT:/run/containerd/containerd.sock ↓TCP4-LISTEN:5000,bind=0.0.0.0,fork
                ssh -N ↓-L 0.0.0.0:2375:/var/run/docker.sock admin@bastion
                ssh -fN ↓-R '*:2375:/var/run/docker.sock' admin@bastion
                docker run -d ↓-p 2375:2375 -v /var/run/docker.sock:/var/run/docker.sock tecnativa/docker-socket-proxy
                """#),
            Example("docker-compose.yml", #"""
                services:
                  docker-tcp:
                    image: alpine/socat:1.8
                    command: [↓"TCP-LISTEN:2375,fork,reuseaddr", "UNIX-CONNECT:/var/run/docker.sock"]
                    volumes: [/var/run/docker.sock:/var/run/docker.sock]
                  relay:
                    image: alpine:3.20
                    entrypoint: sh -c "apk add socat && exec socat ↓TCP-LISTEN:2376,fork UNIX-CONNECT:/var/run/docker.sock"
                  relay-list:
                    image: alpine:3.20
                    command:
                      - sh
                      - -c
                      - "socat ↓TCP4-LISTEN:2377,fork UNIX-CLIENT:/run/docker.sock"
                """#),
            Example("docker-api.yaml", PodDocument.workload("DaemonSet", name: "docker-api", spec: """
                containers:
                - name: socat
                  image: alpine/socat:1.8
                  args: [↓"tcp-listen:2375,fork,reuseaddr", "unix-connect:/var/run/docker.sock"]
                  volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                volumes:
                - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """)),
            Example("docker-tcp.service", #"""
                [Service]
                ExecStart=/usr/bin/socat ↓TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock
                """#),
        ] + InputExamples.firing("SA107"),
        silentExamples: [
            Example("proxy.yaml", PodDocument.pod(name: "docker-api", spec: """
                containers:
                - name: proxy
                  image: example/docker-socket-proxy:1
                  ports:
                  - {containerPort: 2375, hostPort: 2375, hostIP: 127.0.0.1}
                  - {containerPort: 2375}
                  volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                - name: web
                  image: example/web
                  ports: [{containerPort: 80, hostPort: 80}]
                volumes:
                - {name: sock, hostPath: {path: /var/run/docker.sock}}
                """)),
            Example("compose.yaml", """
                services:
                  socket-proxy:
                    image: lscr.io/linuxserver/socket-proxy:latest
                    volumes: [/var/run/docker.sock:/var/run/docker.sock:ro]
                    ports:
                      - "127.0.0.1:2375:2375"
                      - {target: 2375, published: 2376, host_ip: 127.0.0.1}
                    expose: [2375]
                  web:
                    image: nginx
                    ports: ["80:80"]
                """),
            Example("expose.sh", #"""
                #!/bin/sh
                socat TCP-LISTEN:2375,bind=127.0.0.1,fork UNIX-CONNECT:/var/run/docker.sock
                socat UNIX-LISTEN:/tmp/docker.sock,fork TCP:remote:2376
                socat TCP-LISTEN:8080,fork TCP:backend:80
                ssh -N -L 2375:/var/run/docker.sock admin@bastion
                ssh -N -L localhost:2375:/var/run/docker.sock admin@bastion
                echo socat TCP-LISTEN:2375 UNIX-CONNECT:/var/run/docker.sock
                docker run -d -p 127.0.0.1:2375:2375 -v /var/run/docker.sock:/var/run/docker.sock tecnativa/docker-socket-proxy
                """#),
            Example("docker-compose.yml", #"""
                services:
                  local-relay:
                    image: alpine/socat:1.8
                    command: ["TCP-LISTEN:2375,bind=127.0.0.1,fork", "UNIX-CONNECT:/var/run/docker.sock"]
                  web:
                    image: nginx
                    command: sh -c "echo socat TCP-LISTEN:2375 UNIX-CONNECT:/var/run/docker.sock && nginx -g 'daemon off;'"
                  tunnel:
                    image: alpine/socat:1.8
                    command: TCP-LISTEN:8080,fork TCP:backend:80
                  idle:
                    image: alpine/socat
                """#),
        ] + InputExamples.silent("SA107"))

    public func check(_ facts: Facts) -> [Finding] {
        var findings: [Finding] = []
        for forward in facts.socketForwards {
            if let bind = forward.bindAddress, Address.isLoopback(bind) { continue }
            let where_ = forward.bindAddress.map { "on \($0)" } ?? "on every interface"
            findings.append(Self.description.finding(
                at: forward.listener.location,
                "\(forward.tool) relays \(forward.socket) to TCP \(where_) (\(forward.listener.spelling)) without TLS: anyone who reaches the port controls the daemon",
                subject: forward.tool, evidence: forward.listener.value, written: forward.listener.spelling))
        }
        for container in facts.containers where SocketProxy.isProxy(container) {
            for port in container.publishedPorts where !port.value.isLoopbackOnly {
                let host = port.value.hostIP ?? "every interface"
                findings.append(Self.description.finding(
                    at: port.location,
                    "socket proxy \(container.subject) publishes its API on \(host) (\(port.spelling)): anyone who reaches the port talks to the daemon through it",
                    subject: container.subject, evidence: port.value.hostPort ?? port.value.containerPort, written: port.spelling))
            }
        }
        return findings
    }
}
