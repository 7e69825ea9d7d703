import SockAuditCore

/// GitLab Runner examples: `config.toml` as `gitlab-runner register` writes it and as people edit
/// it, the same TOML inside Helm values and a ConfigMap, and `register` flags in scripts.
enum GitLabRunnerExamples {
    static let socketMountFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            concurrent = 4
            check_interval = 0
            shutdown_timeout = 0

            [session_server]
              session_timeout = 1800

            [[runners]]
              name = "docker-builds"
              url = "https://gitlab.example.com/"
              id = 12
              token = "glrt-XXXXXXXXXXXXXXXXXXXX"
              executor = "docker"
              [runners.cache]
                MaxUploadedArchiveSize = 0
              [runners.docker]
                tls_verify = false
                image = "docker:27"
                disable_cache = false
                volumes = [↓"/var/run/docker.sock:/var/run/docker.sock", "/cache"]
                shm_size = 0

            [[runners]]
              name = "k8s"
              executor = "kubernetes"
              [runners.kubernetes]
                namespace = "gitlab-runner"
              [[runners.kubernetes.volumes.host_path]]
                name = "docker-sock"
                mount_path = "/var/run/docker.sock"
                read_only = true
                host_path = ↓"/var/run/docker.sock"
              [[runners.kubernetes.volumes.host_path]]
                name = "containerd"
                # host_path defaults to mount_path
                mount_path = ↓"/run/containerd"
            """#),
        // the gitlab-runner Helm chart's values: the runner's TOML as a YAML block string
        Example("deploy/gitlab-runner/values.yaml", #"""
            gitlabUrl: https://gitlab.example.com/
            rbac:
              create: true
            runners:
              # config.toml, templated by the chart
              config: |
                [[runners]]
                  [runners.kubernetes]
                    namespace = "{{.Release.Namespace}}"
                    image = "alpine:3.20"
                  [[runners.kubernetes.volumes.host_path]]
                    name = "docker"
                    mount_path = "/var/run/docker.sock"
                    host_path = ↓"/var/run/docker.sock"
            """#),
        Example("k8s/runner-config.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: gitlab-runner-config
            data:
              config.toml: |-
                concurrent = 2
                [[runners]]
                  name = "shared"
                  executor = "docker"
                  [runners.docker]
                    volumes = [
                      "/cache",
                      ↓"/run/docker.sock:/var/run/docker.sock",
                    ]
            """#),
        Example("scripts/register-runner.sh", #"""
            #!/usr/bin/env bash
            set -euo pipefail
            sudo gitlab-runner register \
              --non-interactive \
              --url "https://gitlab.example.com/" \
              --token "$RUNNER_TOKEN" \
              --executor docker \
              --description "docker-runner" \
              --docker-image docker:27 \
              --docker-volumes ↓/var/run/docker.sock:/var/run/docker.sock \
              --docker-volumes /cache
            """#),
        Example("config.toml", "[[runners]]\r\n  name = \"win-crlf\"\r\n  executor = \"docker\"\r\n  [runners.docker]\r\n    volumes = [↓'/var/run/docker.sock:/var/run/docker.sock']\r\n"),
        // register reads DOCKER_VOLUMES as --docker-volumes
        Example("scripts/register-runner.sh", #"""
            #!/bin/sh
            ↓DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock gitlab-runner register \
              --non-interactive --url https://gitlab.example.com/ --token "$RUNNER_TOKEN" --executor docker
            """#),
        // a pod_spec patch (strategic merge, the default) that adds a hostPath to the build container
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-docker"
              executor = "kubernetes"
              environment = ["FF_USE_ADVANCED_POD_SPEC_CONFIGURATION=true"]
              [runners.kubernetes]
                namespace = "ci"
                image = "docker:27"
                [[runners.kubernetes.pod_spec]]
                  name = "docker-socket"
                  patch_type = "strategic"
                  patch = '''
                    containers:
                      - name: build
                        volumeMounts:
                          - name: docker-sock
                            mountPath: /var/run/docker.sock
                    volumes:
                      - name: docker-sock
                        hostPath:
                          path: ↓/var/run/docker.sock
                          type: Socket
                  '''
            """#),
        // a JSON patch, one operation a line, in a multi-line basic string
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-json"
              executor = "kubernetes"
              [runners.kubernetes]
                [[runners.kubernetes.pod_spec]]
                  name = "sock"
                  patch_type = "json"
                  patch = """
                  [
                    {"op": "add", "path": "/volumes/-", "value": {"name": "sock", "hostPath": {"path": ↓"/run/containerd/containerd.sock"}}},
                    {"op": "add", "path": "/containers/0/volumeMounts/-", "value": {"name": "sock", "mountPath": "/run/containerd/containerd.sock"}}
                  ]
                  """
            """#),
        // the same patch in the chart's values, TOML inside YAML
        Example("deploy/gitlab-runner/values.yaml", #"""
            runners:
              config: |
                [[runners]]
                  [runners.kubernetes]
                    image = "alpine:3.20"
                    [[runners.kubernetes.pod_spec]]
                      name = "sock"
                      patch = '''
                        containers:
                        - name: build
                          volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                        volumes:
                        - name: sock
                          hostPath: {path: ↓/var/run/docker.sock}
                      '''
            """#),
    ]

    static let socketMountSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            concurrent = 1

            [[runners]]
              name = "docker-builds"
              executor = "docker"
              [runners.docker]
                image = "alpine:3.20"
                # volumes = ["/var/run/docker.sock:/var/run/docker.sock"]
                volumes = ["/cache", "/srv/runner/builds:/builds", "certs:/certs/client"]
                environment = ["DOCKER_SOCK=/var/run/docker.sock"]
            """#),
        // another tool's config.toml that mentions the socket is not a runner configuration
        Example("site/config.toml", #"""
            baseURL = "https://docs.example.com/"
            title = "Mounting /var/run/docker.sock"
            [params]
              volumes = ["/var/run/docker.sock:/var/run/docker.sock"]
            """#),
        Example("scripts/register-runner.sh", #"""
            #!/bin/sh
            gitlab-runner register --non-interactive --executor docker --docker-image alpine \
              --docker-volumes /cache --docker-volumes /srv/builds:/builds
            echo gitlab-runner register --docker-volumes /var/run/docker.sock:/var/run/docker.sock
            """#),
        // a patch that declares a hostPath no container mounts, and one that sets the hostname
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s"
              executor = "kubernetes"
              [runners.kubernetes]
                [[runners.kubernetes.pod_spec]]
                  name = "unused-volume"
                  patch = '''
                    volumes:
                      - name: docker-sock
                        hostPath: {path: /var/run/docker.sock}
                  '''
                [[runners.kubernetes.pod_spec]]
                  name = "hostname"
                  patch = '{"hostname": "ci-pod", "nodeSelector": {"kubernetes.io/os": "linux"}}'
                  patch_type = "merge"
            """#),
    ]

    static let privilegedFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "dind"
              executor = "docker"
              [runners.docker]
                image = "docker:27"
                privileged = ↓true
                allowed_privileged_images = ["docker:*-dind"]
                volumes = ["/certs/client", "/cache"]

            [[runners]]
              name = "services-only"
              executor = "docker"
              [runners.docker]
                privileged = false
                services_privileged = ↓true

            [[runners]]
              name = "k8s"
              executor = "kubernetes"
              [runners.kubernetes]
                privileged = ↓true
            """#),
        Example("deploy/gitlab-runner/values.yaml", #"""
            runners:
              config: |
                [[runners]]
                  [runners.kubernetes]
                    image = "ubuntu:22.04"
                    privileged = ↓true
            """#),
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-dind"
              executor = "kubernetes"
              [runners.kubernetes]
                [runners.kubernetes.service_container_security_context]
                  privileged = ↓true
                [[runners.kubernetes.pod_spec]]
                  name = "privileged-build"
                  patch = '''
                    containers:
                      - name: build
                        securityContext:
                          privileged: ↓true
                  '''
                [[runners.kubernetes.pod_spec]]
                  name = "privileged-helper"
                  patch_type = "json"
                  patch = '[{"op": "replace", "path": "/containers/1/securityContext", "value": {"privileged": ↓true}}]'
            """#),
        Example("Dockerfile", #"""
            FROM gitlab/gitlab-runner:alpine-v17.5.0
            RUN gitlab-runner register --non-interactive --executor docker \
                --docker-image docker:27 ↓--docker-privileged \
                --url https://gitlab.example.com/ --token "$TOKEN"
            """#),
        Example("scripts/runner.sh", #"""
            docker run --rm -v /srv/gitlab-runner/config:/etc/gitlab-runner gitlab/gitlab-runner:v17.5.0 register \
              -n --executor kubernetes ↓--kubernetes-privileged=true
            """#),
        Example("scripts/register-runner.sh", #"""
            docker run --rm -v /srv/gitlab-runner/config:/etc/gitlab-runner \
              -e REGISTER_NON_INTERACTIVE=true -e ↓DOCKER_PRIVILEGED=true \
              gitlab/gitlab-runner:v17.5.0 register --url https://gitlab.example.com/ --executor docker --docker-image docker:27
            """#),
    ]

    static let privilegedSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s"
              executor = "kubernetes"
              [runners.kubernetes]
                [runners.kubernetes.build_container_security_context]
                  privileged = false
                  run_as_non_root = true
                [[runners.kubernetes.pod_spec]]
                  name = "unprivileged"
                  patch = '''
                    containers:
                      - name: build
                        securityContext: {privileged: false, runAsNonRoot: true}
                  '''
                [[runners.kubernetes.pod_spec]]
                  name = "remove"
                  patch_type = "json"
                  patch = '[{"op": "remove", "path": "/containers/0/securityContext/privileged"}]'
            """#),
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "plain"
              executor = "docker"
              [runners.docker]
                # privileged = true
                privileged = false
                services_privileged = false
              [runners.kubernetes]
                privileged = false
            """#),
        Example("scripts/register-runner.sh", #"""
            gitlab-runner register -n --executor docker --docker-image alpine --docker-privileged=false
            """#),
        // an explicit flag wins over the environment
        Example("scripts/register-runner.sh", #"""
            DOCKER_PRIVILEGED=true gitlab-runner register -n --executor docker --docker-privileged=false
            """#),
    ]

    static let capabilityFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "net"
              executor = "docker"
              [runners.docker]
                cap_add = [↓"NET_ADMIN", "NET_BIND_SERVICE"]
              [runners.kubernetes]
                cap_add = [↓"SYS_ADMIN"]
            """#),
        // one container of the job pod, by its own security context
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-build"
              executor = "kubernetes"
              [runners.kubernetes]
                [runners.kubernetes.build_container_security_context]
                  run_as_user = 1000
                  [runners.kubernetes.build_container_security_context.capabilities]
                    add = [↓"SYS_ADMIN"]
                    drop = ["ALL"]
            """#),
    ]

    static let capabilitySilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-build"
              executor = "kubernetes"
              [runners.kubernetes]
                [runners.kubernetes.helper_container_security_context.capabilities]
                  add = ["NET_BIND_SERVICE"]
                  drop = ["ALL"]
            """#),
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "net"
              executor = "docker"
              [runners.docker]
                cap_add = ["NET_BIND_SERVICE"]
                cap_drop = ["NET_ADMIN", "SYS_ADMIN"]
            """#),
    ]

    static let seccompFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "debug"
              executor = "docker"
              [runners.docker]
                security_opt = [↓"seccomp=unconfined"]
            """#),
    ]

    static let seccompSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "debug"
              executor = "docker"
              [runners.docker]
                security_opt = ["no-new-privileges", "seccomp=/etc/docker/seccomp/ci.json"]
            """#),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "host-net"
              executor = "docker"
              [runners.docker]
                network_mode = ↓"host"
            """#),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "bridged"
              executor = "docker"
              [runners.docker]
                network_mode = "gitlab-ci"
                # network_mode = "host"
            """#),
    ]

    static let sensitivePathFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "ops"
              executor = "docker"
              [runners.docker]
                volumes = [↓"/etc:/host/etc:ro", "/cache"]
            """#),
    ]

