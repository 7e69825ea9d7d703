job "ci-agent" {
  datacenters = ["dc1"]
  type        = "service"

  group "agents" {
    count = 2

    volume "docker-sock" {
      type      = "host"
      source    = "docker-sock"
      read_only = true
    }

    task "agent" {
      driver = "docker"

      config {
        image        = "registry.example.com/agent:1.0"
        privileged   = true
        network_mode = "host"
        volumes      = ["/var/run/docker.sock:/var/run/docker.sock"]
        cap_add      = ["sys_admin"]

        mount {
          type   = "bind"
          source = "/etc"
          target = "/host/etc"
        }
      }

      volume_mount {
        volume      = "docker-sock"
        destination = "/var/run/docker.sock"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
