import SockAuditCore

/// Nomad job files (`*.nomad`, `*.nomad.hcl`) whose tasks run on the docker driver; each rule
/// appends its own. `↓` marks where each finding must land: the attribute, or a list entry.
enum NomadExamples {
    static let socketMountFiring: [Example] = [
        Example("jobs/ci-agent.nomad", """
            job "ci-agent" {
              datacenters = ["dc1"]
              type        = "system"

              group "agent" {
                task "runner" {
                  driver = "docker"

                  config {
                    image   = "registry.example.com/ci/runner:2.14"
                    volumes = [
                      ↓"/var/run/docker.sock:/var/run/docker.sock",
                      "local/config.toml:/etc/runner/config.toml",
                    ]

                    mount {
                      type     = "bind"
                      ↓source   = "/run/containerd/containerd.sock"
                      target   = "/run/containerd/containerd.sock"
                      readonly = true
                    }
                  }

                  resources {
                    cpu    = 500
                    memory = 512
                  }
                }
              }
            }
            """),
    ]

    /// Job files in the other shapes repositories keep them in: an `.hcl` job under a `nomad/`
    /// folder (which the agent-configuration input would otherwise take by its path), a nomad-pack
    /// template (`[[ ]]` actions set aside: a path led by one is judged by its basename), and a
    /// Levant template whose actions stand where HCL needs a value.
    static let socketMountFiringShapes: [Example] = [
        Example("nomad/jobs/agent.hcl", """
            # Deployed with `nomad job run nomad/jobs/agent.hcl`.
            job "agent" {
              type = "system"

              group "agent" {
                task "agent" {
                  driver = "docker"
                  config {
                    image   = "example/agent:1.4"
                    volumes = [↓"/var/run/docker.sock:/var/run/docker.sock:ro"]
                  }
                }
              }
            }
            """),
        Example("packs/ci_runner/templates/runner.nomad.tpl", """
            job [[ template "job_name" . ]] {
              [[ template "region" . ]]
              datacenters = [[ .ci_runner.datacenters | toStringList ]]

              group "runner" {
                count = [[ .ci_runner.count ]]

                [[- range $idx, $port := .ci_runner.ports ]]
                network {
                  port "[[ $port.name ]]" { to = [[ $port.to ]] }
                }
                [[- end ]]

                task "runner" {
                  driver = "docker"
                  config {
                    image   = "[[ .ci_runner.image ]]:[[ .ci_runner.tag ]]"
                    volumes = [
                      ↓"[[ .ci_runner.socket_dir ]]/docker.sock:/var/run/docker.sock",
                      "local/config.toml:/etc/runner/config.toml",
                    ]
                  }
                  env {
                    [[- range $key, $value := .ci_runner.env ]]
                    [[ $key ]] = [[ $value | quote ]]
                    [[- end ]]
                  }
                }
              }
            }
            """),
        Example("jobs/probe.nomad", """
            # An older job file: the task is written in the job, a group of its own.
            job "probe" {
              type = "system"

              task "probe" {
                driver = "docker"
                config {
                  image   = "example/probe:1.2"
                  volumes = [
                    ↓"/var/run/docker.sock:/var/run/docker.sock:rw",
                  ]
                }
                resources {
                  network {
                    port "web" {}
                  }
                }
              }
            }
            """),
        Example("deploy/builder.nomad", """
            job "builder" {
              datacenters = ["[[ .datacenter ]]"]

              group "builder" {
                count = [[ .builder.count ]]

                task "buildkit" {
                  driver = "docker"
                  config {
                    image = "moby/buildkit:[[ .builder.version ]]"
                    mount {
                      type   = "bind"
                      ↓source = "/run/buildkit/buildkitd.sock"
                      target = "/run/buildkit/buildkitd.sock"
                    }
                  }
                }
              }
            }
            """),
    ]

