import SockAuditCore

/// SA302-SA308 in the inputs read since the rules were written: MCP servers, dev containers,
/// runner configurations, other CI systems, Nomad, ECS, the pods of Kubernetes tools and YAML
/// templates. A complete container (an MCP `docker run`, a Nomad task, an ECS container, a pod)
/// lacks a setting at its own line; a container an input describes only in part (a dev container,
/// a runner's job containers, a CI plugin's container) is judged on what it states.
enum PrivilegeLocationExamples {
    /// One MCP server started with `docker run`; `args` go between `--rm` and the image.
    static func mcp(_ args: String, command: String = #""docker""#) -> String {
        """
        {
          "mcpServers": {
            "tools": {
              "command": \(command),
              "args": ["run", "-i", "--rm", \(args)"example/mcp-tools:1"]
            }
          }
        }
        """
    }

    /// The MCP server with every setting the missing-setting rules look for.
    static let hardenedMCP = mcp(#""--cap-drop=ALL", "--cap-add=NET_BIND_SERVICE", "--security-opt=no-new-privileges", "--read-only", "--user=1000:1000", "--memory=512m", "--cpus=1", "-v", "/srv/mcp/data:/data:ro", "#)

    /// A dev container with `lines` after its image.
    static func devContainer(_ lines: String) -> String {
        """
        {
          // the tools container of this repository
          "name": "tools",
          "image": "mcr.microsoft.com/devcontainers/base:ubuntu",
          \(lines)
        }
        """
    }

    /// act_runner's `config.yaml` with a `container.options` string.
    static func actRunner(_ options: String) -> String {
        """
        log:
          level: info
        runner:
          file: .runner
          capacity: 2
        container:
          network: ""
          privileged: false
          options: \(options)
          valid_volumes: []
        """
    }

    /// A GitLab Runner `config.toml` with `lines` in its `[runners.docker]` table.
    static func gitLabRunner(_ lines: String) -> String {
        """
        concurrent = 4

        [[runners]]
          name = "shared-docker"
          url = "https://gitlab.example.com"
          executor = "docker"
          [runners.docker]
            image = "alpine:3.20"
            \(lines)
        """
    }

    /// A Nomad job with one docker task: `task` lines before its `config`, `config` lines in it.
    static func nomad(task: String = "", config: String = "", missing: Bool = false) -> String {
        """
        job "tools" {
          datacenters = ["dc1"]
          group "tools" {
            task \(missing ? "↓" : "")"tools" {
              driver = "docker"
              \(task)
              config {
                image = "example/tools:1"
                \(config)
              }
            }
          }
        }
        """
    }

    /// A Nomad task with every setting the missing-setting rules look for.
    static let hardenedNomad = nomad(
        task: #"user = "1000""#,
        config: #"cap_drop = ["all"]"# + "\n" + #"    security_opt = ["no-new-privileges"]"# + "\n" + "    readonly_rootfs = true")

    /// An ECS task definition with one container; `lines` are its keys after `image`.
    static func ecs(_ lines: String, missing: Bool = false) -> String {
        """
        {
          "family": "tools",
          "containerDefinitions": [
            \(missing ? "↓" : ""){
              "name": "tools",
              "image": "example/tools:1",
              \(lines)
            }
          ]
        }
        """
    }

    static let hardenedECS = ecs("""
        "user": "1000",
              "readonlyRootFilesystem": true,
              "memory": 512,
              "cpu": 256,
              "linuxParameters": {"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}},
              "dockerSecurityOptions": ["no-new-privileges"]
        """)

    /// An Argo Workflow with one container template whose `securityContext` holds `context`.
    static func argo(_ context: String, missing: Bool = false) -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: build-
        spec:
          entrypoint: build
          templates:
            - name: build
              container:
                \(missing ? "↓" : "")image: golang:1.23
                command: [make, build]
                securityContext:
                  \(context)
        """
    }

    static let hardenedArgo = argo("""
        capabilities: {drop: [ALL]}
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  runAsNonRoot: true
                resources:
                  limits: {memory: 1Gi, cpu: "1"}
        """)

    /// A Tekton Task with one step whose `securityContext` holds `context`.
    static func tekton(_ context: String, missing: Bool = false) -> String {
        """
        apiVersion: tekton.dev/v1
        kind: Task
        metadata:
          name: build
        spec:
          steps:
            - \(missing ? "↓" : "")name: build
              image: golang:1.23
              script: make build
              securityContext:
                \(context)
        """
    }

    static let hardenedTekton = tekton("""
        capabilities: {drop: [ALL]}
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                runAsUser: 1000
              computeResources:
                limits: {memory: 1Gi, cpu: "1"}
        """)

    /// A Compose template of an Ansible role with `lines` in its one service.
    static func composeTemplate(_ lines: String, missing: Bool = false) -> String {
        """
        # {{ ansible_managed }}
        services:
          \(missing ? "↓" : "")tools:
            image: "{{ tools_image }}:{{ tools_version }}"
            restart: unless-stopped
            \(lines)
        """
    }

    static let hardenedComposeTemplate = composeTemplate("""
        cap_drop: [ALL]
            security_opt: ["no-new-privileges:true"]
            read_only: true
            user: "{{ tools_uid }}:{{ tools_gid }}"
        {% if tools_limits | default(true) %}
            mem_limit: "{{ tools_memory }}"
            cpus: 1
            pids_limit: 256
        {% endif %}
        """)

    // MARK: SA302

    static let capabilityFiring: [Example] = [
        Example(".mcp.json", mcp(#"↓"--cap-add=SYS_ADMIN", ↓"--cap-add", "NET_ADMIN", "#)),
        Example("act_runner/config.yaml", actRunner("--cap-add=NET_BIND_SERVICE ↓--cap-add=SYS_PTRACE")),
        Example("deploy/jobs/tools.nomad", nomad(config: #"cap_add = [↓"sys_admin", "net_bind_service"]"#)),
        Example("task-definition.json", ecs(#""linuxParameters": {"capabilities": {"add": [↓"SYS_ADMIN", ↓"CAP_NET_ADMIN"]}}"#)),
        Example("workflows/build.yaml", argo("capabilities: {add: [↓SYS_ADMIN]}")),
        Example("tekton/build.yaml", tekton("capabilities:\n          add: [↓BPF]")),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("""
            cap_add:
            {% if tools_debug %}
                  - ↓SYS_PTRACE
            {% else %}
                  - NET_BIND_SERVICE
            {% endif %}
            """)),
        Example(".woodpecker.yml", """
            steps:
              test:
                image: docker:27-cli
                commands:
                  - docker run --rm ↓--cap-add SYS_ADMIN alpine:3.20 mount -t tmpfs none /mnt
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example("act_runner/config.yaml", actRunner("--cap-drop=ALL --cap-add=NET_BIND_SERVICE")),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("task-definition.json", hardenedECS),
        Example("workflows/build.yaml", hardenedArgo),
        Example("tekton/build.yaml", hardenedTekton),
        Example("roles/tools/templates/docker-compose.yml.j2", hardenedComposeTemplate),
    ]

    // MARK: SA303

    static let capabilitiesNotDroppedFiring: [Example] = [
        Example(".mcp.json", mcp(#""--cap-add=NET_BIND_SERVICE", "#, command: #"↓"docker""#)),
        Example("deploy/jobs/tools.nomad", nomad(config: #"cap_drop = ["net_raw"]"#, missing: true)),
        Example("workflows/build.yaml", argo("runAsNonRoot: true", missing: true)),
        Example("tekton/build.yaml", tekton("runAsNonRoot: true", missing: true)),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("cap_add: [NET_BIND_SERVICE]", missing: true)),
    ]

    /// The inputs that describe a container in part never report a drop as missing.
    static let capabilitiesNotDroppedSilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("workflows/build.yaml", hardenedArgo),
        Example("tekton/build.yaml", hardenedTekton),
        Example("roles/tools/templates/docker-compose.yml.j2", hardenedComposeTemplate),
        Example(".devcontainer/devcontainer.json", devContainer(#""capAdd": ["NET_BIND_SERVICE"]"#)),
        Example("act_runner/config.yaml", actRunner("--cap-add=NET_BIND_SERVICE")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"cap_add = ["NET_BIND_SERVICE"]"#)),
    ]

    // MARK: SA304

    static let seccompFiring: [Example] = [
        Example(".mcp.json", mcp(#"↓"--security-opt", "seccomp=unconfined", "#)),
        Example("act_runner/config.yaml", actRunner("--memory=2g ↓--security-opt seccomp=unconfined")),
        Example("deploy/jobs/tools.nomad", nomad(config: #"security_opt = [↓"seccomp=unconfined"]"#)),
        Example("task-definition.json", ecs(#""dockerSecurityOptions": [↓"seccomp:unconfined"]"#)),
        Example("workflows/build.yaml", argo("seccompProfile:\n            type: ↓Unconfined")),
        Example("tekton/build.yaml", tekton("seccompProfile: {type: ↓Unconfined}")),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("security_opt:\n      - ↓seccomp:unconfined")),
    ]

    static let seccompSilent: [Example] = [
        Example(".mcp.json", mcp(#""--security-opt", "seccomp=/etc/docker/seccomp/tools.json", "#)),
        Example("act_runner/config.yaml", actRunner("--security-opt seccomp=/etc/act_runner/seccomp.json")),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("task-definition.json", hardenedECS),
        Example("workflows/build.yaml", argo("seccompProfile: {type: RuntimeDefault}")),
        Example("tekton/build.yaml", tekton("seccompProfile: {type: RuntimeDefault}")),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate(#"security_opt: ["seccomp:{{ seccomp_profile }}"]"#)),
    ]

    // MARK: SA305

    static let macFiring: [Example] = [
        Example(".mcp.json", mcp(#"↓"--security-opt=apparmor=unconfined", ↓"--security-opt=label=disable", "#)),
        Example("act_runner/config.yaml", actRunner("↓--security-opt apparmor=unconfined")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"security_opt = [↓"label=disable", "seccomp=/etc/gitlab-runner/seccomp.json"]"#)),
        Example("deploy/jobs/tools.nomad", nomad(config: #"security_opt = [↓"apparmor=unconfined"]"#)),
        Example("task-definition.json", ecs(#""dockerSecurityOptions": [↓"label:disable", "no-new-privileges"]"#)),
        Example("workflows/build.yaml", argo("appArmorProfile:\n            type: ↓Unconfined")),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("security_opt:\n      - ↓apparmor:unconfined")),
    ]

    static let macSilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example("act_runner/config.yaml", actRunner("--security-opt apparmor=docker-default")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"security_opt = ["label=type:container_runtime_t"]"#)),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("task-definition.json", hardenedECS),
        Example("workflows/build.yaml", argo("appArmorProfile: {type: RuntimeDefault}")),
        Example("roles/tools/templates/docker-compose.yml.j2", hardenedComposeTemplate),
    ]

    // MARK: SA306

    static let noNewPrivilegesFiring: [Example] = [
        Example(".mcp.json", mcp(#""--read-only", "#, command: #"↓"docker""#)),
        Example(".vscode/mcp.json", """
            {
              "servers": {
                "tools": {
                  "command": "podman",
                  "args": ["run", "-i", "--rm", ↓"--security-opt", "no-new-privileges=false", "example/mcp-tools:1"]
                }
              }
            }
            """),
        Example(".devcontainer/devcontainer.json", devContainer(#""securityOpt": [↓"no-new-privileges:false"]"#)),
        Example("act_runner/config.yaml", actRunner("↓--security-opt no-new-privileges=false")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"security_opt = [↓"no-new-privileges:false"]"#)),
        Example("deploy/jobs/tools.nomad", nomad(config: #"security_opt = [↓"no-new-privileges=false"]"#)),
        Example("workflows/build.yaml", argo("allowPrivilegeEscalation: ↓true")),
        Example("tekton/build.yaml", tekton("runAsNonRoot: true", missing: true)),
        Example(".buildkite/pipeline.yml", """
            steps:
              - label: ":go: test"
                command: go test ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
                      security-opts: [↓"no-new-privileges=false"]
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("read_only: true", missing: true)),
    ]

    static let noNewPrivilegesSilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example(".devcontainer/devcontainer.json", devContainer(#""securityOpt": ["no-new-privileges"]"#)),
        // a dev container and a runner's job containers state only some settings
        Example(".devcontainer/devcontainer.json", devContainer(#""runArgs": ["--init"]"#)),
        Example("act_runner/config.yaml", actRunner("--memory=2g")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"volumes = ["/cache"]"#)),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("workflows/build.yaml", hardenedArgo),
        Example("tekton/build.yaml", hardenedTekton),
        Example(".buildkite/pipeline.yml", """
            steps:
              - label: ":go: test"
                command: go test ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", hardenedComposeTemplate),
    ]

    // MARK: SA307

    static let writableRootFiring: [Example] = [
        Example(".mcp.json", mcp(#""--cap-drop=ALL", "#, command: #"↓"docker""#)),
        Example(".devcontainer/devcontainer.json", devContainer(#""runArgs": ["--init", ↓"--read-only=false"]"#)),
        Example("act_runner/config.yaml", actRunner("--cap-drop=ALL ↓--read-only=false")),
        Example("deploy/jobs/tools.nomad", nomad(config: "↓readonly_rootfs = false")),
        Example("workflows/build.yaml", argo("readOnlyRootFilesystem: ↓false")),
        Example("tekton/build.yaml", tekton("runAsNonRoot: true", missing: true)),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("read_only: ↓false")),
    ]

    static let writableRootSilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example(".devcontainer/devcontainer.json", devContainer(#""runArgs": ["--init"]"#)),
        Example("act_runner/config.yaml", actRunner("--read-only")),
        Example("etc/gitlab-runner/config.toml", gitLabRunner(#"volumes = ["/cache"]"#)),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("workflows/build.yaml", hardenedArgo),
        Example("tekton/build.yaml", hardenedTekton),
        // a switch the template writes is set to a value the scan cannot see
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("read_only: {{ tools_read_only | default(true) }}")),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("""
            read_only: true
            {% if tools_cache %}
                tmpfs: ["/var/cache/tools"]
            {% endif %}
            """)),
    ]

    // MARK: SA308

    static let runsAsRootFiring: [Example] = [
        Example(".mcp.json", mcp(#"↓"--user", "root", "#)),
        Example("act_runner/config.yaml", actRunner("↓--user 0:0")),
        Example("deploy/jobs/tools.nomad", nomad(task: #"↓user = "root""#)),
        Example("task-definition.json", ecs(#"↓"user": "0:0""#)),
        Example("workflows/build.yaml", argo("runAsUser: ↓0")),
        Example("tekton/build.yaml", tekton("runAsUser: ↓0")),
        Example("jenkins.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: k8s
                    templates:
                      - name: builder
                        containers:
                          - name: jnlp
                            image: jenkins/inbound-agent:3283.v92c105e0f819-1
                            runAsUser: ↓"0"
            """),
        Example(".buildkite/pipeline.yml", """
            steps:
              - label: ":hammer: package"
                command: make package
                plugins:
                  - docker#v5.13.0:
                      image: debian:12
                      user: ↓root
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", composeTemplate("user: ↓root")),
    ]

    static let runsAsRootSilent: [Example] = [
        Example(".mcp.json", hardenedMCP),
        Example("act_runner/config.yaml", actRunner("--user 1000:1000")),
        Example("deploy/jobs/tools.nomad", hardenedNomad),
        Example("task-definition.json", hardenedECS),
        Example("workflows/build.yaml", hardenedArgo),
        Example("tekton/build.yaml", hardenedTekton),
        Example(".buildkite/pipeline.yml", """
            steps:
              - label: ":hammer: package"
                command: make package
                plugins:
                  - docker#v5.13.0:
                      image: debian:12
                      user: "1000:1000"
              - label: ":go: test"
                command: go test ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
            """),
        Example("roles/tools/templates/docker-compose.yml.j2", hardenedComposeTemplate),
    ]
}
