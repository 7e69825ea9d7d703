import SockAuditCore

/// SA401-SA405 in the inputs read since the rules were written (the builders are
/// `PrivilegeLocationExamples`'). SA405 includes a path deep inside `/var/lib/docker` and
/// read-only mounts, which still fire.
enum IsolationLocationExamples {
    typealias P = PrivilegeLocationExamples

    /// An OpenShift Template whose one Pod object has `spec` lines before its container.
    static func openShift(_ spec: String, volumes: String = "") -> String {
        """
        apiVersion: template.openshift.io/v1
        kind: Template
        metadata:
          name: node-tools
        parameters:
          - name: IMAGE
            value: registry.example.com/tools/node-tools:2.1
        objects:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: node-tools
            spec:
              \(spec)
              containers:
                - name: tools
                  image: ${IMAGE}
                  volumeMounts: [{name: host, mountPath: /host, readOnly: true}]
              volumes:
                - name: host
                  \(volumes.isEmpty ? "emptyDir: {}" : volumes)
        """
    }

    // MARK: SA401

    static let hostPIDFiring: [Example] = [
        Example(".mcp.json", P.mcp(#"↓"--pid=host", "#)),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": ["--init", ↓"--pid=host"]"#)),
        Example("act_runner/config.yaml", P.actRunner("--memory=2g ↓--pid=host")),
        Example("deploy/jobs/tools.nomad", P.nomad(config: #"↓pid_mode = "host""#)),
        Example("task-definition.json", """
            {
              "family": "node-tools",
              ↓"pidMode": "host",
              "containerDefinitions": [{"name": "tools", "image": "example/tools:1"}]
            }
            """),
        Example("openshift/node-tools.yaml", openShift("hostPID: ↓true")),
        Example(".drone.yml", """
            kind: pipeline
            type: docker
            name: default

            steps:
              - name: profile
                image: docker:27-cli
                commands:
                  - docker run --rm ↓--pid=host example/profiler:1
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("pid: ↓host")),
    ]

    static let hostPIDSilent: [Example] = [
        Example(".mcp.json", P.hardenedMCP),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": ["--init", "--pid=private"]"#)),
        Example("act_runner/config.yaml", P.actRunner("--pid=container:sidecar")),
        Example("deploy/jobs/tools.nomad", P.hardenedNomad),
        Example("task-definition.json", P.hardenedECS),
        Example("openshift/node-tools.yaml", openShift("hostPID: false")),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("pid: \"{{ tools_pid_mode }}\"")),
    ]

    // MARK: SA402

    static let hostNetworkFiring: [Example] = [
        Example(".mcp.json", P.mcp(#"↓"--network", "host", "#)),
        Example("act_runner/config.yaml", P.actRunner("↓--net=host")),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("""
            {% if tools_host_network %}
                network_mode: ↓host
            {% else %}
                network_mode: bridge
            {% endif %}
            """)),
    ]

    static let hostNetworkSilent: [Example] = [
        Example(".mcp.json", P.mcp(#""--network", "mcp-internal", "#)),
        Example("act_runner/config.yaml", P.actRunner("--network=ci")),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("network_mode: \"{{ tools_network_mode }}\"")),
    ]

    // MARK: SA403

    static let hostIPCFiring: [Example] = [
        Example(".mcp.json", P.mcp(#"↓"--ipc", "host", "#)),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": [↓"--ipc=host", "--shm-size=2g"]"#)),
        Example("act_runner/config.yaml", P.actRunner("↓--ipc=host")),
        Example("deploy/jobs/tools.nomad", P.nomad(config: #"↓ipc_mode = "host""#)),
        Example("task-definition.json", """
            {
              "family": "shm-tools",
              ↓"ipcMode": "host",
              "containerDefinitions": [{"name": "tools", "image": "example/tools:1"}]
            }
            """),
        Example("openshift/node-tools.yaml", openShift("hostIPC: ↓true")),
        Example("etc/containers/systemd/tools.container", """
            [Container]
            Image=registry.example.com/tools/shm:1
            PodmanArgs=↓--ipc=host
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("ipc: ↓host")),
    ]

    static let hostIPCSilent: [Example] = [
        Example(".mcp.json", P.hardenedMCP),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": ["--ipc=private", "--shm-size=2g"]"#)),
        Example("act_runner/config.yaml", P.actRunner("--ipc=shareable")),
        Example("deploy/jobs/tools.nomad", P.hardenedNomad),
        Example("task-definition.json", P.hardenedECS),
        Example("openshift/node-tools.yaml", openShift("hostIPC: false")),
        Example("etc/containers/systemd/tools.container", """
            [Container]
            Image=registry.example.com/tools/shm:1
            PodmanArgs=--ipc=private --shm-size=2g
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("ipc: shareable")),
    ]

    // MARK: SA404

    static let hostUsernsFiring: [Example] = [
        Example(".mcp.json", P.mcp(#"↓"--userns=host", "#)),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": [↓"--userns", "host"]"#)),
        Example("act_runner/config.yaml", P.actRunner("↓--userns=host")),
        Example("etc/gitlab-runner/config.toml", P.gitLabRunner(#"userns_mode = ↓"host""#)),
        Example("deploy/jobs/tools.nomad", P.nomad(config: #"↓userns_mode = "host""#)),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("userns_mode: ↓host")),
    ]

    static let hostUsernsSilent: [Example] = [
        Example(".mcp.json", P.hardenedMCP),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": ["--userns=keep-id"]"#)),
        Example("act_runner/config.yaml", P.actRunner("--memory=2g")),
        Example("etc/gitlab-runner/config.toml", P.gitLabRunner(#"userns_mode = "remap""#)),
        Example("deploy/jobs/tools.nomad", P.hardenedNomad),
        Example("roles/tools/templates/docker-compose.yml.j2", P.hardenedComposeTemplate),
    ]

    // MARK: SA405

    static let sensitivePathFiring: [Example] = [
        Example(".mcp.json", P.mcp(#"↓"-v", "/var/lib/docker/volumes/app_data/_data:/data:ro", ↓"--mount", "type=bind,src=/etc/ssh,dst=/ssh,readonly", "#)),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""mounts": [↓"source=/var/lib/docker/overlay2,target=/overlay,type=bind,readonly", {"source": ↓"/etc/kubernetes", "target": "/k8s", "type": "bind"}]"#)),
        Example("act_runner/config.yaml", P.actRunner("↓-v /var/lib/docker/containers:/logs:ro")),
        Example("etc/gitlab-runner/config.toml", P.gitLabRunner(#"volumes = ["/cache", ↓"/var/lib/docker/image/overlay2:/layers:ro"]"#)),
        Example("deploy/jobs/tools.nomad", P.nomad(config: """
            volumes = [↓"/var/lib/docker/volumes:/volumes:ro"]
                    mount {
                      type     = "bind"
                      ↓source   = "/etc/docker"
                      target   = "/docker-config"
                      readonly = true
                    }
            """)),
        Example("task-definition.json", """
            {
              "family": "tools",
              "volumes": [{"name": "layers", "host": {↓"sourcePath": "/var/lib/docker/overlay2"}}],
              "containerDefinitions": [
                {"name": "tools", "image": "example/tools:1",
                 "mountPoints": [{"sourceVolume": "layers", "containerPath": "/layers", "readOnly": true}]}
              ]
            }
            """),
        Example("workflows/cleanup.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: cleanup-
            spec:
              entrypoint: cleanup
              volumes:
                - name: docker-volumes
                  hostPath:
                    path: ↓/var/lib/docker/volumes
              templates:
                - name: cleanup
                  container:
                    image: alpine:3.20
                    volumeMounts: [{name: docker-volumes, mountPath: /volumes, readOnly: true}]
            """),
        Example("tekton/inspect.yaml", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: inspect
            spec:
              steps:
                - name: inspect
                  image: alpine:3.20
                  volumeMounts: [{name: pods, mountPath: /pods, readOnly: true}]
              volumes:
                - name: pods
                  hostPath: {path: ↓/var/lib/kubelet/pods}
            """),
        Example("openshift/node-tools.yaml", openShift("hostPID: false", volumes: "hostPath: {path: ↓/var/lib/containers/../docker/image}")),
        Example("jenkins.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: k8s
                    templates:
                      - name: cache
                        volumes:
                          - hostPathVolume:
                              hostPath: ↓/var/lib/docker/volumes/jenkins_cache/_data
                              mountPath: /cache
            """),
        Example("kind/cluster.yaml", """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
              - role: control-plane
                extraMounts:
                  - hostPath: ↓/var/lib/docker/image
                    containerPath: /host-images
                    readOnly: true
            """),
        Example(".woodpecker.yml", """
            steps:
              audit:
                image: alpine:3.20
                volumes:
                  - ↓/var/lib/docker/containers:/containers:ro
                  - /srv/cache:/cache
                commands:
                  - ls /containers
            """),
        Example("etc/containers/systemd/tools.container", """
            [Container]
            Image=registry.example.com/tools/audit:1
            Volume=↓/var/lib/docker/image/overlay2:/layers:ro,Z
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("""
            volumes:
                  - "{{ tools_data_dir }}:/data"
            {% for name in tools_watched_volumes %}
                  - ↓/var/lib/docker/volumes/{{ name }}/_data:/watch/{{ name }}:ro
            {% endfor %}
            """)),
    ]

    static let sensitivePathSilent: [Example] = [
        Example(".mcp.json", P.hardenedMCP),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""mounts": ["source=/etc/ssl/certs,target=/etc/ssl/certs,type=bind,readonly"]"#)),
        Example("act_runner/config.yaml", P.actRunner("-v /srv/ci/cache:/cache")),
        Example("etc/gitlab-runner/config.toml", P.gitLabRunner(#"volumes = ["/cache", "/srv/gitlab-runner/builds:/builds"]"#)),
        Example("deploy/jobs/tools.nomad", P.nomad(config: #"volumes = ["local/config:/etc/tools", "/srv/tools:/data:ro"]"#)),
        Example("task-definition.json", P.hardenedECS),
        Example("kind/cluster.yaml", """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
              - role: control-plane
                extraMounts:
                  - hostPath: /srv/kind/data
                    containerPath: /data
            """),
        Example(".woodpecker.yml", """
            steps:
              build:
                image: golang:1.23
                volumes: [/srv/cache/go:/go/pkg]
                commands: [go build ./...]
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("volumes:\n      - \"{{ docker_root }}/volumes:/volumes:ro\"")),
    ]
}
