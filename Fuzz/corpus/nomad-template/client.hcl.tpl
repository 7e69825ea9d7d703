datacenter = "${datacenter}"

server {
  enabled = true
  server_join {
    retry_join = ${retry_join}
  }
}

client {
  enabled = true
  options {
    "docker.volumes.enabled" = "true"
  }
  %{ if mount_socket }
  host_volume "docker-sock" {
    path = "/var/run/docker.sock"
  }
  %{ endif }
}
