import SockAuditCore

/// SA101's own examples, one or more per input kind; `↓` marks where each finding must land.
enum RuntimeSocketMountExamples {
    static let firing: [Example] = [
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
        // `subPathExpr` with a literal, or with a name the container's env gives literally.
        Example("sidecar.yaml", PodDocument.pod(name: "log-agent", spec: """
            containers:
            - name: agent
              image: example/agent:3
              env:
              - {name: SOCKET, value: containerd/containerd.sock}
              volumeMounts:
              - {name: run, mountPath: /run/docker.sock, subPathExpr: docker.sock}
              - {name: run, mountPath: /run/containerd.sock, subPathExpr: $(SOCKET)}
            volumes:
            - name: run
              hostPath: {path: ↓/var/run}
            """)),
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
        Example("inspect.json", InspectDocument.container(
            top: [
                InspectDocument.bindMounts([.init(source: "/var/run/docker.sock", destination: "/var/run/docker.sock", mode: "ro", readWrite: false)]),
            ],
            hostConfig: [
                InspectDocument.array("Binds", ["↓/var/run/docker.sock:/var/run/docker.sock:ro"]),
            ])),
        Example("containers.json", InspectDocument.summary(marked: true)),
        Example("mounts.json", """
            [{"Type":"bind",↓"Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"},{"Type":"volume","Name":"data","Source":"/var/lib/docker/volumes/data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}]
            """),
        Example("api.json", InspectDocument.container(
            name: "agent",
            top: [
                InspectDocument.bindMounts([.init(source: "/run/containerd/containerd.sock", destination: "/run/containerd/containerd.sock", mode: "", readWrite: false)]),
            ],
            hostConfig: [
                """
                    "Mounts": [
                        {
                            "Type": "bind",
                            ↓"Source": "/run/containerd/containerd.sock",
                            "Target": "/run/containerd/containerd.sock",
                            "ReadOnly": true
                        }
                    ]
                    """,
            ],
            array: false)),
        Example("podman.json", InspectDocument.container(
            name: "builder",
            top: [
                InspectDocument.bindMounts([.init(source: "/run/podman/podman.sock", destination: "/run/podman/podman.sock", mode: "", readWrite: true)]),
            ],
            hostConfig: [
                InspectDocument.array("Binds", ["↓/run/podman/podman.sock:/run/podman/podman.sock:rw,rprivate,rbind"]),
                InspectDocument.array("CapDrop", ["CAP_AUDIT_WRITE", "CAP_MKNOD", "CAP_NET_RAW"]),
                #""PidMode": "private""#,
                #""SecurityOpt": []"#,
            ])),
        Example("docker-compose.yml", """
            # Seeds: `docker run -v /var/run/docker.sock:/var/run/docker.sock ...` as Compose services.
            services:
              escape:
                image: alpine
                command: docker run -v /:/host alpine chroot /host
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
              app:
                image: myapp:1.0
                user: "1000:1000"
                cap_drop: [ALL]
                volumes: [↓"/var/run/docker.sock:/var/run/docker.sock"]
              runner:
                image: some-ci-runner:1.0
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
              bench:
                image: docker/docker-bench-security
                network_mode: host
                pid: host
                cap_add: [audit_control]
                volumes:
                  - /var/lib:/var/lib:ro
                  - ↓/var/run/docker.sock:/var/run/docker.sock:ro
            """),
        Example("compose.yaml", """
            services:
              portainer:
                image: portainer/portainer-ce:2.21
                volumes:
                  - type: bind
                    source: ↓/var/run/docker.sock
                    target: /var/run/docker.sock
                    read_only: true
                    bind: {propagation: rslave}
                  - ./data:/data
              backup:
                image: example/backup
                volumes_from:
                  - ↓portainer:ro
              agent:
                image: example/agent
                volumes:
                  - ↓hostrun:/host/run:ro,z
                  - type: volume
                    source: ↓containerd
                    target: /run/containerd
              rootless:
                image: example/agent
                volumes:
                  - ↓/run/user/1000/docker.sock:/var/run/docker.sock:Z
                  - ↓//var/run/../run/crio/crio.sock:/crio.sock
            volumes:
              hostrun:
                driver: local
                driver_opts: {type: none, o: bind, device: /var/run}
              containerd:
                driver_opts:
                  type: none
                  o: bind
                  device: /run/containerd
            """),
        Example("compose.yaml", """
            x-socket: &socket
              volumes:
                - ↓/var/run/docker.sock:/var/run/docker.sock:ro
            x-logging: &logging
              logging: {driver: json-file}
            services:
              traefik:
                image: traefik:v3.1
                <<: *socket
              watchtower:
                image: containrrr/watchtower
                <<: [*logging, *socket]
              base:
                image: example/base
                volumes: [↓/run/podman/podman.sock:/run/podman/podman.sock]
              web:
                extends: base
            """),
        Example("compose.yaml", """
            services:
              dashboard:
                image: example/dashboard
                volumes:
                  - ↓${SOCK_DIR}/docker.sock:/var/run/docker.sock
                  - ↓${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock
                  - ↓${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock
                  - ↓$HOST_RUN:/host/run
                  - ↓${RUNTIME_DIR:?set RUNTIME_DIR}/podman/podman.sock:/run/podman.sock
            """, companions: [".env": "SOCK_DIR=/var/run\nexport HOST_RUN=/run\n"]),
        // A service that is not a mapping (null, a string, a list) is reported as not judged
        // (SA901); the well-formed services beside it are judged all the same.
        Example("compose.yaml", """
            services:
              cache:
              proxy: traefik:v3.1
              worker:
                - image: example/worker
              agent:
                image: portainer/agent:2.21
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
            """),
        Example("monitoring.yml", """
            services:
              exporter: {}
              cadvisor:
                image: gcr.io/cadvisor/cadvisor:v0.49.1
                volumes:
                  - ↓/var/run:/var/run:ro
                  - /sys:/sys:ro
            """),
        Example("stack.yml", """
            version: "3.8"
            services:
              agent:
                image: portainer/agent:2.21
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                  - /var/lib/docker/volumes:/var/lib/docker/volumes
                deploy:
                  mode: global
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
    ]

    static let silent: [Example] = [
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
        // A per-pod folder under /var/run: the pod's name is known only when it runs, and a
        // folder named after it is not where a runtime keeps its socket.
        Example("logs.yaml", PodDocument.pod(name: "writer", spec: """
            containers:
            - name: writer
              image: example/writer:1
              env:
              - name: POD_NAME
                valueFrom:
                  fieldRef: {fieldPath: metadata.name}
              volumeMounts:
              - name: run
                mountPath: /run/app
                subPathExpr: app/$(POD_NAME)
            volumes:
            - name: run
              hostPath:
                path: /var/run
                type: Directory
            """)),
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
        Example("inspect.json", InspectDocument.container(
            top: [
                """
                    "Mounts": [
                        {
                            "Type": "bind",
                            "Source": "/srv/www",
                            "Destination": "/usr/share/nginx/html",
                            "Mode": "ro",
                            "RW": false,
                            "Propagation": "rprivate"
                        },
                        {
                            "Type": "volume",
                            "Name": "cache",
                            "Source": "/var/lib/docker/volumes/cache/_data",
                            "Destination": "/var/cache/nginx",
                            "Driver": "local",
                            "Mode": "z",
                            "RW": true,
                            "Propagation": "rprivate"
                        }
                    ]
                    """,
            ],
            hostConfig: [
                InspectDocument.array("Binds", ["/srv/www:/usr/share/nginx/html:ro", "cache:/var/cache/nginx"]),
            ],
            config: [
                InspectDocument.array("Env", ["DOCKER_SOCK=/var/run/docker.sock"]),
            ])),
        Example("docker-compose.yml", """
            # - /var/run/docker.sock:/var/run/docker.sock
            services:
              web:
                image: example/web
                environment:
                  DOCKER_HOST: unix:///var/run/docker.sock
                labels:
                  - traefik.docker.endpoint=unix:///var/run/docker.sock
                volumes:
                  - ./docker.sock:/var/run/docker.sock
                  - ../run/docker.sock:/x
                  - /var/run/docker.sock.d/app:/sockets
                  - /srv/docker.socket:/y
                  - /home/me/not-docker.sock.bak:/z
                  - docker.sock:/var/run/docker.sock
                  - /var/run/docker.sock
                  - type: tmpfs
                    target: /var/run/docker.sock
                  - type: volume
                    source: plain
                    target: /run
                  - bound:/host
                  - plugin:/p
                  - /run/app:/run/app
            volumes:
              docker.sock: {}
              plain:
              bound:
                driver_opts: {type: none, o: bind, device: ./sockets}
              plugin:
                driver: example/nfs
                driver_opts: {o: bind, device: /var/run}
            """),
        Example("config.yaml", """
            services:
              auth:
                url: https://auth.example.com
                socket: /var/run/docker.sock
            """),
        Example("compose.yaml", """
            services:
              web:
                image: example/web
                volumes:
                  - ${SOCK:-./docker.sock}:/var/run/docker.sock
            """, companions: [".env": "# SOCK=/var/run/docker.sock\n"]),
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
    ]
}
