import SockAuditCore

/// Dev container examples (`devcontainer.json`, JSON with comments) for each rule the input feeds;
/// each rule appends its own. `↓` marks where each finding must land.
enum DevContainerExamples {
    static let socketMountFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            // For format details, see https://aka.ms/devcontainer.json.
            {
            \t"name": "api",
            \t"image": "mcr.microsoft.com/devcontainers/base:bookworm",
            \t"mounts": [
            \t\t// Docker outside of Docker, by hand
            \t\t↓"source=/var/run/docker.sock,target=/var/run/docker-host.sock,type=bind",
            \t\t{"source": "dind-var-lib-docker", "target": "/var/lib/docker", "type": "volume"},
            \t\t{"type": "bind", "source": ↓"${localEnv:XDG_RUNTIME_DIR}/podman/podman.sock", "target": "/run/podman/podman.sock"},
            \t],
            \t"runArgs": ["--init", ↓"-v", "/run/containerd/containerd.sock:/run/containerd/containerd.sock:ro"],
            }
            """),
        Example(".devcontainer/go/devcontainer.json", """
            {
              "name": "Go",
              "build": { "dockerfile": "Dockerfile", "context": ".." },
              "features": {
                ↓"ghcr.io/devcontainers/features/docker-outside-of-docker:1": {
                  "moby": true,
                },
                "ghcr.io/devcontainers/features/go:1": {},
              },
            }
            """),
        Example(".devcontainer.json", """
            {
              "image": "mcr.microsoft.com/vscode/devcontainers/javascript-node:16",
              "features": {↓"docker-from-docker": "latest"}
            }
            """),
        Example(".devcontainer/devcontainer.json", """
            {
            	"name": "platform",
            	"image": "mcr.microsoft.com/devcontainers/base:bookworm",
            	"features": {
            		"ghcr.io/devcontainers/features/common-utils:2": {},
            		↓"ghcr.io/postfinance/devcontainer-features/docker-out:0.1.0": {
            			"composeVersion": "latest"
            		}
            	}
            }
            """),
    ]

    static let socketMountSilent: [Example] = [
        // kubectl-helm-minikube mounts only a named volume; the socket mount is commented out.
        Example(".devcontainer/devcontainer.json", """
            {
            	"name": "Kubernetes - Local Configuration",
            	"image": "mcr.microsoft.com/devcontainers/base:bullseye",
            	"features": {
            		"ghcr.io/devcontainers/features/kubectl-helm-minikube:1": {"minikube": "none"},
            		"./local-features/copy-kube-config": {}
            	},
            	"mounts": [
            		{
            			"source": "${env:HOME}${env:USERPROFILE}/.kube",
            			"target": "/usr/local/share/kube-localhost",
            			"type": "bind"
            		}
            		// {"source": "/var/run/docker.sock", "target": "/var/run/docker-host.sock", "type": "bind"}
            	]
            }
            """),
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/python:3.12",
              "mounts": [
                "source=${localEnv:HOME}/.ssh,target=/home/vscode/.ssh,type=bind,readonly",
                {"source": "node_modules", "target": "${containerWorkspaceFolder}/node_modules", "type": "volume"},
                "source=docker.sock,target=/var/run/docker.sock,type=volume"
              ],
              // "mounts": ["source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"],
              "features": {
                "ghcr.io/devcontainers/features/docker-in-docker:2": {},
                "ghcr.io/devcontainers/features/github-cli:1": {}
              },
              "containerEnv": {"DOCKER_SOCK": "/var/run/docker.sock"}
            }
            """),
        // The dev container CLI applies runArgs to image and Dockerfile containers only.
        Example(".devcontainer/devcontainer.json", """
            {
              "dockerComposeFile": "docker-compose.yml",
              "service": "app",
              "runArgs": ["-v", "/var/run/docker.sock:/var/run/docker.sock"]
            }
            """, companions: [".devcontainer/docker-compose.yml": "services:\n  app:\n    image: example/app:1\n"]),
    ]

    static let privilegedFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "name": "kernel-dev",
              "build": {"dockerfile": "Dockerfile"},
              ↓"privileged": true,
              "init": true
            }
            """),
        Example(".devcontainer/gpu/devcontainer.json", """
            {
              "image": "nvcr.io/nvidia/pytorch:24.01-py3",
              "runArgs": ["--gpus=all", ↓"--privileged", "--ipc=host"],
            }
            """),
        Example(".devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/universal:2",
              "features": {
                ↓"ghcr.io/devcontainers/features/docker-in-docker:2.12.0": {"version": "latest"}
              }
            }
            """),
        // A feature's privileged is merged as "true if any source says so".
        Example(".devcontainer/arch/devcontainer.json", """
            {
              "image": "docker.io/library/archlinux:base",
              "privileged": false,
              "runArgs": ["--privileged=false", "--init"],
              "features": {
                ↓"ghcr.io/bartventer/arch-devcontainer-features/docker-in-docker:1": {}
              }
            }
            """),
        Example(".devcontainer/compose/devcontainer.json", """
            {
              "dockerComposeFile": ["../docker-compose.yml", "docker-compose.extend.yml"],
              "service": "workspace",
              ↓"privileged": true,
            }
            """, companions: [
                ".devcontainer/docker-compose.yml": "services:\n  workspace:\n    image: example/ws:1\n",
                ".devcontainer/compose/docker-compose.extend.yml": "services:\n  workspace:\n    command: sleep infinity\n",
            ]),
    ]

    static let privilegedSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:ubuntu",
              "privileged": false,
              "runArgs": ["--privileged=false", "--env", "MODE=--privileged"],
              "features": {
                // "ghcr.io/devcontainers/features/docker-in-docker:2": {},
                "ghcr.io/devcontainers/features/docker-outside-of-docker:1": {},
                "ghcr.io/example/features/docker-in-docker-helper:1": {}
              }
            }
            """),
    ]

    static let capabilityFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/cpp:1",
              "capAdd": [↓"SYS_PTRACE"],
              "runArgs": [↓"--cap-add=SYS_ADMIN", ↓"--cap-add", "NET_ADMIN"],
            }
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/cpp:1",
              "capAdd": ["NET_BIND_SERVICE"],
              "runArgs": ["--cap-drop=ALL"]
            }
            """),
    ]

    static let seccompFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/rust:1",
              "capAdd": ["SYS_PTRACE"],
              "securityOpt": [↓"seccomp=unconfined"]
            }
            """),
        Example(".devcontainer/debug/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/go:1",
              "runArgs": ["--cap-add=SYS_PTRACE", ↓"--security-opt", "seccomp=unconfined"]
            }
            """),
    ]

    static let seccompSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/rust:1",
              "securityOpt": ["seccomp=.devcontainer/seccomp.json", "no-new-privileges"]
            }
            """),
    ]

    static let macFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "securityOpt": [↓"apparmor=unconfined"],
              "features": {↓"ghcr.io/devcontainers/features/docker-outside-of-docker:1": {}}
            }
            """),
    ]

    static let macSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "securityOpt": ["label=type:container_t"],
              "features": {"ghcr.io/devcontainers/features/docker-in-docker:2": {}}
            }
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/typescript-node:20",
              "runArgs": [↓"--network=host"],
            }
            """),
        Example(".devcontainer.json", """
            {"image": "example/dev:1", "runArgs": [↓"--net", "host"]}
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/typescript-node:20",
              "runArgs": ["--network=devnet", "--add-host=host.docker.internal:host-gateway"],
              "forwardPorts": [3000]
            }
            """),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "containerEnv": {
                ↓"DOCKER_HOST": "tcp://host.docker.internal:2375"
              }
            }
            """),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "containerEnv": {"DOCKER_HOST": "unix:///var/run/docker-host.sock"},
              "remoteEnv": {"PATH": "${containerEnv:PATH}:/opt/bin"}
            }
            """),
    ]

    static let runsAsRootFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              ↓"containerUser": "root",
              "remoteUser": "root"
            }
            """),
    ]

    /// A dev container is judged on what it states: no user, limit or dropped capability is "missing".
    static let runsAsRootSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "remoteUser": "root"
            }
            """),
        Example(".devcontainer/devcontainer.json", """
            {"image": "example/dev:1", "containerUser": "vscode"}
            """),
        // The extend file's service has no image or build: it is merged over the project's own, so
        // only what it states is judged (the base service sets the user).
        Example(".devcontainer/devcontainer.json", """
            {
            	"name": "Existing Docker Compose (Extend)",
            	"dockerComposeFile": [
            		"../docker-compose.yml",
            		"docker-compose.yml"
            	],
            	"service": "api",
            	"workspaceFolder": "/workspaces/${localWorkspaceFolderBasename}"
            }
            """, companions: [
                "docker-compose.yml": "services:\n  api:\n    image: example/api:2\n    user: \"1000:1000\"\n",
                ".devcontainer/docker-compose.yml": """
                    version: '3.8'
                    services:
                      api:
                        volumes:
                          # Update this to wherever you want VS Code to mount the folder of your project
                          - ..:/workspaces:cached
                        # Overrides default command so things don't shut down after the process ends.
                        command: /bin/sh -c "while sleep 1000; do :; done"
                    """,
            ]),
    ]

    static let sensitivePathFiring: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "mounts": [↓"type=bind,source=/,target=/host,readonly"],
              "workspaceMount": ↓"source=/home,target=/workspaces,type=bind"
            }
            """),
    ]

    static let sensitivePathSilent: [Example] = [
        Example(".devcontainer/devcontainer.json", """
            {
              "image": "mcr.microsoft.com/devcontainers/base:bookworm",
              "workspaceMount": "source=${localWorkspaceFolder},target=/workspace,type=bind,consistency=cached",
              "workspaceFolder": "/workspace"
            }
            """),
    ]
}
