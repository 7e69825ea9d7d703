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
        Example("Makefile", #"""
            DOCKER ?= docker
            SOCKET_MOUNT = -v /var/run/docker.sock:/var/run/docker.sock
            DOCKER_RUN = $(DOCKER) run --rm $(SOCKET_MOUNT)
            IMAGE := example/ci:1

            .PHONY: test e2e
            test:
            \#t↓$(DOCKER_RUN) $(IMAGE) make check
            e2e:
            \#tdocker run --rm ↓$(if $(CI),-v /var/run/docker.sock:/var/run/docker.sock,--network=host) \
            \#t  -e VERSION="$(shell git describe --tags 2>/dev/null || echo "v0 (dev)")" $(IMAGE)
            """#),
        Example(".github/workflows/windows.yml", #"""
            on: push
            jobs:
              build:
                runs-on: windows-2022
                steps:
                  - run: |
                      docker run --rm `
                        ↓-v //./pipe/docker_engine://./pipe/docker_engine `
                        mcr.microsoft.com/windows/servercore:ltsc2022
              linux:
                runs-on: ubuntu-latest
                steps:
                  - shell: pwsh
                    run: docker run --rm ↓-v "/var/run/docker.sock:/var/run/docker.sock" alpine
            """#),
        Example("Jenkinsfile", #"""
            node {
              def app = docker.build("example/app:${env.BUILD_ID}")
              app.inside('↓-v /var/run/docker.sock:/var/run/docker.sock -u root') {
                sh 'docker ps'
              }
              withDockerContainer(image: 'docker:27-cli', args: '↓-v /var/run/docker.sock:/var/run/docker.sock') {
                sh 'docker info'
              }
            }
            """#),
        Example("Jenkinsfile", #"""
            podTemplate(yaml: '''
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - name: docker
                    image: docker:27-cli
                    command: [sleep]
                    args: [99d]
                    volumeMounts:
                    - name: dockersock
                      mountPath: /var/run/docker.sock
                  volumes:
                  - name: dockersock
                    hostPath:
                      path: ↓/var/run/docker.sock
            ''') {
              node(POD_LABEL) {
                container('docker') { sh 'docker version' }
              }
            }
            """#),
        Example("ci/build.jenkinsfile", #"""
            pipeline {
              agent {
                kubernetes {
                  yaml """
            spec:
              containers:
              - name: kaniko
                image: gcr.io/kaniko-project/executor:debug
                volumeMounts: [{name: run, mountPath: /host-run}]
              volumes:
              - {name: run, hostPath: {path: ↓/var/run}}
            """
                }
              }
              stages { stage('b') { steps { sh 'true' } } }
            }
            """#),
        // `shell: cmd`: `^` continues a line, `rem`/`::` are comments, `&&` and parentheses end commands.
        Example(".github/workflows/windows.yml", #"""
            on: push
            jobs:
              build:
                runs-on: windows-2022
                steps:
                  - shell: cmd
                    run: |
                      @echo off
                      rem the engine's named pipe, for docker-in-docker builds
                      docker run --rm ^
                        ↓-v "\\.\pipe\docker_engine:\\.\pipe\docker_engine" ^
                        mcr.microsoft.com/windows/servercore:ltsc2022 && echo done
                      if defined CI (call docker run ↓-v //./pipe/docker_engine://./pipe/docker_engine alpine)
                      docker run --rm ↓--mount type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock alpine
            """#),
        // A GitLab job on a Windows runner (tagged so): its script is PowerShell.
        Example(".gitlab-ci.yml", #"""
            default:
              tags: [saas-windows-medium-amd64]
            build:
              script:
                - |
                  docker run --rm `
                    ↓-v //./pipe/docker_engine://./pipe/docker_engine `
                    mcr.microsoft.com/windows/servercore:ltsc2022
                - docker run ↓-v "\\.\pipe\docker_engine:\\.\pipe\docker_engine" $env:IMAGE
            """#),
    ]

    static let silent: [Example] = [
        Example("Makefile", #"""
            SOCKET_MOUNT = -v /srv/cache:/cache
            RUN = docker run --rm $(SOCKET_MOUNT)
            # RUN = docker run -v /var/run/docker.sock:/var/run/docker.sock
            test:
            \#t$(RUN) $(IMAGE) echo /var/run/docker.sock
            """#),
        Example(".github/workflows/windows.yml", #"""
            on: push
            jobs:
              build:
                runs-on: windows-latest
                steps:
                  - run: |
                      # docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
                      docker run --rm -e "SOCK=/var/run/docker.sock" `
                        -v C:\cache:C:\cache mcr.microsoft.com/windows/nanoserver:ltsc2022
                  - shell: cmd
                    run: |
                      rem docker run -v /var/run/docker.sock:/s alpine
                      :: docker run -v \\.\pipe\docker_engine:\\.\pipe\docker_engine alpine
                      echo docker run -v /var/run/docker.sock:/s alpine
                      docker run -v "C:\build cache:C:\cache" alpine
            """#),
        Example("Jenkinsfile", #"""
            node {
              def app = docker.build("example/app")
              app.inside('-v $HOME/.m2:/root/.m2') { sh 'mvn -B verify' }
              app.run('-p 8080:8080')
            }
            """#),
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
