import SockAuditCore

/// MCP client configuration examples: a server started with `docker`/`podman` is that command line.
enum MCPConfigExamples {
    static let socketMountFiring: [Example] = [
        Example(".mcp.json", """
            {
              "mcpServers": {
                "docker": {
                  "command": "docker",
                  "args": [
                    "run", "-i", "--rm",
                    ↓"-v", "/var/run/docker.sock:/var/run/docker.sock",
                    "mcp/docker:latest"
                  ]
                },
                "fetch": {"command": "uvx", "args": ["mcp-server-fetch"]}
              }
            }
            """),
        Example(".vscode/mcp.json", """
            {
              // VS Code reads this file with comments
              "inputs": [{"type": "promptString", "id": "token", "password": true}],
              "servers": {
                "containers": {
                  "type": "stdio",
                  "command": "/usr/bin/podman",
                  "args": ["run", "-i", "--rm", ↓"--mount=type=bind,src=/run/user/1000/podman/podman.sock,dst=/run/podman.sock", "quay.io/example/mcp-podman:1"],
                },
              },
            }
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example(".mcp.json", """
            {
              "mcpServers": {
                "github": {
                  "command": "docker",
                  "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
                  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}
                },
                "files": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem", "-v", "/var/run/docker.sock:/var/run/docker.sock"]
                },
                "logs": {
                  "command": "docker",
                  "args": ["logs", "-f", "-v", "/var/run/docker.sock:/x"]
                }
              }
            }
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("claude_desktop_config.json", """
            {
              "mcpServers": {
                "kubernetes": {
                  "command": "docker",
                  "args": ["run", "-i", "--rm", ↓"--privileged", "--network=host", "example/mcp-k8s:0.3"]
                }
              }
            }
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example(".cursor/mcp.json", """
            {
              "mcpServers": {
                "sqlite": {
                  "command": "docker",
                  "args": ["run", "--rm", "-i", "mcp/sqlite", "--privileged"]
                }
              }
            }
            """),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example(".mcp.json", """
            {
              "mcpServers": {
                "remote-docker": {
                  "command": "docker",
                  "args": ["run", "-i", "--rm", "mcp/time"],
                  "env": {↓"DOCKER_HOST": "tcp://build-host:2375"}
                },
                "other": {
                  "command": "docker",
                  "args": [↓"-H", "tcp://10.0.0.5:2375", "run", "-i", "--rm", "mcp/time"]
                }
              }
            }
            """),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example(".mcp.json", """
            {
              "mcpServers": {
                "remote-docker": {
                  "command": "docker",
                  "args": ["run", "-i", "--rm", "mcp/time"],
                  "env": {"DOCKER_HOST": "ssh://builder@build-host"}
                }
              }
            }
            """),
    ]
}
