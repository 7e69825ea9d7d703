import SockAuditCore

/// SA901: a file in scope could not be read or parsed.
public struct UnscannableFileRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA901", slug: "unscannable-file", severity: .high,
        summary: "A file in scope could not be read or parsed, so it was not checked.",
        rationale: """
            A scanner that skips what it cannot read reports "clean" for the files an attacker would most \
            like unchecked. Every file that could not be read or parsed is reported, at the position of the \
            problem, so "not scanned" is never mistaken for "clean".
            """,
        remediation: """
            Fix the file so it parses (the message says where and why), render templates before scanning \
            them, or exclude the path explicitly with --exclude.
            """,
        inputs: [.kubernetes, .compose, .commandLine, .daemon, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: a
                    image: [unclosed
                ↓
                """),
            Example("dup.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  securityContext:
                    privileged: false
                    ↓privileged: true
                """)),
            Example("docker-compose.yml", """
                services:
                  web:
                    image: nginx
                   ↓environment: [A=1]
                """),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    volumes:
                      - /srv:↓${TARGET
                """),
            // Refused (a duplicate key), but its outline is a Compose file: in scope.
            Example("stack.yml", """
                services:
                  agent:
                    image: portainer/agent:2.21
                    volumes: [/var/run/docker.sock:/var/run/docker.sock]
                    ↓volumes: []
                """),
            // One service that is not a mapping: it is named, the others are judged.
            Example("compose.yaml", """
                services:
                  ↓cache:
                  ↓proxy: traefik:v3.1
                  ↓worker:
                    - image: example/worker
                  web:
                    image: nginx:1.27
                """),
            Example("docker-compose.yml", """
                version: "3"
                ↓services:
                  - web
                  - db
                """),
            // A remote include is not fetched: the services it adds are not judged.
            Example("compose.yaml", """
                include:
                  - ↓oci://registry.example.com/stacks/monitoring:1.4
                  - ↓https://github.com/example/stacks.git#v2:proxy
                  - path: ↓git@github.com:example/stacks.git
                    env_file: stacks.env
                services:
                  web:
                    image: nginx:1.27
                """),
            Example("compose.yaml", """
                services:
                  web:
                    extends: ↓api
                  api:
                    extends:
                      service: ↓web
                  self:
                    extends: ↓self
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker ps
                echo ↓"unclosed
                docker run --privileged alpine
                ids=↓$(docker ps -q
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          docker ps
                          echo ↓'unclosed
                      - run: docker info
                """#),
            Example("Dockerfile", #"""
                FROM alpine
                RUN echo ↓"unclosed && \
                    apk add curl
                RUN apk add git
                """#),
                        Example("daemon.json", """
                {
                  "icc": false,
                  "live-restore" ↓true
                }
                """),
            Example("inspect.json", """
                [{"Id": "3f2a9c1b0d4e", "HostConfig": {"Privileged": false, ↓]
                """),
            // Claimed by the structure before the error (`apiVersion` and `kind` at the top), not
            // by its name: one key indented too far.
            Example("deploy/agent.yaml", """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  template:
                    spec:
                      containers:
                        - name: agent
                          image: example/agent:1.4
                           command↓: [agent]
                """),
            Example("snapshots/web-inspect.json", """
                [
                  {
                    "Id": "3f2a9c1b0d4e",
                    "Name": "/web",
                    "HostConfig": {
                      "Privileged": true
                      ↓"Binds": ["/var/run/docker.sock:/var/run/docker.sock"]
                    }
                  }
                ]
                """),
            // A CloudFormation template broken in `Parameters`, before its `Resources` (which name a
            // task definition) can be read: its format version at the top still claims it.
            Example("infra/service.template.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {
                    "Image": {"Type": "String"}↓,
                  },
                  "Resources": {
                    "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": []}}
                  }
                }
                """),
        ] + TemplatedYAMLExamples.unscannableFiring + InputExamples.firing("SA901"),
        silentExamples: [
            Example("infra/service.template.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {
                    "Image": {"Type": "String"}
                  },
                  "Resources": {
                    "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": []}}
                  }
                }
                """),
            Example("notes.yaml", """
                # a settings file, not a manifest: nothing here says it is in scope
                key: [unclosed
                """),
            // Words of the inputs in text that does not parse claim nothing: `apiVersion`, `kind`,
            // `services:`, `image:`, `script:` and `stage:` in prose, `"HostConfig"` in a string.
            Example("notes/review.yaml", """
                summary: "check apiVersion and kind, then services: with image: and
                  script: with stage: for every job
                open: [
                """),
            Example("notes/stack-types.json", """
                {"note": "the stack adds an AWS::ECS::TaskDefinition" "count": 1}
                """),
            Example("notes/inspect-fields.json", """
                {"note": "HostConfig and Mounts come from docker inspect" "containerDefinitions": 1}
                """),
            // A Travis CI file: its top-level `script:` is a list and `language:` a word, which no
            // GitLab pipeline has (its `deploy:` with a `script` key looks like a job on its own).
            Example(".travis.yml", """
                language: go
                services:
                  - docker
                before_install:
                  - docker pull alpine:3.20
                script:
                  - make test
                script:
                  - make integration
                deploy:
                  provider: script
                  script: bash scripts/deploy.sh
                  on:
                    branch: main
                """),
            Example("compose.yaml", """
                services:
                  web:
                    image: ${IMAGE:-nginx}
                    command: sh -c 'echo $$HOME $1'
                """, companions: [".env": "IMAGE=nginx:1.27\n"]),
            // Every interpolation form Compose accepts; a required variable is set by whoever runs
            // Compose, so at scan time it is unresolved, not an error.
            Example("compose.yaml", """
                services:
                  web:
                    image: "${REGISTRY:?set REGISTRY}/web:${TAG?}"
                    environment:
                      LEVEL: ${LEVEL-info}
                      DEBUG: ${DEBUG:+--verbose}
                      HOME_DIR: $${HOME}
                      DATA: ${DATA_DIR:-${XDG_DATA_HOME:-/srv}/data}
                      PRICE: cost $$5
                    volumes:
                      - ${DATA_DIR:?}/web:/data
                    command: ["sh", "-c", "echo $${GREETING:-hi}"]
                  api:
                    image: ${API_IMAGE:?the API image, e.g. example/api:1.2}
                """),
            // Refused by the parser, but no input's shape: a Travis CI file with a duplicate key
            // (its `services:` is a list), a Traefik dynamic-configuration template (its
            // `services:` is nested under `http:`).
            Example(".travis.yml", """
                language: go
                services:
                  - docker
                script: make
                script: make test
                """),
            Example("dynamic.yml", """
                http:
                  routers:
                {{ range $name, $router := .Routers }}
                    {{ $name }}:
                      rule: "Host(`{{ $router.Host }}`)"
                      service: {{ $name }}
                {{ end }}
                  services:
                    app:
                      loadBalancer:
                        servers:
                          - url: http://app:8080
                """),
            // Named like a Compose file but with nothing to run: an override of networks and
            // volumes, an empty file.
            Example("compose.override.yaml", """
                networks:
                  backend: {driver: bridge}
                volumes:
                  data: {}
                """),
            Example("docker-compose.yml", ""),
            Example("run.sh", #"""
                #!/bin/sh
                echo "it's fine" 'and "this" too'
                cat <<EOF
                it's a here-document
                EOF
                """#),
            Example("daemon.json", """
                {"icc": false, "live-restore": true}
                """),
            Example("inspect.json", InspectDocument.container()),
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - {name: a, image: busybox}
                """)),
        ] + TemplatedYAMLExamples.unscannableSilent + InputExamples.silent("SA901"))

    public func check(_ facts: Facts) -> [Finding] {
        facts.unscannable.map { file in
            let prefix = file.extent == .file ? "not scanned" : "partly scanned"
            return Self.description.finding(at: file.location, "\(prefix): \(file.reason)", evidence: file.reason)
        }
    }
}
