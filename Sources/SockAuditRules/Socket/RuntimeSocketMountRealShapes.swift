import SockAuditCore

/// SA101 examples in the shapes real repositories take that an earlier reading missed: CI/CD
/// component headers, PowerShell steps, branch assignments, Make expansion, Jenkins variables.
enum RuntimeSocketMountRealShapes {
    static let firing: [Example] = [
        Example("templates/docker-test.gitlab-ci.yml", #"""
            spec:
              inputs:
                image:
                  default: docker:27
            ---
            docker-test:
              image: $[[ inputs.image ]]
              script:
                - docker run ↓-v /var/run/docker.sock:/var/run/docker.sock alpine
            """#),
        Example(".gitlab-ci.yml", #"""
            spec:
              inputs:
                stage:
                  default: test
            ---
            include:
              - local: ci/common.yml
            integration:
              stage: $[[ inputs.stage ]]
              script:
                - docker run --rm ↓--volume=/var/run/docker.sock:/var/run/docker.sock example/it:1
            """#),
        Example("scripts/run-tests.sh", #"""
            #!/usr/bin/env bash
            set -euo pipefail
            if [[ "${USE_HOST_DOCKER:-0}" == 1 ]]; then
              DOCKER_OPTS="-v /var/run/docker.sock:/var/run/docker.sock"
            else
              DOCKER_OPTS="--network=host"
            fi
            config=$(cat <<EOF
            {"runner": "it's local (for now)"}
            EOF
            )
            docker run --rm ↓$DOCKER_OPTS example/tests:1 "$config"
            """#),
        Example("Dockerfile-dev", #"""
            FROM docker:27-cli
            CMD ["docker", "run", "--rm", ↓"-v", "/var/run/docker.sock:/var/run/docker.sock", "example/dev:1"]
            """#),
        Example("JenkinsFile", #"""
            node {
              sh 'docker run ↓-v /var/run/docker.sock:/var/run/docker.sock alpine docker ps'
            }
            """#),
        Example("ci/jenkinsfile", #"""
            pipeline {
              agent any
              stages {
                stage('test') {
                  steps { sh "docker run ↓-v /var/run/docker.sock:/var/run/docker.sock alpine" }
                }
              }
            }
            """#),
    ]

    static let silent: [Example] = [
        Example("scripts/run-tests.sh", #"""
            #!/usr/bin/env bash
            if [[ "${CI:-}" == true ]]; then
              DOCKER_OPTS="--network=host"
            else
              DOCKER_OPTS="-v /srv/cache:/cache"
            fi
            docker run --rm $DOCKER_OPTS example/tests:1
            """#),
        Example("templates/lint.gitlab-ci.yml", #"""
            spec:
              inputs:
                socket:
                  default: /var/run/docker.sock
            ---
            lint:
              image: alpine
              script:
                - echo "the socket is $[[ inputs.socket ]]"
            """#),
    ]
}
