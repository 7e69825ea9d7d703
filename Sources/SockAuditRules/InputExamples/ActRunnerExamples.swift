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
    ]

    static let privilegedSilent: [Example] = [
        Example("act_runner/config.yaml", #"""
            runner:
              capacity: 4
            container:
              privileged: false
              options: --add-host=gitea.example.com:host-gateway --env MODE=--privileged
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
}
