import SockAuditCore

/// Buildkite pipelines: command steps, groups, and the docker and docker-compose plugins' settings.
enum BuildkiteExamples {
    static let socketMountFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            env:
              IMAGE: registry.example.com/app

            steps:
              - label: ":docker: build"
                command: |-
                  docker build -t "$IMAGE:$BUILDKITE_COMMIT" .
                  docker push "$IMAGE:$BUILDKITE_COMMIT"
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-cli
                      volumes:
                        - ↓"/var/run/docker.sock:/var/run/docker.sock"
                      propagate-environment: true

              - wait

              - block: ":rocket: Release"
                branches: main

              - group: ":test_tube: tests"
                steps:
                  - label: integration
                    commands:
                      - make deps
                      - docker run --rm ↓-v /var/run/docker.sock:/var/run/docker.sock example/testcontainers-runner:2
            """#),
        // the docker plugin's v1 `mounts`, plugins as one mapping
        Example(".buildkite/pipeline.release.yml", #"""
            steps:
              - command: docker build . -t app:latest
                plugins:
                  docker#v1.4.0:
                    image: "docker:latest"
                    mounts:
                      - ↓/var/run/docker.sock:/var/run/docker.sock
            """#),
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: ":hammer: test"
                command: make test
                plugins:
                  - docker-compose#v5.5.0:
                      run: app
                      config: .buildkite/docker-compose.yml
                      volumes:
                        - ↓/var/run/docker.sock:/var/run/docker.sock
            """#),
        Example(".buildkite/pipeline.yml", "steps:\r\n  - label: build\r\n    command: echo build\r\n    plugins:\r\n      - docker#v5.13.0:\r\n          image: docker:27-cli\r\n          volumes: [↓\"/var/run/docker.sock:/var/run/docker.sock\"]\r\n"),
        // The Agent Stack for Kubernetes: the step's pod in Kubernetes' keys.
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: ":docker: image"
                command: docker build -t app .
                agents:
                  queue: kubernetes
                plugins:
                  - kubernetes:
                      podSpec:
                        containers:
                          - image: docker:27-cli
                            volumeMounts:
                              - name: docker-sock
                                mountPath: /var/run/docker.sock
                        volumes:
                          - name: docker-sock
                            hostPath:
                              path: ↓/var/run/docker.sock
            """#),
    ]

    static let socketMountSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: "GPU test"
                commands:
                  - pytest -s -v tests/e2e
                plugins:
                  - kubernetes:
                      podSpec:
                        containers:
                          - image: registry.example.com/ci:latest
                            resources:
                              limits:
                                nvidia.com/gpu: 1
                            volumeMounts:
                              - {name: hf-cache, mountPath: /root/.cache/huggingface}
                        volumes:
                          - name: hf-cache
                            hostPath:
                              path: /mnt/hf-cache
                              type: DirectoryOrCreate
            """#),
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: ":go: test"
                command: go test ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
                      volumes:
                        - "./.cache/go:/go/pkg/mod"
                      mount-buildkite-agent: false
                  - docker-login#v3.0.0:
                      username: ci
              # - docker run -v /var/run/docker.sock:/var/run/docker.sock app
              - wait: ~
            """#),
    ]

    static let privilegedFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: ":linux: kernel module tests"
                command: ./scripts/test-modules.sh
                agents:
                  queue: metal
                plugins:
                  - docker#v5.13.0:
                      image: example/kernel-test:6.8
                      privileged: ↓true
                      propagate-uid-gid: true
            """#),
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: ":docker: build with dind"
                command: docker build -t app .
                env:
                  DOCKER_HOST: tcp://localhost:2375
                plugins:
                  - kubernetes:
                      sidecars:
                        - image: docker:27-dind
                          command: [dockerd-entrypoint.sh]
                          env:
                            - {name: DOCKER_TLS_CERTDIR, value: ""}
                          securityContext:
                            privileged: ↓true
            """#),
    ]

    static let privilegedSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: build
                command: echo "docker run --privileged is not what this step does"
                plugins:
                  - docker#v5.13.0:
                      image: alpine:3.20
                      privileged: false
            """#),
    ]

    static let capabilityFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: fuse
                command: ./mount-and-test.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/fuse-tests:1
                      add-caps:
                        - ↓SYS_ADMIN
            """#),
    ]

    static let macFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: fuse
                command: ./mount-and-test.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/fuse-tests:1
                      security-opts:
                        - ↓apparmor=unconfined
            """#),
    ]

    static let macSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: fuse
                command: ./mount-and-test.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/fuse-tests:1
                      security-opts:
                        - no-new-privileges
                        - apparmor=docker-default
            """#),
    ]

    static let capabilitySilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: web
                command: ./serve.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/web:1
                      add-caps: [NET_BIND_SERVICE]
                      drop-caps: [ALL]
            """#),
    ]

    static let hostNetworkFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: e2e
                command: npx playwright test
                plugins:
                  - docker#v5.13.0:
                      image: mcr.microsoft.com/playwright:v1.48.0
                      network: ↓host
            """#),
    ]

    static let hostNetworkSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: e2e
                command: npx playwright test
                plugins:
                  - docker#v5.13.0:
                      image: mcr.microsoft.com/playwright:v1.48.0
                      network: e2e
            """#),
    ]

    static let hostPIDFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: profile
                command: ./profile.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/perf:1
                      pid: ↓host
            """#),
    ]

    static let hostPIDSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: profile
                command: ./profile.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/perf:1
                      init: true
            """#),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: build
                command: docker build .
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-cli
                      environment:
                        - BUILDKITE_COMMIT
                        - ↓DOCKER_HOST=tcp://dind:2375
            """#),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: build
                command: docker build .
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-cli
                      environment:
                        - DOCKER_HOST
                        - DOCKER_TLS_VERIFY=1
            """#),
    ]

    static let hostIPCFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      ipc: ↓host
            """#),
    ]

    static let hostIPCSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      ipc: private
            """#),
    ]

    static let hostUsernsFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      userns: ↓host
            """#),
    ]

    static let hostUsernsSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      userns: ""
            """#),
    ]

    static let seccompFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      security-opts: [↓seccomp=unconfined]
            """#),
    ]

    static let seccompSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: debug
                command: ./debug.sh
                plugins:
                  - docker#v5.13.0:
                      image: example/debug:1
                      security-opts: [seccomp=profiles/strict.json]
            """#),
    ]

    static let sensitivePathFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: host audit
                command: host-audit --root /host
                plugins:
                  - docker#v5.13.0:
                      image: example/host-audit:1
                      volumes:
                        - ↓/etc:/host/etc:ro
            """#),
    ]

    static let sensitivePathSilent: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: build
                command: go build ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
                      volumes:
                        - /srv/ci/cache/go:/go/pkg/mod
                        - ./dist:/dist
            """#),
    ]

    static let dindPlainTCPFiring: [Example] = [
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: docker daemon for the tests
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-dind
                      privileged: true
                      command: [↓"--host=tcp://0.0.0.0:2375", "--tls=false"]
            """#),
    ]

    static let dindPlainTCPSilent: [Example] = [
        // the plugin runs the step's command in place of the image's entrypoint: no daemon
        Example(".buildkite/pipeline.yml", #"""
            steps:
              - label: client
                command: docker version
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-dind
                      environment: [DOCKER_TLS_CERTDIR=]
            """#),
    ]
}