    /// Bind sources inside the allocation: relative paths and the task's own directories are where
    /// the docker driver binds from, never the host's socket, whatever their name.
    static let socketMountSilentShapes: [Example] = [
        Example("nomad/jobs/proxy.hcl", """
            job "proxy" {
              group "proxy" {
                task "caddy" {
                  driver = "docker"
                  config {
                    image = "caddy:2"
                    volumes = [
                      "${NOMAD_TASK_DIR}/docker.sock:/run/agent.sock",
                      "${NOMAD_SECRETS_DIR}/containerd.sock:/run/other.sock",
                      "./docker.sock:/run/third.sock",
                    ]
                    mount {
                      type   = "bind"
                      source = "local/docker.sock"
                      target = "/var/run/docker.sock"
                    }
                    mounts = [
                      {
                        type   = "bind"
                        source = "configs"
                        target = "/etc/caddy"
                      }
                    ]
                  }
                }
              }
            }
            """),
        Example("packs/web/templates/web.nomad.tpl", """
            job [[ template "job_name" . ]] {
              group "web" {
                task "web" {
                  driver = "docker"
                  config {
                    image   = "[[ .web.image ]]"
                    volumes = ["[[ .web.data_dir ]]:/data"]
                  }
                }
              }
            }
            """),
    ]

    /// A client's agent configuration, scanned with the jobs: its host volumes are the paths a
    /// job's `volume { type = "host" }` names.
    static let clientConfiguration = """
        datacenter = "dc1"
        data_dir   = "/opt/nomad/data"

        client {
          enabled = true

          host_volume "docker-sock" {
            path      = "/var/run/docker.sock"
            read_only = false
          }

          host_volume "ci-cache" {
            path = "/srv/ci-cache"
          }
        }

        plugin "docker" {
          config {
            volumes { enabled = true }
          }
        }
        """

    /// Host volumes: the job's `volume_mount` joined through the group's `volume` to the client's
    /// `host_volume`, reported at the mount's `volume`.
    static let hostVolumeFiring: [Example] = [
        Example("jobs/ci-runner.nomad.hcl", """
            job "ci-runner" {
              type = "system"

              group "runner" {
                volume "docker" {
                  type      = "host"
                  source    = "docker-sock"
                  read_only = true
                }
                volume "cache" {
                  type   = "host"
                  source = "ci-cache"
                }

                task "runner" {
                  driver = "docker"
                  config {
                    image = "registry.example.com/ci/runner:2.14"
                  }
                  volume_mount {
                    ↓volume      = "docker"
                    destination = "/var/run/docker.sock"
                  }
                  volume_mount {
                    volume      = "cache"
                    destination = "/cache"
                  }
                }
              }
            }
            """, companions: ["/etc/nomad.d/client.hcl": clientConfiguration]),
        Example("jobs/ci-runner.json", """
            {
              "Job": {
                "ID": "ci-runner",
                "TaskGroups": [
                  {
                    "Name": "runner",
                    "Volumes": {
                      "docker": {"Name": "docker", "Type": "host", "Source": "docker-sock", "ReadOnly": true}
                    },
                    "Tasks": [
                      {
                        "Name": "runner",
                        "Driver": "docker",
                        "Config": {"image": "registry.example.com/ci/runner:2.14"},
                        "VolumeMounts": [
                          {↓"Volume": "docker", "Destination": "/var/run/docker.sock", "ReadOnly": true, "PropagationMode": "private"}
                        ]
                      }
                    ]
                  }
                ]
              }
            }
            """, companions: ["nomad/client.hcl": clientConfiguration]),
    ]

    /// Host volumes declared where dev setups and generated configurations declare them: a
    /// `client` block in the job's own file, an agent configuration in HCL's JSON syntax, and a
    /// path a template fills in (`${run_dir}/docker.sock`: judged by its basename).
    static let hostVolumeFiringShapes: [Example] = [
        Example("dev/agent.nomad.hcl", """
            # nomad agent -dev -config=dev/agent.nomad.hcl, then nomad job run dev/agent.nomad.hcl
            client {
              enabled = true
              host_volume "docker-sock" {
                path = "/var/run/docker.sock"
              }
            }

            job "agent" {
              group "agent" {
                volume "sock" {
                  type   = "host"
                  source = "docker-sock"
                }
                task "agent" {
                  driver = "docker"
                  config { image = "example/agent:1.4" }
                  volume_mount {
                    ↓volume      = "sock"
                    destination = "/var/run/docker.sock"
                  }
                }
              }
            }
            """),
        Example("jobs/monitor.nomad", """
            job "monitor" {
              group "monitor" {
                volume "runtime" {
                  type   = "host"
                  source = "containerd-sock"
                }
                volume "engine" {
                  type      = "host"
                  source    = "docker-sock"
                  read_only = true
                }
                task "monitor" {
                  driver = "docker"
                  config { image = "example/monitor:2" }
                  volume_mount {
                    ↓volume      = "runtime"
                    destination = "/run/containerd/containerd.sock"
                  }
                  volume_mount {
                    ↓volume      = "engine"
                    destination = "/var/run/docker.sock"
                  }
                }
              }
            }
            """, companions: [
                "/etc/nomad.d/client.json": """
                    {
                      "client": {
                        "enabled": true,
                        "host_volume": {
                          "docker-sock": {"path": "/var/run/docker.sock", "read_only": true}
                        }
                      },
                      "plugin": {"docker": {"config": {"volumes": {"enabled": true}}}}
                    }
                    """,
                "infra/nomad/client.hcl": """
                    client {
                      host_volume "containerd-sock" {
                        path = "${run_dir}/containerd/containerd.sock"
                      }
                    }
                    """,
            ]),
    ]

