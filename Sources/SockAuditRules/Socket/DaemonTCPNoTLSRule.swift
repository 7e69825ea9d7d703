import SockAuditCore

/// SA102: the daemon listens on TCP without TLS.
public struct DaemonTCPNoTLSRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA102", slug: "daemon-tcp-no-tls", severity: .critical,
        summary: "The Docker daemon listens on TCP without TLS.",
        rationale: """
            A daemon on plain TCP answers anyone who can reach the port with full control of the host: no \
            password, no certificate. Scanners find open 2375 ports within minutes of them appearing on a \
            network, and even on loopback every local process and every host-network container reaches it.
            """,
        remediation: """
            Listen on the unix socket only; if remote access is needed, use mutual TLS (tlsverify with a CA, \
            server certificate and key) on 2376, or SSH (DOCKER_HOST=ssh://user@host).
            """,
        references: [.cisDocker("2.7", benchmark: "1.6.0"), .cisDocker("2.8", benchmark: "1.8.0"),
                     .url("https://docs.docker.com/engine/security/protect-access/")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("dind.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: builder}
                spec:
                  template:
                    spec:
                      containers:
                      - name: dind
                        image: docker:27-dind
                        securityContext: {privileged: true}
                        env:
                        - name: DOCKER_TLS_CERTDIR
                          value: ↓""
                      - name: daemon
                        image: example/dockerd:1
                        command: ["dockerd", ↓"-H", "tcp://0.0.0.0:2375", "--tls=false"]
                """),
            Example("daemon.json", """
                {
                  ↓"hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],
                  "live-restore": true
                }
                """),
            Example("etc/docker/daemon.json", """
                {
                  ↓"hosts": ["fd://", "127.0.0.1:2375"],
                  "tls": false
                }
                """),
            Example("compose.yaml", """
                services:
                  docker:
                    image: docker:27-dind
                    privileged: true
                    environment:
                      DOCKER_TLS_CERTDIR: ↓""
                  dind2:
                    image: docker:dind
                    privileged: true
                    command: [↓"--host=tcp://0.0.0.0:2375", "--tls=false"]
                  dind3:
                    image: example/builder
                    privileged: true
                    command: dockerd --host=unix:///var/run/docker.sock ↓--host=tcp://0.0.0.0:2375
                """),
            Example("start-daemon.sh", #"""
                #!/usr/bin/env bash
                dockerd ↓-H tcp://0.0.0.0:2375 -H unix:///var/run/docker.sock &
                docker run -d --privileged ↓-e DOCKER_TLS_CERTDIR= docker:27-dind
                """#),
            Example("docker.service", #"""
                [Service]
                ExecStart=
                ExecStart=/usr/bin/dockerd -H fd:// \
                    ↓--host tcp://0.0.0.0:2375
                """#),
            Example("docker.socket", #"""
                [Socket]
                ListenStream=/var/run/docker.sock
                ListenStream=↓2375
                """#),
            Example("Makefile", #"""
                daemon:
                \#tdockerd ↓-H tcp://127.0.0.1:2375 &
                """#),
            Example(".gitlab-ci.yml", #"""
                variables:
                  DOCKER_TLS_CERTDIR: ↓""
                build:
                  services:
                    - docker:27-dind
                  script:
                    - docker build .
                """#),
            Example(".github/workflows/build.yml", #"""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    services:
                      docker:
                        image: docker:dind
                        options: --privileged
                        env:
                          DOCKER_TLS_CERTDIR: ↓""
                    steps:
                      - run: docker build .
                """#),
            Example("etc/default/docker", #"""
                # Docker Upstart and SysVinit configuration file
                #DOCKER_OPTS="--dns 8.8.8.8 -H tcp://0.0.0.0:2375"
                DOCKER_OPTS="--dns 8.8.8.8 ↓-H tcp://0.0.0.0:2375"
                """#),
            Example("dockerd-entrypoint.sh", #"""
                #!/bin/sh
                set -eu
                if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
                	if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
                		set -- dockerd                 			--host=unix:///var/run/docker.sock                 			--host=tcp://0.0.0.0:2376                 			--tlsverify                 			--tlscacert "$DOCKER_TLS_CERTDIR/server/ca.pem"                 			"$@"
                	else
                		set -- dockerd                 			--host=unix:///var/run/docker.sock                 			↓--host=tcp://0.0.0.0:2375                 			"$@"
                	fi
                fi
                exec "$@"
                """#),
            // The whole shape of the official image's entrypoint: the socket in a variable with
            // several possible values, then an `if` that rewraps `"$@"` for anything not dockerd.
            Example("dind/dockerd-entrypoint.sh", #"""
                #!/bin/sh
                set -eu
                if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
                	uid="$(id -u)"
                	if [ "$uid" = '0' ]; then
                		dockerSocket='unix:///var/run/docker.sock'
                	else
                		: "${XDG_RUNTIME_DIR:=/run/user/$uid}"
                		dockerSocket="unix://$XDG_RUNTIME_DIR/docker.sock"
                	fi
                	case "${DOCKER_HOST:-}" in
                		unix://*)
                			dockerSocket="$DOCKER_HOST"
                			;;
                	esac
                	if [ -n "${DOCKER_TLS_CERTDIR:-}" ] && [ -s "$DOCKER_TLS_CERTDIR/server/key.pem" ]; then
                		set -- dockerd                 			--host="$dockerSocket"                 			--host=tcp://0.0.0.0:2376                 			--tlsverify                 			"$@"
                	else
                		set -- dockerd                 			--host="$dockerSocket"                 			↓--host=tcp://0.0.0.0:2375                 			"$@"
                	fi
                fi
                if [ "$1" = 'dockerd' ]; then
                	find /run /var/run -iname 'docker*.pid' -delete || :
                	if [ "$(id -u)" != '0' ]; then
                		exec rootlesskit --net=vpnkit --disable-host-loopback "$@"
                	elif [ -x '/usr/local/bin/dind' ]; then
                		set -- '/usr/local/bin/dind' "$@"
                	fi
                else
                	set -- docker-entrypoint.sh "$@"
                fi
                exec "$@"
                """#),
            Example("start-dind.bash", #"""
                #!/usr/bin/env bash
                args=(dockerd --host=unix:///var/run/docker.sock)
                if [[ "${EXPOSE_TCP:-}" == 1 ]]; then
                  args+=(↓--host=tcp://0.0.0.0:2375)
                fi
                exec "${args[@]}"
                """#),
            Example("Dockerfile", #"""
                FROM docker:27-dind
                ENTRYPOINT ["dockerd", ↓"--host=tcp://0.0.0.0:2375", "--tls=false"]

                FROM docker:27-dind AS shell-form
                CMD dockerd --host=unix:///var/run/docker.sock ↓--host=tcp://0.0.0.0:2375

                FROM docker:27-dind AS split
                ENTRYPOINT ["dockerd"]
                CMD [↓"-H", "tcp://0.0.0.0:2375"]
                """#),
            Example("Dockerfile_dind", #"""
                FROM docker:27-dind
                ENTRYPOINT ["sh", "-c", "exec dockerd ↓--host=tcp://0.0.0.0:2375"]
                """#),
        ] + InputExamples.firing("SA102"),
        silentExamples: [
            Example("dind.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  env:
                  - {name: DOCKER_TLS_CERTDIR, value: /certs}
                - name: mtls
                  image: example/dockerd:1
                  command: [dockerd, --tlsverify, --tlscacert=/certs/ca.pem, -H=tcp://0.0.0.0:2376]
                - name: local
                  image: example/dockerd:1
                  args: [dockerd, -H, unix:///var/run/docker.sock]
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
            Example("daemon.json", """
                {"hosts": ["unix:///var/run/docker.sock"], "icc": false}
                """),
            Example("compose.yaml", """
                services:
                  docker:
                    image: docker:27-dind
                    privileged: true
                    environment:
                      DOCKER_TLS_CERTDIR: /certs
                  default:
                    image: docker:dind
                    privileged: true
                  cli:
                    image: docker:27-cli
                    environment:
                      - DOCKER_TLS_CERTDIR=
                    labels:
                      note: "dockerd --host=tcp://0.0.0.0:2375"
                """),
            Example("start-daemon.sh", #"""
                #!/bin/sh
                dockerd --tlsverify --tlscacert=/certs/ca.pem -H tcp://0.0.0.0:2376 &
                dockerd -H unix:///var/run/docker.sock
                docker run -d --privileged docker:27-dind
                dockerd-rootless-setuptool.sh install
                echo dockerd -H tcp://0.0.0.0:2375
                """#),
            Example("docker.socket", #"""
                [Socket]
                ListenStream=/run/docker.sock
                SocketMode=0660
                """#),
            Example(".gitlab-ci.yml", #"""
                variables:
                  DOCKER_TLS_CERTDIR: "/certs"
                build:
                  services:
                    - docker:27-dind
                  script:
                    - docker build .
                """#),
            Example("Dockerfile-dind", #"""
                FROM docker:27-dind
                ENTRYPOINT ["dockerd", "--host=tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/ca.pem"]
                CMD ["--tlscert=/certs/server.pem", "--tlskey=/certs/server-key.pem"]
                # CMD dockerd --host=tcp://0.0.0.0:2375
                FROM alpine
                CMD ["echo", "dockerd --host=tcp://0.0.0.0:2375"]
                """#),
            Example("dockerd-entrypoint.sh", #"""
                #!/bin/sh
                if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
                  set -- dockerd --host=tcp://0.0.0.0:2376 --tlsverify "$@"
                else
                  set -- dockerd --host=unix:///var/run/docker.sock "$@"
                fi
                exec "$@"
                """#),
            Example("etc/sysconfig/docker", #"""
                # OPTIONS="-H tcp://0.0.0.0:2375"
                OPTIONS="--selinux-enabled --log-driver=journald -H unix:///var/run/docker.sock"
                """#),
        ] + InputExamples.silent("SA102"))

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.flatMap { daemon -> [Finding] in
            let encrypted = daemon.tls?.value == true || daemon.tlsVerify?.value == true
            guard !encrypted else { return [] }
            return daemon.hosts.compactMap { host in
                guard let address = DaemonAddress.tcpHost(host.value) else { return nil }
                let reach = Address.isLoopback(address)
                    ? "every local process and host-network container"
                    : "anyone who reaches the port"
                return Self.description.finding(
                    at: host.location,
                    "\(daemon.subject) listens on \(host.value) without TLS (\(host.spelling)): \(reach) controls the daemon, which is root on the host",
                    subject: daemon.subject, evidence: host.value, written: host.spelling)
            }
        }
    }
}
