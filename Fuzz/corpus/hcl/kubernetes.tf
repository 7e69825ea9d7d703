resource "kubernetes_deployment_v1" "agent" {
  metadata {
    name      = "agent"
    namespace = "ci"
  }
  spec {
    replicas = 2
    selector {
      match_labels = { app = "agent" }
    }
    template {
      metadata {
        labels = { app = "agent" }
      }
      spec {
        host_pid = true
        container {
          name  = "agent"
          image = "registry.example.com/agent:1.0"
          security_context {
            privileged = true
            capabilities { add = ["SYS_ADMIN"] }
          }
          volume_mount {
            name       = "docker-sock"
            mount_path = "/var/run/docker.sock"
          }
        }
        volume {
          name = "docker-sock"
          host_path {
            path = "/var/run/docker.sock"
            type = "Socket"
          }
        }
      }
    }
  }
}

locals {
  names = [for n in var.names : lower(n) if n != ""]
  tags  = merge(var.tags, { Name = "agent-%{ if var.prod }prod%{ else }dev%{ endif }" })
}

output "id" {
  value = kubernetes_deployment_v1.agent.id
}