    static let sensitivePathSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "ops"
              executor = "docker"
              [runners.docker]
                volumes = ["/srv/ci/cache:/cache", "/opt/tools:/tools:ro"]
            """#),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "remote-daemon"
              executor = "docker"
              [runners.docker]
                host = ↓"tcp://10.0.0.5:2375"
                tls_verify = false
            """#),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "remote-daemon"
              executor = "docker"
              [runners.docker]
                host = "tcp://10.0.0.5:2376"
                tls_verify = true
                tls_cert_path = "/etc/gitlab-runner/certs"
            [[runners]]
              name = "local"
              executor = "docker"
              [runners.docker]
                host = "unix:///var/run/docker.sock"
            """#),
    ]

    static let dindPlainTCPFiring: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "dind"
              executor = "docker"
              [runners.docker]
                image = "docker:27"
                privileged = true
                [[runners.docker.services]]
                  name = "docker:27-dind"
                  alias = "docker"
                  command = [↓"--host=tcp://0.0.0.0:2375", "--tls=false"]
            """#),
        // the Kubernetes executor's services are containers of the job pod
        Example("deploy/gitlab-runner/values.yaml", #"""
            runners:
              config: |
                [[runners]]
                  [runners.kubernetes]
                    privileged = true
                    [[runners.kubernetes.services]]
                      name = "docker:27-dind"
                      alias = "dind"
                      command = [
                        ↓"--host=tcp://0.0.0.0:2375",
                      ]
            """#),
    ]

    static let dindPlainTCPSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "dind"
              executor = "docker"
              [runners.docker]
                image = "docker:27"
                privileged = true
                volumes = ["/certs/client", "/cache"]
                [[runners.docker.services]]
                  name = "docker:27-dind"
                  alias = "docker"
                  command = ["--registry-mirror", "https://mirror.example.com"]
            """#),
    ]

    static let hostPIDFiring: [Example] = [
        // a patch that changes the pod, not a container: every container of the job pod gets it
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s-debug"
              executor = "kubernetes"
              [runners.kubernetes]
                [[runners.kubernetes.pod_spec]]
                  name = "host-pid"
                  patch = '''
                    hostPID: ↓true
                  '''
                [[runners.kubernetes.pod_spec]]
                  patch_type = "json"
                  patch = '[{"op": "add", "path": "/hostPID", "value": ↓true}]'
            """#),
    ]

    static let hostPIDSilent: [Example] = [
        Example("etc/gitlab-runner/config.toml", #"""
            [[runners]]
              name = "k8s"
              executor = "kubernetes"
              [runners.kubernetes]
                [[runners.kubernetes.pod_spec]]
                  name = "no-host-pid"
                  patch = '''
                    hostPID: false
                    # hostPID: true
                  '''
            """#),
    ]
}
