import SockAuditCore

/// SA501 and SA502 in the inputs read since the rules were written (the builders are
/// `PrivilegeLocationExamples`'). A complete container without a limit reports it at its own line;
/// Nomad gives every task a limit; a container described in part states only some settings.
enum ResourceLocationExamples {
    typealias P = PrivilegeLocationExamples

    /// A Kubernetes-tool container with neither limit: both rules fire at its line.
    static let missingLimitsFiring: [Example] = [
        Example(".mcp.json", P.mcp(#""--read-only", "#, command: #"↓"docker""#)),
        Example("workflows/build.yaml", P.argo("runAsNonRoot: true", missing: true)),
        Example("tekton/build.yaml", P.tekton("runAsNonRoot: true", missing: true)),
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("read_only: true", missing: true)),
    ]

    static let memoryFiring: [Example] = missingLimitsFiring + [
        Example("task-definition.json", P.ecs(#""cpu": 256"#, missing: true)),
    ]

    static let cpuFiring: [Example] = missingLimitsFiring + [
        Example("task-definition.json", P.ecs(#""memory": 512"#, missing: true)),
        // the memory limit is in an `if` without `else`: read as set; the CPU limit is nowhere
        Example("roles/tools/templates/docker-compose.yml.j2", P.composeTemplate("""
            read_only: true
            {% if tools_memory is defined %}
                mem_limit: "{{ tools_memory }}"
            {% endif %}
            """, missing: true)),
    ]

    /// Containers that are limited, and inputs that never judge a limit missing.
    static let silent: [Example] = [
        Example(".mcp.json", P.hardenedMCP),
        Example("task-definition.json", P.hardenedECS),
        Example("workflows/build.yaml", P.hardenedArgo),
        Example("tekton/build.yaml", P.hardenedTekton),
        Example("roles/tools/templates/docker-compose.yml.j2", P.hardenedComposeTemplate),
        Example("deploy/jobs/tools.nomad", P.nomad()),
        Example(".devcontainer/devcontainer.json", P.devContainer(#""runArgs": ["--init"]"#)),
        Example("act_runner/config.yaml", P.actRunner("--read-only")),
        Example("etc/gitlab-runner/config.toml", P.gitLabRunner(#"volumes = ["/cache"]"#)),
        Example(".woodpecker.yml", "steps:\n  build:\n    image: golang:1.23\n    commands: [go build ./...]\n"),
        Example(".buildkite/pipeline.yml", """
            steps:
              - label: ":go: test"
                command: go test ./...
                plugins:
                  - docker#v5.13.0:
                      image: golang:1.23
            """),
        Example("kind/cluster.yaml", "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n"),
    ]
}