    /// A host volume that is no socket, one of type `csi`, and a job whose clients' configuration
    /// is not in the scan (which host path `docker-sock` is stays unknown).
    static let hostVolumeSilent: [Example] = [
        Example("jobs/cache.nomad", """
            job "cache" {
              group "cache" {
                volume "cache" {
                  type   = "host"
                  source = "ci-cache"
                }
                volume "data" {
                  type   = "csi"
                  source = "docker-sock"
                }
                task "redis" {
                  driver = "docker"
                  config { image = "redis:7" }
                  volume_mount {
                    volume      = "cache"
                    destination = "/data"
                  }
                  volume_mount {
                    volume      = "data"
                    destination = "/var/run/docker.sock"
                  }
                }
              }
            }
            """, companions: ["/etc/nomad.d/client.hcl": clientConfiguration]),
        Example("jobs/ci-runner.nomad", """
            job "ci-runner" {
              group "runner" {
                volume "docker" {
                  type   = "host"
                  source = "docker-sock"
                }
                task "runner" {
                  driver = "docker"
                  config { image = "registry.example.com/ci/runner:2.14" }
                  volume_mount {
                    volume      = "docker"
                    destination = "/var/run/docker.sock"
                  }
                }
              }
            }
            """),
    ]

    /// A task whose `env` points its Docker client at a daemon on plain TCP, and a Nomad client
    /// whose docker plugin talks to its daemon over plain TCP.
    static let clientPlainTCPFiring: [Example] = [
        Example("jobs/deployer.nomad", """
            job "deployer" {
              group "deployer" {
                task "deployer" {
                  driver = "docker"
                  config { image = "docker:27-cli" }
                  env {
                    ↓DOCKER_HOST = "tcp://build-host.internal:2375"
                  }
                }
              }
            }
            """),
        Example("nomad/client.hcl", """
            client {
              enabled = true
            }

            plugin "docker" {
              config {
                ↓endpoint = "tcp://10.0.0.5:2375"
              }
            }
            """),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example("jobs/deployer.nomad", """
            job "deployer" {
              group "deployer" {
                task "deployer" {
                  driver = "docker"
                  config { image = "docker:27-cli" }
                  env {
                    DOCKER_HOST       = "tcp://build-host.internal:2376"
                    DOCKER_TLS_VERIFY = "1"
                  }
                }
              }
            }
            """),
        Example("nomad/client.hcl", """
            client {
              enabled = true
            }

            plugin "docker" {
              config {
                endpoint = "tcp://10.0.0.5:2376"
                tls {
                  cert = "/etc/nomad.d/docker-client.pem"
                  key  = "/etc/nomad.d/docker-client-key.pem"
                  ca   = "/etc/nomad.d/docker-ca.pem"
                }
              }
            }
            """),
    ]

