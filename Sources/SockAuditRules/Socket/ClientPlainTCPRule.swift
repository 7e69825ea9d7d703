import SockAuditCore

/// SA104: a client is pointed at a daemon over plain TCP.
public struct ClientPlainTCPRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA104", slug: "client-plain-tcp", severity: .low,
        summary: "A Docker client is pointed at a daemon over plain TCP.",
        rationale: """
            A client that talks to tcp:// without TLS means a daemon somewhere accepts plain TCP (SA102 on \
            that daemon), and the commands and credentials it sends cross the network in clear text.
            """,
        remediation: """
            Point the client at a TLS endpoint with DOCKER_TLS_VERIFY=1 and client certificates, or use \
            ssh://user@host, or the local unix socket.
            """,
        references: [.cisDocker("2.7", benchmark: "1.6.0"), .cisDocker("2.8", benchmark: "1.8.0")],
        inputs: [.commandLine, .compose, .kubernetes, .infrastructure],
        firingExamples: [
            Example("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: build}
                spec:
                  template:
                    spec:
                      containers:
                      - name: build
                        image: docker:27-cli
                        env:
                        - name: DOCKER_HOST
                          value: ↓tcp://docker-daemon:2375
                """),
            Example("compose.yaml", """
                services:
                  build:
                    image: docker:27-cli
                    environment:
                      - ↓DOCKER_HOST=tcp://docker:2375
                  deploy:
                    image: example/deployer
                    environment:
                      DOCKER_HOST: ↓${DOCKER_HOST:-tcp://10.0.0.5:2375}
                """),
            Example("deploy.sh", #"""
                #!/bin/sh
                export ↓DOCKER_HOST=tcp://build-host:2375
                docker ↓-H tcp://10.0.0.7:2375 ps
                ↓DOCKER_HOST=tcp://10.0.0.8:2375 docker compose up -d
                """#),
            Example(".gitlab-ci.yml", #"""
                variables:
                  DOCKER_HOST: ↓tcp://docker:2375
                build:
                  script:
                    - docker build .
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    env:
                      DOCKER_HOST: ↓tcp://dind:2375
                    steps:
                      - run: docker build .
                """#),
            Example("Dockerfile", #"""
                FROM docker:27-cli
                ENV ↓DOCKER_HOST=tcp://docker:2375
                """#),
            Example("Jenkinsfile", #"""
                node {
                  sh 'docker ↓--host=tcp://10.1.1.1:2375 info'
                }
                """#),
            Example("ci/templates/docker.yml", #"""
                .docker:
                  image: docker:27
                  variables:
                    DOCKER_HOST: ↓tcp://docker:2375
                  script:
                    - docker build .
                """#),
            Example(".envrc", #"""
                export ↓DOCKER_HOST=tcp://192.168.1.20:2375
                """#),
        ] + InputExamples.firing("SA104"),
        silentExamples: [
            Example("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: build}
                spec:
                  template:
                    spec:
                      containers:
                      - name: tls
                        image: docker:27-cli
                        env:
                        - {name: DOCKER_HOST, value: "tcp://docker-daemon:2376"}
                        - {name: DOCKER_TLS_VERIFY, value: "1"}
                      - name: ssh
                        image: docker:27-cli
                        env:
                        - {name: DOCKER_HOST, value: "ssh://deploy@build-host"}
                """),
            Example("compose.yaml", """
                services:
                  tls:
                    image: docker:27-cli
                    environment:
                      DOCKER_HOST: tcp://docker:2376
                      DOCKER_TLS_VERIFY: "1"
                  local:
                    image: docker:27-cli
                    environment:
                      - DOCKER_HOST=unix:///var/run/docker.sock
                    labels:
                      - DOCKER_HOST=tcp://docker:2375
                  fromshell:
                    image: docker:27-cli
                    environment:
                      - DOCKER_HOST
                """),
            Example("deploy.sh", #"""
                #!/bin/sh
                docker --tlsverify -H tcp://10.0.0.7:2376 ps
                docker -H ssh://deploy@build-host ps
                DOCKER_HOST=unix:///var/run/docker.sock docker ps
                echo "DOCKER_HOST=tcp://build-host:2375"
                # export DOCKER_HOST=tcp://old-host:2375
                """#),
            Example("tls.sh", #"""
                #!/bin/sh
                export DOCKER_HOST=tcp://build-host:2376
                export DOCKER_TLS_VERIFY=1
                docker ps
                """#),
            Example(".gitlab-ci.yml", #"""
                variables:
                  DOCKER_HOST: tcp://docker:2376
                  DOCKER_TLS_CERTDIR: "/certs"
                build:
                  services: [docker:27-dind]
                  script:
                    - docker build .
                """#),
        ] + InputExamples.silent("SA104"))

    public func check(_ facts: Facts) -> [Finding] {
        facts.clients.compactMap { client in
            guard !client.usesTLS, client.address.value.lowercased().hasPrefix("tcp://") else { return nil }
            return Self.description.finding(
                at: client.address.location,
                "\(client.subject) talks to the Docker daemon over plain TCP (\(client.address.spelling))",
                subject: client.subject, evidence: client.address.value, written: client.address.spelling)
        }
    }
}
