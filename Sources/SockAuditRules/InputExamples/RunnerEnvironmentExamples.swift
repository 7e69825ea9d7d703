import SockAuditCore

/// A CI runner configured through an environment file (a Drone runner's `.env`, the variables
/// `gitlab-runner register` reads) or through variables a script exports before it registers one.
enum RunnerEnvironmentExamples {
    static let socketMountFiring: [Example] = [
        Example("drone-runner.env", #"""
            DRONE_RPC_PROTO=https
            DRONE_RPC_HOST=drone.example.com
            DRONE_RPC_SECRET=replace-me
            DRONE_RUNNER_CAPACITY=2
            # every step gets the host's daemon
            export ↓DRONE_RUNNER_VOLUMES="/var/run/docker.sock:/var/run/docker.sock"
            """#),
        Example("runner/.env", #"""
            CI_SERVER_URL=https://gitlab.example.com
            REGISTRATION_TOKEN=replace-me
            RUNNER_EXECUTOR=docker
            DOCKER_IMAGE=alpine:3.20
            ↓DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            """#),
        Example("scripts/register-runner.sh", #"""
            #!/bin/sh
            set -eu
            export DOCKER_IMAGE=docker:27-cli
            export ↓DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            gitlab-runner register --non-interactive \
              --url "$CI_SERVER_URL" --token "$RUNNER_TOKEN" --executor docker
            """#),
    ]

    static let socketMountSilent: [Example] = [
        Example("drone-runner.env", #"""
            DRONE_RPC_HOST=drone.example.com
            DRONE_RUNNER_VOLUMES=/srv/ci/cache:/cache # shared build cache
            """#),
        // DOCKER_VOLUMES in an application's .env, with no runner registration beside it
        Example(".env", #"""
            COMPOSE_PROJECT_NAME=shop
            DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            """#),
        // exported after the registration, and dropped again
        Example("scripts/register-runner.sh", #"""
            #!/bin/sh
            gitlab-runner register --non-interactive --url "$CI_SERVER_URL" --executor docker
            export DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock
            unset DOCKER_VOLUMES
            """#),
    ]

    static let privilegedFiring: [Example] = [
        Example(".env.runner", #"""
            CI_SERVER_URL=https://gitlab.example.com
            RUNNER_EXECUTOR=docker
            ↓DOCKER_PRIVILEGED=true
            """#),
        // an image that registers its runner from the environment when it starts
        Example("gitlab-runner/docker-compose.yml", #"""
            services:
              runner:
                image: sameersbn/gitlab-ci-multi-runner:latest
                restart: always
                environment:
                  - CI_SERVER_URL=https://gitlab.example.com/ci
                  - RUNNER_TOKEN=replace-me
                  - RUNNER_EXECUTOR=docker
                  - DOCKER_IMAGE=docker:27
                  - ↓DOCKER_PRIVILEGED=true
            """#),
        // Woodpecker 3 runs no plugin privileged unless the server lists it
        Example("woodpecker/docker-compose.yml", #"""
            services:
              woodpecker-server:
                image: woodpeckerci/woodpecker-server:v3
                environment:
                  - WOODPECKER_HOST=https://ci.example.com
                  - ↓WOODPECKER_PLUGINS_PRIVILEGED=woodpeckerci/plugin-docker-buildx:5.0.0
            """#),
        Example("etc/default/drone-runner", #"""
            DRONE_RPC_HOST=drone.example.com
            ↓DRONE_RUNNER_PRIVILEGED_IMAGES=registry.example.com/ci/docker-builder
            """#),
    ]

    static let privilegedSilent: [Example] = [
        // registered unprivileged
        Example("gitlab-runner/docker-compose.yml", #"""
            services:
              runner:
                image: sameersbn/gitlab-ci-multi-runner:latest
                environment:
                  - CI_SERVER_URL=https://gitlab.example.com/ci
                  - RUNNER_EXECUTOR=docker
                  - DOCKER_PRIVILEGED=false
                  - DOCKER_IMAGE=docker:27
            """#),
        Example("woodpecker/docker-compose.yml", #"""
            services:
              woodpecker-server:
                image: woodpeckerci/woodpecker-server:v3
                environment:
                  - WOODPECKER_HOST=https://ci.example.com
                  - WOODPECKER_PLUGINS_PRIVILEGED=
            """#),
        Example(".env.runner", #"""
            CI_SERVER_URL=https://gitlab.example.com
            RUNNER_EXECUTOR=docker
            DOCKER_PRIVILEGED=false
            """#),
    ]
}
