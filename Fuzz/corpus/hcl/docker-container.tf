terraform {
  required_providers {
    docker = {
      source  = "kreuzwerker/docker"
      version = "~> 3.0"
    }
  }
}

provider "docker" {
  host = "tcp://build-host.internal:2375"
}

variable "socket_path" {
  type    = string
  default = "/var/run/docker.sock"
}

resource "docker_image" "agent" {
  name = "registry.example.com/ci/agent:2.14"
}

resource "docker_container" "agent" {
  count      = var.enabled ? 1 : 0
  name       = "agent-${count.index}"
  image      = docker_image.agent.image_id
  privileged = true
  user       = "root"

  capabilities {
    add  = ["SYS_ADMIN"]
    drop = ["ALL"]
  }

  volumes {
    host_path      = var.socket_path
    container_path = "/var/run/docker.sock"
    read_only      = true
  }

  dynamic "mounts" {
    for_each = var.extra_mounts
    content {
      source = mounts.value.source
      target = mounts.value.target
      type   = "bind"
    }
  }

  security_opts = ["seccomp=unconfined", "apparmor=unconfined"]
  network_mode  = "host"
  memory        = 512
}
