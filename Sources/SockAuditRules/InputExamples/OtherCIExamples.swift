import SockAuditCore

/// Gitea and Forgejo Actions workflows (GitHub Actions' syntax under `.gitea/` and `.forgejo/`)
/// and Woodpecker pipelines.
enum OtherCIExamples {
    static let socketMountFiring: [Example] = [
        Example(".gitea/workflows/build.yaml", #"""
            name: build
            on: [push, pull_request]
            jobs:
              image:
                runs-on: ubuntu-latest
                container:
                  image: catthehacker/ubuntu:act-22.04
                  volumes:
                    - ↓/var/run/docker.sock:/var/run/docker.sock
                steps:
                  - uses: actions/checkout@v4
                  - run: docker build -t app .
            """#),
        Example(".forgejo/workflows/test.yml", "on: push\r\njobs:\r\n  test:\r\n    runs-on: docker\r\n    steps:\r\n      - run: |\r\n          docker run --rm ↓-v /run/docker.sock:/var/run/docker.sock app:test\r\n"),
        Example(".woodpecker.yml", #"""
            # build and publish the image
            when:
              - event: [push, tag]

            steps:
              build:
                image: docker:27-cli
                commands:
                  - docker build -t registry.example.com/app:${CI_COMMIT_SHA} .
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
            """#),
        Example(".woodpecker/deploy.yaml", #"""
            x-socket: &socket
              - ↓/var/run/docker.sock:/var/run/docker.sock
            steps:
              - name: deploy
                image: docker:27-cli
                volumes: *socket
                commands:
                  - docker compose up -d
            """#),
    ]

    static let socketMountSilent: [Example] = [
        Example(".gitea/workflows/build.yaml", #"""
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
                container:
                  image: node:20
                  volumes:
                    - node_modules:/app/node_modules
                steps:
                  # - run: docker run -v /var/run/docker.sock:/var/run/docker.sock app
                  - run: npm test
            """#),
        Example(".woodpecker.yml", #"""
            steps:
              test:
                image: golang:1.23
                volumes:
                  - /srv/cache/go:/go/pkg/mod
                commands:
                  - echo "never mount /var/run/docker.sock:/var/run/docker.sock"
                  - go test ./...
            """#),
    ]

    static let privilegedFiring: [Example] = [
        Example(".forgejo/workflows/release.yml", #"""
            on:
              push:
                tags: ['v*']
            jobs:
              release:
                runs-on: docker
                services:
                  docker:
                    image: docker:27-dind
                    options: ↓--privileged
                steps:
                  - run: docker buildx build --push .
            """#),
        Example(".woodpecker.yml", #"""
            steps:
              - name: publish
                image: woodpeckerci/plugin-docker-buildx:5
                privileged: ↓true
                settings:
                  repo: registry.example.com/app
            services:
              docker:
                image: docker:27-dind
                privileged: ↓true
            """#),
        // The Kubernetes backend: the step pod's security context.
        Example(".woodpecker/build.yaml", #"""
            steps:
              - name: image
                image: quay.io/buildah/stable:v1.37
                commands:
                  - buildah bud -t app .
                backend_options:
                  kubernetes:
                    securityContext:
                      privileged: ↓true
                    resources:
                      limits: {memory: 2Gi}
            """#),
    ]

    static let privilegedSilent: [Example] = [
        Example(".woodpecker.yml", #"""
            steps:
              - name: publish
                image: woodpeckerci/plugin-docker-buildx:5
                privileged: false
                settings:
                  privileged: true
                  repo: registry.example.com/app
            """#),
        Example(".gitea/workflows/ci.yml", #"""
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "docker run --privileged is not used here"
            """#),
    ]

    static let hostNetworkFiring: [Example] = [
        Example(".woodpecker/e2e.yml", #"""
            steps:
              e2e:
                image: mcr.microsoft.com/playwright:v1.48.0
                network_mode: ↓host
                commands:
                  - npx playwright test
            """#),
    ]

    static let hostNetworkSilent: [Example] = [
        Example(".woodpecker/e2e.yml", #"""
            steps:
              e2e:
                image: mcr.microsoft.com/playwright:v1.48.0
                network_mode: bridge
                commands:
                  - npx playwright test --host 127.0.0.1
            """#),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example(".woodpecker.yml", #"""
            steps:
              build:
                image: docker:27-cli
                environment:
                  DOCKER_HOST: ↓tcp://docker:2375
                commands:
                  - docker build .
            services:
              docker:
                image: docker:27-dind
                privileged: true
            """#),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example(".woodpecker.yml", #"""
            steps:
              build:
                image: docker:27-cli
                environment:
                  DOCKER_HOST: tcp://docker:2376
                  DOCKER_TLS_VERIFY: "1"
                  DOCKER_CERT_PATH: /certs/client
                commands:
                  - docker build .
            """#),
    ]
}
