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
              group "lb" {
                network {
                  ↓mode = "host"
                }
                task "haproxy" {
                  driver = "docker"
                  config {
                    image = "haproxy:3.0"
                  }
                }
              }
              group "edge" {
                task "envoy" {
                  driver = "docker"
                  config {
                    image        = "envoyproxy/envoy:v1.31"
                    ↓network_mode = "host"
                  }
                }
              }
            }
            """),
    ]

    static let hostNetworkFiringJSON: [Example] = [
        Example("jobs/lb.json", """
            {"Job": {"ID": "lb", "TaskGroups": [{"Name": "lb", "Networks": [{↓"Mode": "host", "DynamicPorts": null}],
              "Tasks": [{"Name": "haproxy", "Driver": "docker", "Config": {"image": "haproxy:3.0"}}]}]}}
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
            }
            """),
    ]
}
