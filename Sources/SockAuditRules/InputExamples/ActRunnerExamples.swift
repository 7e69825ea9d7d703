import SockAuditCore

/// The Gitea and Forgejo runner's `config.yaml`, as `act_runner generate-config` writes it and as
/// people trim it.
enum ActRunnerExamples {
    static let socketMountFiring: [Example] = [
        Example("runner/config.yaml", #"""
            log:
              level: info

            runner:
              file: .runner
              capacity: 2
              labels:
                - "ubuntu-latest:docker://docker.gitea.com/runner-images:ubuntu-latest"

            cache:
              enabled: true

            container:
              network: ""
              privileged: false
              options:
              workdir_parent:
              valid_volumes:
                - data
                - ↓/var/run/docker.sock
              docker_host: ↓""
              force_pull: true
            """#),
        Example("forgejo-runner/config.yml", #"""
            runner:
              capacity: 1
            container:
              docker_host: ↓unix:///run/user/1000/podman/podman.sock
            """#),
        // the configuration as a ConfigMap's string, mounted into the runner's pod
        Example("deploy/act-runner-config.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: act-runner-config
            data:
              config.yaml: |
                log:
                  level: info
                runner:
                  capacity: 2
                container:
                  options: --add-host=gitea.local:host-gateway ↓-v /var/run/docker.sock:/var/run/docker.sock
                  valid_volumes: []
                  docker_host: "-"
            """#),
        // Forgejo's runner (known by keys only it reads): `automount` mounts the socket it finds
        Example("forgejo-runner/config.yml", #"""
            log:
              level: info
              job_level: info
            runner:
              file: .runner
              capacity: 1
              report_interval: 1s
              labels: ["docker:docker://data.forgejo.org/oci/node:20-bookworm"]
            cache:
              enabled: true
              proxy_port: 0
            container:
              network: ""
              privileged: false
              valid_volumes: []
              docker_host: ↓automount
            """#),
        // a glob that lets every workflow mount any host path, the socket among them
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 2
            container:
              valid_volumes:
                - ↓'**'
                - "/opt/**"
              docker_host: "-"
            """#),
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 2
            container:
              valid_volumes: ["data", ↓"/var/run/*.sock"]
              docker_host: "-"
            """#),
        // Gitea's act_runner (known by keys only it reads) mounts the socket when the key is left out
        Example("gitea-runner/config.yaml", #"""
            runner:
              file: .runner
              capacity: 1
              fetch_interval_max: 10s
              labels:
                - "ubuntu-latest:docker://docker.gitea.com/runner-images:ubuntu-latest"
                - "linux:host"
            ↓container:
              network: ""
              require_docker: true
              valid_volumes: []
            """#),
    ]

    static let socketMountSilent: [Example] = [
        Example("runner/config.yaml", #"""
            runner:
              capacity: 1
              labels: ["docker:docker://node:20-bookworm"]
            container:
              valid_volumes:
                - '/data/**'
              # docker_host: ""
              docker_host: "-"
            """#),
        // a Compose file that names a container section is not the runner's configuration
        Example("docker-compose.yml", #"""
            services:
              runner:
                image: gitea/act_runner:0.2.11
                environment:
                  CONFIG_FILE: /config.yaml
                volumes:
                  - ./config.yaml:/config.yaml
            """#),
        Example("deploy/act-runner-config.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: act-runner-config
            data:
              config.yaml: |
                runner:
                  capacity: 2
                container:
                  options: --add-host=gitea.local:host-gateway
                  valid_volumes: ['/data/**']
                  docker_host: "-"
            """#),
        // Forgejo's runner mounts nothing for an empty docker_host
        Example("forgejo-runner/config.yml", #"""
            log:
              level: info
              job_level: info
            runner:
              capacity: 1
            cache:
              proxy_port: 0
            container:
              valid_volumes: ["/srv/artifacts/**", "/run/secrets/*.json"]
              docker_host: ""
            """#),
        // the file does not say which runner reads it: a key left out is not judged
        Example("runner/config.yaml", #"""
            runner:
              capacity: 1
            container:
              network: ""
              valid_volumes: []
            """#),
        // every label runs its jobs on the host: no job container is started
        Example("runner/config.yaml", #"""
            runner:
              capacity: 1
              labels: ["macos-arm64:host", "self-hosted:host"]
            container:
              valid_volumes: ['**']
              docker_host: ""
            """#),
    ]

    static let privilegedFiring: [Example] = [
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 4
            container:
              privileged: ↓true
              options: --add-host=gitea.example.com:host-gateway
              docker_host: "-"
            """#),
        Example("config.yaml", "runner:\r\n  capacity: 1\r\ncontainer:\r\n  options: --cpus 2 ↓--privileged\r\n  valid_volumes: []\r\n  docker_host: \"-\"\r\n"),
        // the configuration as a mapping in a chart's values (a Flux HelmRelease's `values:`)
        Example("clusters/forgejo/runner.yaml", #"""
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: forgejo-runner
            spec:
              chart:
                spec: {chart: forgejo-runner, version: "0.7.1"}
              values:
                runner:
                  config:
                    file:
                      runner:
                        capacity: 1
                        labels: ["ubuntu-latest:docker://catthehacker/ubuntu:act-latest"]
                      container:
                        privileged: ↓true
                        docker_host: "-"
            """#),
        // one label runs in containers, so the container settings reach its jobs
        Example("act_runner/config.yaml", #"""
            runner:
              labels:
                - "linux:host"
                - "ubuntu-latest:docker://node:20-bookworm"
            container:
              privileged: ↓true
              docker_host: "-"
            """#),
    ]

    static let privilegedSilent: [Example] = [
        // a chart's values that say nothing of privileged mode
        Example("forgejo-runner/values.yaml", #"""
            replicaCount: 1
            runner:
              config:
                create: true
                file:
                  runner:
                    labels: ["ubuntu-latest:docker://node:20-bookworm"]
                  container:
                    privileged: false
                    docker_host: "-"
            """#),
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 4
            container:
              privileged: false
              options: --add-host=gitea.example.com:host-gateway --env MODE=--privileged
              docker_host: "-"
            """#),
        // jobs of `:host` labels run on the runner's machine as its user, not in a container
        Example("act_runner/config.yaml", #"""
            runner:
              labels: ["linux-amd64:host"]
            container:
              privileged: true
              docker_host: "-"
            """#),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("config.yaml", #"""
            runner:
              capacity: 1
            container:
              network: ↓host
              valid_volumes: []
              docker_host: "-"
            """#),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("config.yaml", #"""
            runner:
              capacity: 1
            container:
              network: gitea_default
              valid_volumes: []
              docker_host: "-"
            """#),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example("config.yaml", #"""
            runner:
              capacity: 2
            container:
              docker_host: ↓tcp://dind:2375
              valid_volumes: []
            """#),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example("config.yaml", #"""
            runner:
              capacity: 2
            container:
              docker_host: "-"
              valid_volumes: ["**"]
            """#),
    ]

    static let sensitivePathFiring: [Example] = [
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 1
            container:
              valid_volumes:
                - data
                - ↓/etc/docker
                - ↓/
              docker_host: "-"
            """#),
    ]

    static let sensitivePathSilent: [Example] = [
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 1
            container:
              valid_volumes: ["data", "/etc/ssl/certs", "/srv/ci/**", "**"]
              docker_host: "-"
            """#),
    ]
}
