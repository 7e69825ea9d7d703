import SockAuditCore

/// SA101: a container can reach a container-runtime API socket on the host.
public struct RuntimeSocketMountRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA101", slug: "runtime-socket-mount", severity: .high,
        summary: "A container can reach a container-runtime API socket on the host.",
        rationale: """
            Whoever can talk to the Docker daemon (or containerd, CRI-O, Podman) API is root on the host: \
            one API call starts a privileged container that mounts the host's / and chroots into it. A \
            container that mounts the socket, or a folder that holds it, hands that to every process in it. \
            Its other restrictions (non-root user, dropped capabilities, read-only root filesystem, a \
            read-only mount) do not contain it, because connect() on a socket needs no write access to the \
            file and the new container is not bound by the old one's limits.
            """,
        remediation: """
            Remove the mount. If the workload only reads container state, put a permission-scoped socket \
            proxy in front of the daemon (read-only: no POST) and point the client at the proxy; for builds, \
            use a rootless or daemonless builder (BuildKit rootless, Buildah, Kaniko) instead of the host \
            daemon; where the mount is truly needed, suppress it with a written reason on this one workload.
            """,
        references: RuleSupport.cis("5.32") + [
            .podSecurity("Baseline: HostPath Volumes"),
            .url("https://docs.docker.com/engine/security/#docker-daemon-attack-surface"),
        ],
        inputs: ["k8s", "compose", "cli", "inspect"],
        firingExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ci-runner
                spec:
                  containers:
                  - name: runner
                    image: example/runner:1.4
                    volumeMounts:
                    - name: docker-sock
                      mountPath: /var/run/docker.sock
                  volumes:
                  - name: docker-sock
                    hostPath:
                      path: ↓/var/run/docker.sock
                      type: Socket
                """),
            Example("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: agent
                  namespace: monitoring
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                      - name: agent
                        image: example/agent:7
                        securityContext:
                          readOnlyRootFilesystem: true
                          capabilities:
                            drop: ["ALL"]
                        volumeMounts:
                        - {name: run, mountPath: /host/run, readOnly: true}
                      volumes:
                      - name: run
                        hostPath: {path: ↓/var/run/}
                """),
            Example("ds.yaml", """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: node-probe}
                spec:
                  template:
                    spec:
                      initContainers:
                      - name: wait
                        image: busybox
                        volumeMounts:
                        - name: containerd
                          mountPath: /run/containerd/containerd.sock
                          subPath: containerd.sock
                      containers:
                      - name: probe
                        image: example/probe
                      volumes:
                      - name: containerd
                        hostPath:
                          path: ↓/run/containerd
                """),
            Example("cron.yaml", """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata:
                  name: cleanup
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                          - name: prune
                            image: example/prune
                            volumeMounts: [{name: crio, mountPath: /crio.sock}]
                          volumes:
                          - name: crio
                            hostPath:
                              path: ↓"//var/run/crio//crio.sock"
                """),
            Example("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: argoproj.io/v1alpha1
                  kind: Rollout
                  metadata: {name: canary}
                  spec:
                    template:
                      spec:
                        ephemeralContainers:
                        - name: debug
                          image: busybox
                          volumeMounts: [{name: podman, mountPath: /run/podman/podman.sock}]
                        containers:
                        - name: app
                          image: example/app
                          volumeMounts: [{name: user-run, mountPath: /host-user}]
                        volumes:
                        - name: podman
                          hostPath: {path: ↓/run/user/1000/podman/podman.sock}
                        - name: user-run
                          hostPath: {path: ↓/run/user/1000}
                """),
            Example("pod.json", """
                {
                  "apiVersion": "v1",
                  "kind": "Pod",
                  "metadata": {"name": "builder"},
                  "spec": {
                    "containers": [{"name": "kaniko", "image": "example/builder",
                      "volumeMounts": [{"name": "bk", "mountPath": "/run/buildkit/buildkitd.sock"}]}],
                    "volumes": [{"name": "bk", "hostPath": {"path": ↓"/run/buildkit/buildkitd.sock"}}]
                  }
                }
                """),
            Example("run.sh", #"""
                #!/bin/sh
                SOCK=/var/run/docker.sock
                docker run -d ↓-v /var/run/docker.sock:/var/run/docker.sock:ro example/agent:2
                sudo docker run --rm \
                  ↓--volume=$SOCK:/var/run/docker.sock \
                  ↓--mount type=bind,src=/run/containerd/containerd.sock,dst=/c.sock example/runner:1.4
                podman run ↓-itv /run/user/1000/podman/podman.sock:/p.sock quay.io/example/tool sh
                docker container create ↓--mount "type=bind,source=/var/run,target=/host-run,readonly" busybox
                nerdctl run ↓--use-api-socket alpine
                docker run ↓--volume "${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock" alpine
                docker service create ↓--mount type=bind,source=/var/run/docker.sock,destination=/var/run/docker.sock portainer/agent
                ids=$(docker run ↓-v /var/run/docker.sock:/var/run/docker.sock docker:cli docker ps -q)
                """#),
            Example("Makefile", #"""
                SOCK := /var/run/docker.sock

                ci:
                \#t@docker run --rm \
                \#t  ↓-v $(SOCK):/var/run/docker.sock \
                \#t  example/ci:1 make test
                """#),
            Example("Dockerfile", #"""
                FROM docker:27-cli
                RUN apk add --no-cache make && \
                    # the socket is mounted for the integration tests
                    docker run --rm \
                      ↓-v /var/run/docker.sock:/var/run/docker.sock alpine true
                RUN ["docker", "run", ↓"-v", "/var/run/docker.sock:/var/run/docker.sock", "alpine"]
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    container:
                      image: example/builder:1
                      volumes:
                        - ↓/var/run/docker.sock:/var/run/docker.sock
                    steps:
                      - run: |
                          docker run \
                            ↓-v /var/run/docker.sock:/var/run/docker.sock alpine
                """#),
            Example(".gitlab-ci.yml", #"""
                test:
                  image: docker:27
                  script:
                    - docker info
                    - docker run ↓-v /var/run/docker.sock:/var/run/docker.sock alpine
                """#),
            Example("Jenkinsfile", #"""
                pipeline {
                  agent {
                    docker {
                      image 'maven:3.9'
                      args '↓-v /var/run/docker.sock:/var/run/docker.sock'
                    }
                  }
                  stages {
                    stage('build') {
                      steps {
                        sh 'docker run ↓--volume /var/run/docker.sock:/var/run/docker.sock alpine'
                      }
                    }
                  }
                }
                """#),
            Example("agent.service", #"""
                [Service]
                ExecStart=/usr/bin/docker run --rm --name agent \
                  ↓-v /var/run/docker.sock:/var/run/docker.sock example/agent:2
                """#),
        ],
        silentExamples: [
            Example("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: test-pd
                  annotations:
                    note: "mounts /var/run/docker.sock? no"
                spec:
                  containers:
                  - name: app
                    image: example/app
                    env:
                    - name: DOCKER_HOST
                      value: unix:///var/run/docker.sock
                    volumeMounts:
                    - {name: data, mountPath: /data}
                    - {name: scratch, mountPath: /var/run/docker.sock}
                    - {name: run, mountPath: /host/run/app, subPath: app}
                  volumes:
                  - name: data
                    hostPath: {path: /data}
                  - name: scratch
                    emptyDir: {}
                  - name: run
                    hostPath: {path: /var/run}
                  # - name: old
                  #   hostPath: {path: /var/run/docker.sock}
                  - name: unmounted
                    hostPath: {path: /var/run/docker.sock}
                """),
            Example("deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                      - name: web
                        image: example/web
                        volumeMounts: [{name: sockets, mountPath: /sockets}]
                      volumes:
                      - name: sockets
                        hostPath: {path: /var/run/docker.sock.d/app}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                # docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                echo "docker run -v /var/run/docker.sock:/var/run/docker.sock alpine"
                docker ps
                ls -l /var/run/docker.sock
                docker run --rm alpine ls -v /var/run/docker.sock:/x
                docker run -v docker-sock:/var/run/docker.sock -v /data:/data alpine
                docker run --mount type=volume,source=docker.sock,target=/var/run/docker.sock alpine
                docker run --mount type=tmpfs,target=/var/run alpine
                cat <<'EOF' > later.sh
                docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                EOF
                DOCKER_HOST=unix:///var/run/docker.sock docker info
                """#),
            Example("Makefile", #"""
                # docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                test:
                \#t# docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                \#t@echo "docker run -v /var/run/docker.sock:/x alpine"
                """#),
            Example("Dockerfile", #"""
                FROM alpine
                # RUN docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                RUN echo 'docker run -v /var/run/docker.sock:/x alpine'
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: docker ps
                      - run: echo "-v /var/run/docker.sock:/var/run/docker.sock"
                      - shell: pwsh
                        run: Write-Output "docker run -v /var/run/docker.sock:/x alpine"
                """#),
            Example(".gitlab-ci.yml", #"""
                test:
                  script:
                    - docker info
                    # - docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                """#),
            Example("Jenkinsfile", #"""
                node {
                  // sh 'docker run -v /var/run/docker.sock:/var/run/docker.sock alpine'
                  echo 'docker run -v /var/run/docker.sock:/var/run/docker.sock alpine'
                  sh 'docker ps'
                }
                """#),
        ])

    public func check(_ container: ContainerSpec) -> [Finding] {
        container.mounts.compactMap { mount in
            guard let exposure = HostPath.socketExposure(of: mount.source) else { return nil }
            let normalized = HostPath.normalize(mount.source)
            let what: String
            switch exposure {
            case .socket(_, let daemon):
                what = "the \(daemon) socket \(normalized)"
            case .folder(let folder):
                what = "the runtime sockets under \(folder)"
            }
            var message = "\(container.subject) can reach \(what) through \(mount.spelling)"
            if let target = mount.target { message += " mounted at \(target)" }
            message += ": whoever controls this container is root on the host, and its other restrictions "
                + "(non-root user, dropped capabilities, read-only root) do not contain that"
            if mount.readOnly {
                message += "; the mount is read-only, which does not stop connect() on a socket"
            }
            return Self.description.finding(at: mount.location, message, subject: container.subject, evidence: normalized)
        }
    }
}
