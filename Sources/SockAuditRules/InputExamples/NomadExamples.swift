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