    /// The API's JSON (`nomad job inspect`, `nomad job run -output`) and HCL's JSON syntax.
    static let socketMountFiringJSON: [Example] = [
        Example("jobs/ci-agent.json", """
            {
              "Job": {
                "ID": "ci-agent",
                "Name": "ci-agent",
                "Type": "system",
                "Datacenters": ["dc1"],
                "TaskGroups": [
                  {
                    "Name": "agent",
                    "Count": 1,
                    "Networks": null,
                    "Tasks": [
                      {
                        "Name": "runner",
                        "Driver": "docker",
                        "User": "",
                        "Config": {
                          "image": "registry.example.com/ci/runner:2.14",
                          "volumes": [↓"/var/run/docker.sock:/var/run/docker.sock", "local/config.toml:/etc/runner/config.toml"],
                          "mount": [
                            {"type": "bind", ↓"source": "/run/containerd/containerd.sock", "target": "/run/containerd/containerd.sock", "readonly": true}
                          ]
                        },
                        "Resources": {"CPU": 500, "Cores": 0, "MemoryMB": 512, "MemoryMaxMB": 0}
                      }
                    ]
                  }
                ]
              }
            }
            """),
        Example("jobs/portainer-agent.nomad.json", """
            {
              "job": {
                "portainer-agent": {
                  "type": "system",
                  "group": {
                    "agent": {
                      "task": {
                        "agent": {
                          "driver": "docker",
                          "config": {
                            "image": "portainer/agent:2.21.0",
                            "volumes": [
                              ↓"/var/run/docker.sock:/var/run/docker.sock",
                              "/var/lib/docker/volumes:/var/lib/docker/volumes"
                            ]
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """),
    ]

