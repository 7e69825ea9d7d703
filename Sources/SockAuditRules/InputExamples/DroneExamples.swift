import SockAuditCore

/// Drone pipelines (`.drone.yml`, several documents) and the Drone runner's environment wherever a
/// container sets it.
enum DroneExamples {
    static let socketMountFiring: [Example] = [
        Example(".drone.yml", #"""
            ---
            kind: pipeline
            type: docker
            name: default

            steps:
            - name: image
              image: docker:27-cli
              volumes:
              - name: dockersock
                path: /var/run/docker.sock
              commands:
              - docker build -t registry.example.com/app:${DRONE_COMMIT_SHA:0:8} .

            volumes:
            - name: dockersock
              host:
                path: ↓/var/run/docker.sock

            ---
            kind: secret
            name: registry_password
            get:
              path: ci/registry
              name: password
            """#),
        Example(".drone.yml", #"""
            kind: pipeline
            type: exec
            name: deploy

            platform:
              os: linux
              arch: amd64

            steps:
            - name: restart
              commands:
              - docker run -d --name agent ↓-v /var/run/docker.sock:/var/run/docker.sock registry.example.com/agent:2
            """#),
        Example(".drone.yml", "kind: pipeline\r\nname: default\r\nsteps:\r\n- name: test\r\n  image: docker:27-cli\r\n  volumes:\r\n  - name: sock\r\n    path: /var/run/docker.sock\r\n  commands:\r\n  - docker ps\r\nvolumes:\r\n- name: sock\r\n  host:\r\n    path: ↓/var/run/docker.sock\r\n"),
        // the Drone 0.8 format, which Woodpecker kept
        Example(".drone.yml", #"""
            pipeline:
              build:
                image: docker:18
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                commands:
                  - docker build -t app .
            """#),
        Example("drone/docker-compose.yml", #"""
            services:
              runner:
                image: drone/drone-runner-docker:1
                restart: always
                environment:
                  DRONE_RPC_HOST: drone.example.com
                  DRONE_RPC_PROTO: https
                  DRONE_RUNNER_VOLUMES: ↓/srv/cache:/cache,/var/run/docker.sock:/var/run/docker.sock
            """#),
        Example("scripts/start-runner.sh", #"""
            #!/bin/sh
            docker run --detach --restart always --name runner \
              -e DRONE_RPC_HOST=drone.example.com \
              ↓-e DRONE_RUNNER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock \
              drone/drone-runner-docker:1
            """#),
        // a runner installed as a service, configured by the unit's environment
        Example("etc/systemd/system/drone-runner.service", #"""
            [Unit]
            Description=Drone exec runner
            After=network-online.target

            [Service]
            Environment=DRONE_RPC_HOST=drone.example.com
            Environment=↓DRONE_RUNNER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            ExecStart=/usr/local/bin/drone-runner-docker

            [Install]
            WantedBy=multi-user.target
            """#),
    ]

    static let socketMountSilent: [Example] = [
        // a temp volume shared with a dind service is the service's own socket, not the host's
        Example(".drone.yml", #"""
            kind: pipeline
            name: default

            steps:
            - name: test
              image: docker:27-cli
              volumes:
              - name: dockersock
                path: /var/run
              commands:
              - sleep 5
              - docker ps -a

            services:
            - name: docker
              image: docker:27-dind
              privileged: true
              volumes:
              - name: dockersock
                path: /var/run

            volumes:
            - name: dockersock
              temp: {}
            - name: unused
              host:
                path: /var/run/docker.sock
            """#),
        Example("drone/docker-compose.yml", #"""
            services:
              runner:
                image: drone/drone-runner-docker:1
                environment:
                  DRONE_RUNNER_VOLUMES: /srv/cache:/cache
            """#),
        Example("scripts/runner-notes.sh", #"""
            #!/bin/sh
            # never: DRONE_RUNNER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            echo "DRONE_RUNNER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock is not set on this runner"
            export DRONE_RUNNER_VOLUMES=/srv/cache:/cache
            exec drone-runner-docker
            """#),
    ]

    static let privilegedFiring: [Example] = [
        // the docker runner starts plugins/docker privileged by itself
        Example(".drone.yml", #"""
            kind: pipeline
            type: docker
            name: release

            steps:
            - name: test
              image: golang:1.23
              commands:
              - go test ./...

            - name: publish
              image: ↓plugins/docker:20
              settings:
                repo: registry.example.com/app
                tags: ${DRONE_TAG##v}
                username:
                  from_secret: registry_username
                password:
                  from_secret: registry_password
              when:
                event: [tag]

            ---
            kind: secret
            name: registry_username
            get:
              path: ci/registry
              name: username
            """#),
        // so does the Kubernetes runner, whatever `privileged:` says
        Example(".drone.yml", #"""
            kind: pipeline
            type: kubernetes
            name: push

            metadata:
              namespace: ci

            steps:
            - name: push to ecr
              image: ↓docker.io/plugins/ecr
              privileged: false
              settings:
                repo: app
                region: eu-west-1
            """#),
        Example(".drone.yml", #"""
            kind: pipeline
            type: docker
            name: publish

            steps:
            - name: build and push
              image: thegeeklab/drone-docker-buildx:24
              privileged: ↓true
              settings:
                repo: registry.example.com/app
                password:
                  from_secret: registry_password
            """#),
        Example("drone/docker-compose.yml", #"""
            services:
              runner:
                image: drone/drone-runner-docker:1
                environment:
                  - DRONE_RPC_HOST=drone.example.com
                  - ↓DRONE_RUNNER_PRIVILEGED_IMAGES=plugins/docker,docker:27-dind
            """#),
    ]

    static let privilegedSilent: [Example] = [
        // a listed plugin given volumes or commands is not privileged by default; buildx is not listed
        Example(".drone.yml", #"""
            kind: pipeline
            type: docker
            name: publish

            steps:
            - name: publish
              image: plugins/docker
              volumes:
              - name: docker-cache
                path: /var/lib/docker
              settings:
                repo: registry.example.com/app
            - name: version
              image: plugins/docker
              commands:
              - docker --version
            - name: buildx
              image: thegeeklab/drone-docker-buildx:24
              settings:
                repo: registry.example.com/app

            volumes:
            - name: docker-cache
              temp: {}
            """#),
        // an exec pipeline runs its steps on the runner's host: no container, whatever it names
        Example(".drone.yml", #"""
            kind: pipeline
            type: exec
            name: deploy

            platform:
              os: linux
              arch: amd64

            steps:
            - name: restart
              image: plugins/docker
              privileged: true
              commands:
              - systemctl restart app
            """#),
        Example(".drone.yml", #"""
            kind: pipeline
            type: kubernetes
            name: default

            steps:
            - name: publish
              image: plugins/kaniko
              privileged: false
              settings:
                privileged: true
                repo: registry.example.com/app
            """#),
        Example("drone/docker-compose.yml", #"""
            services:
              runner:
                image: drone/drone-runner-docker:1
                environment:
                  DRONE_RUNNER_PRIVILEGED_IMAGES: ""
            """#),
    ]

    static let hostNetworkFiring: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            name: e2e
            steps:
            - name: e2e
              image: mcr.microsoft.com/playwright:v1.48.0
              network_mode: ↓host
              commands:
              - npx playwright test
            """#),
    ]

    static let hostNetworkSilent: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            name: e2e
            steps:
            - name: e2e
              image: mcr.microsoft.com/playwright:v1.48.0
              commands:
              - npx playwright test --host 127.0.0.1
            """#),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            name: default
            environment:
              DOCKER_HOST: ↓tcp://docker:2375
            steps:
            - name: build
              image: docker:27-cli
              commands:
              - docker build .
            """#),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            name: default
            steps:
            - name: build
              image: docker:27-cli
              environment:
                DOCKER_HOST: tcp://docker:2376
                DOCKER_TLS_VERIFY: "1"
                DOCKER_CERT_PATH: /certs/client
                REGISTRY_PASSWORD:
                  from_secret: registry_password
              commands:
              - docker build .
            """#),
    ]

    static let dindPlainTCPFiring: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            name: default
            steps:
            - name: build
              image: docker:27-cli
              environment:
                DOCKER_HOST: tcp://docker:2375
              commands:
              - docker build .
            services:
            - name: docker
              image: docker:27-dind
              privileged: true
              environment:
                DOCKER_TLS_CERTDIR: ↓""
            - name: docker-old
              image: docker:19.03-dind
              privileged: true
              command: [↓"--host=tcp://0.0.0.0:2375"]
            """#),
    ]

    static let dindPlainTCPSilent: [Example] = [
        // the step runs its commands, not the image's dockerd; the service keeps the TLS default
        Example(".drone.yml", #"""
            kind: pipeline
            name: default
            steps:
            - name: test
              image: docker:27-dind
              environment:
                DOCKER_TLS_CERTDIR: ""
              commands:
              - docker version
            services:
            - name: docker
              image: docker:27-dind
              privileged: true
            """#),
    ]

    static let sensitivePathFiring: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            type: docker
            name: audit
            steps:
            - name: scan host
              image: example/host-audit:1
              volumes:
              - name: host-etc
                path: /host/etc
              commands:
              - host-audit --root /host
            volumes:
            - name: host-etc
              host:
                path: ↓/etc
            """#),
    ]

    static let sensitivePathSilent: [Example] = [
        Example(".drone.yml", #"""
            kind: pipeline
            type: docker
            name: build
            steps:
            - name: build
              image: golang:1.23
              volumes:
              - name: gocache
                path: /go/pkg/mod
              commands:
              - go build ./...
            volumes:
            - name: gocache
              host:
                path: /srv/ci/cache/go
            """#),
    ]

    /// `.drone.star` and `.drone.jsonnet` are programs, not evaluated: never passed over in silence.
    static let unscannableFiring: [Example] = [
        Example(".drone.star", #"""
            ↓def main(ctx):
                return [pipeline("amd64"), pipeline("arm64")]

            def pipeline(arch):
                return {
                    "kind": "pipeline",
                    "name": "build-" + arch,
                    "platform": {"arch": arch},
                    "steps": [{"name": "test", "image": "golang:1.23", "commands": ["go test ./..."]}],
                }
            """#),
        Example(".drone.jsonnet", #"""
            ↓local step(name, image, commands) = { name: name, image: image, commands: commands };

            [
              {
                kind: 'pipeline',
                type: 'docker',
                name: 'default',
                steps: [step('test', 'node:22', ['npm ci', 'npm test'])],
              },
            ]
            """#),
    ]

    static let unscannableSilent: [Example] = [
        // the YAML a program renders is read as any .drone.yml
        Example(".drone.yml", #"""
            ---
            kind: pipeline
            type: docker
            name: default
            steps:
            - name: test
              image: node:22
              commands:
              - npm ci
              - npm test
            """#),
    ]
}