    static let socketMountSilentJSON: [Example] = [
        Example("jobs/web.json", """
            {"Job": {"ID": "web", "TaskGroups": [{"Name": "web", "Tasks": [
              {"Name": "nginx", "Driver": "docker", "Config": {"image": "nginx:1.27", "volumes": ["local/docker.sock.conf:/etc/nginx/conf.d/default.conf"]}},
              {"Name": "exec", "Driver": "exec", "Config": {"command": "/bin/agent", "volumes": ["/var/run/docker.sock:/var/run/docker.sock"]}}
            ]}]}}
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("web.nomad.hcl", """
            job "web" {
              group "web" {
                task "nginx" {
                  driver = "docker"
                  config {
                    image   = "nginx:1.27"
                    volumes = ["local/docker.sock.conf:/etc/nginx/conf.d/default.conf"]
                    mount {
                      type   = "volume"
                      source = "docker.sock"
                      target = "/data"
                    }
                  }
                }
                task "exec" {
                  driver = "exec"
                  config {
                    command = "/bin/agent"
                    volumes = ["/var/run/docker.sock:/var/run/docker.sock"]
                  }
                }
              }
            }
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("dind.nomad", """
            variable "privileged" {
              type    = bool
              default = true
            }

            job "dind" {
              group "dind" {
                task "docker" {
                  driver = "docker"
                  config {
                    image      = "docker:27-dind"
                    ↓privileged = var.privileged
                    cap_add    = ["sys_admin"]
                  }
                }
              }
            }
            """),
    ]

    /// Nomad's own `variables { }` block gives defaults as `variable "x" { default }` does.
    static let privilegedFiringVariables: [Example] = [
        Example("jobs/dind.nomad.hcl", """
            variables {
              image      = "docker:27-dind"
              privileged = true
            }

            job "dind" {
              group "dind" {
                task "docker" {
                  driver = "docker"
                  config {
                    image      = var.image
                    ↓privileged = var.privileged
                  }
                }
              }
            }
            """),
    ]

    /// Groups and tasks a `dynamic` block makes, one per element of a list the job states.
    static let privilegedFiringDynamic: [Example] = [
        Example("jobs/workers.nomad", """
            locals {
              workers = ["build", "test"]
            }

            job "workers" {
              dynamic "group" {
                for_each = local.workers
                labels   = ["${group.value}"]
                content {
                  task "worker" {
                    driver = "docker"
                    config {
                      image      = "example/${group.value}-worker:1"
                      ↓privileged = true
                    }
                  }
                }
              }
            }
            """),
    ]

    /// A socket proxy whose `env` lets its clients create containers.
    static let socketProxyFiring: [Example] = [
        Example("jobs/socket-proxy.nomad", """
            job "socket-proxy" {
              group "proxy" {
                task "proxy" {
                  driver = "docker"
                  config {
                    image   = "tecnativa/docker-socket-proxy:0.2"
                    volumes = ["/var/run/docker.sock:/var/run/docker.sock:ro"]
                  }
                  env {
                    CONTAINERS = 1
                    ↓POST       = 1
                  }
                }
              }
            }
            """),
    ]

    static let socketProxySilent: [Example] = [
        Example("jobs/socket-proxy.nomad", """
            job "socket-proxy" {
              group "proxy" {
                task "proxy" {
                  driver = "docker"
                  config {
                    image   = "tecnativa/docker-socket-proxy:0.2"
                    volumes = ["/var/run/docker.sock:/var/run/docker.sock:ro"]
                  }
                  env {
                    CONTAINERS = 1
                    POST       = 0
                  }
                }
              }
            }
            """),
    ]

    static let privilegedSilentVariables: [Example] = [
        Example("jobs/web.nomad.hcl", """
            variables {
              privileged = false
            }

            job "web" {
              group "web" {
                task "web" {
                  driver = "docker"
                  config {
                    image      = "nginx:1.27"
                    privileged = var.privileged
                  }
                }
              }
            }
            """),
    ]

    static let privilegedFiringJSON: [Example] = [
        Example("jobs/dind.json", """
            {
              "Job": {
                "ID": "dind",
                "TaskGroups": [
                  {
                    "Name": "dind",
                    "Networks": [{"Mode": "host"}],
                    "Tasks": [
                      {"Name": "docker", "Driver": "docker", "Config": {"image": "docker:27-dind", ↓"privileged": true}}
                    ]
                  }
                ]
              }
            }
            """),
    ]

    static let privilegedSilentJSON: [Example] = [
        Example("jobs/web.nomad.json", """
            {"job": {"web": {"group": {"web": {"task": {"web": {"driver": "docker", "config": {"image": "nginx", "privileged": false}}}}}}}}
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("web.nomad", """
            job "web" {
              group "web" {
                task "web" {
                  driver = "docker"
                  config {
                    image      = "nginx"
                    privileged = false
                  }
                }
              }
            }
            """),
    ]

    static let capabilityFiring: [Example] = [
        Example("vpn.nomad", """
            job "vpn" {
              group "vpn" {
                task "wireguard" {
                  driver = "docker"
                  config {
                    image    = "example/wireguard"
                    cap_add  = [↓"net_admin"]
                    cap_drop = ["all"]
                  }
                }
              }
            }
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example("web.nomad", """
            job "web" {
              group "web" {
                task "web" {
                  driver = "docker"
                  config {
                    image    = "nginx"
                    cap_add  = ["net_bind_service"]
                    cap_drop = ["all"]
                  }
                }
              }
            }
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("lb.nomad", """
            job "lb" {
              group "edge" {
                task "envoy" {
                  driver = "docker"
                  config {
                    image        = "envoyproxy/envoy:v1.31"
                    ↓network_mode = "host"
                  }
                }
              }
              group "fabio" {
                task "fabio" {
                  driver = "podman"
                  config {
                    image        = "docker://fabiolb/fabio:1.6"
                    ↓network_mode = "host"
                  }
                }
              }
            }
            """),
    ]

    static let hostNetworkFiringJSON: [Example] = [
        Example("jobs/lb.json", """
            {"Job": {"ID": "lb", "TaskGroups": [{"Name": "lb", "Networks": [{"Mode": "host", "DynamicPorts": null}],
              "Tasks": [{"Name": "haproxy", "Driver": "docker", "Config": {"image": "haproxy:3.0", ↓"network_mode": "host"}}]}]}}
            """),
    ]

    /// The group's `network { mode = "host" }` (Nomad's default mode) is not the container's: a
    /// docker task without its own `network_mode` runs on Docker's default bridge.
    static let hostNetworkSilentJSON: [Example] = [
        Example("jobs/cache.json", """
            {"Job": {"ID": "cache", "TaskGroups": [{"Name": "cache", "Networks": [{"Mode": "host", "ReservedPorts": [{"Label": "db", "Value": 6379}]}],
              "Tasks": [{"Name": "redis", "Driver": "docker", "Config": {"image": "redis:7", "ports": ["db"]}}]}]}}
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("web.nomad", """
            job "web" {
              group "web" {
                network {
                  mode = "bridge"
                  port "http" { to = 80 }
                }
                task "web" {
                  driver = "docker"
                  config {
                    image = "nginx"
                    ports = ["http"]
                  }
                }
              }
              group "metrics" {
                network {
                  mode = "host"
                  port "metrics" { static = 9100 }
                }
                task "exporter" {
                  driver = "docker"
                  config {
                    image = "prom/node-exporter:v1.8"
                    ports = ["metrics"]
                  }
                }
              }
            }
            """),
    ]
}
