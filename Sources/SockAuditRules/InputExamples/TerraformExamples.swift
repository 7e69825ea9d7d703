import SockAuditCore

/// Terraform examples (`*.tf`, `*.tf.json`): the kreuzwerker/docker provider, the
/// hashicorp/kubernetes provider's workloads and `aws_ecs_task_definition`; each rule appends its
/// own. `↓` marks where each finding must land: an attribute's name, or a list entry.
enum TerraformExamples {
    static let socketMountFiring: [Example] = [
        Example("infra/docker/main.tf", """
            resource "docker_container" "agent" {
              name  = "ci-agent"
              image = docker_image.agent.image_id

              volumes {
                ↓host_path      = var.docker_socket
                container_path = "/var/run/docker.sock"
                read_only      = true
              }
              volumes {
                volume_name    = docker_volume.cache.name
                container_path = "/cache"
              }
              mounts {
                type   = "bind"
                ↓source = "${var.runtime_dir}/containerd/containerd.sock"
                target = "/run/containerd/containerd.sock"
              }
            }
            """, companions: ["infra/docker/variables.tf": """
                variable "docker_socket" {
                  description = "Host path of the Docker socket"
                  type        = string
                  default     = "/var/run/docker.sock"
                }

                variable "runtime_dir" {
                  type = string
                }
                """]),
        Example("modules/runner/main.tf", """
            locals {
              host_mounts = [
                { host = "/var/run/docker.sock", target = "/var/run/docker.sock" },
                { host = "/srv/runner/cache", target = "/cache" },
              ]
            }

            resource "docker_container" "runner" {
              for_each = var.runners
              name     = "runner-${each.key}"
              image    = each.value.image

              dynamic "volumes" {
                for_each = local.host_mounts
                iterator = m
                content {
                  ↓host_path      = m.value.host
                  container_path = m.value.target
                }
              }
            }
            """),
        Example("k8s.tf", """
            resource "kubernetes_daemonset" "log_agent" {
              metadata {
                name      = "log-agent"
                namespace = "logging"
              }
              spec {
                selector {
                  match_labels = { app = "log-agent" }
                }
                template {
                  metadata {
                    labels = { app = "log-agent" }
                  }
                  spec {
                    container {
                      name  = "agent"
                      image = "example/log-agent:3.2"
                      volume_mount {
                        name       = "runtime"
                        mount_path = "/host/run/containerd"
                        read_only  = true
                      }
                    }
                    volume {
                      name = "runtime"
                      host_path {
                        ↓path = "/run/containerd"
                      }
                    }
                  }
                }
              }
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "agent" {
              family                   = "datadog-agent"
              requires_compatibilities = ["EC2"]

              volume {
                name      = "docker_sock"
                ↓host_path = "/var/run/docker.sock"
              }

              container_definitions = <<-EOF
                [
                  {
                    "name": "datadog-agent",
                    "image": "${var.agent_image}",
                    "memory": ${var.agent_memory},
                    "mountPoints": [
                      {"sourceVolume": "docker_sock", "containerPath": "/var/run/docker.sock", "readOnly": true}
                    ]
                  }
                ]
                EOF
            }
            """),
        Example("ecs-jsonencode.tf.json", """
            {
              "resource": {
                "aws_ecs_task_definition": {
                  "builder": {
                    "family": "builder",
                    "volume": [{"name": "sock", ↓"host_path": "/run/docker.sock"}],
                    "container_definitions": "[{\\"name\\": \\"builder\\", \\"image\\": \\"docker:27\\", \\"mountPoints\\": [{\\"sourceVolume\\": \\"sock\\", \\"containerPath\\": \\"/var/run/docker.sock\\"}]}]"
                  }
                }
              }
            }
            """),
        Example("swarm/traefik.tf", """
            resource "docker_service" "traefik" {
              name = "traefik"
              task_spec {
                container_spec {
                  image = "traefik:3.1"
                  mounts {
                    target    = "/var/run/docker.sock"
                    ↓source    = "/var/run/docker.sock"
                    type      = "bind"
                    read_only = true
                  }
                  mounts {
                    target = "/etc/traefik/acme"
                    source = docker_volume.acme.name
                    type   = "volume"
                  }
                }
              }
            }
            """),
        Example("jenkins/service.tf", """
            locals {
              sock_volume = "docker-sock"
            }

            data "template_file" "container_definitions" {
              template = file("${path.module}/container-definitions.json.tpl")
              vars = {
                service_name = "jenkins"
                sock_volume  = local.sock_volume
              }
            }

            resource "aws_ecs_task_definition" "jenkins" {
              family                = "jenkins"
              container_definitions = data.template_file.container_definitions.rendered

              volume {
                name      = local.sock_volume
                ↓host_path = "/var/run/docker.sock"
              }
            }
            """, companions: ["jenkins/container-definitions.json.tpl": """
                [
                  {
                    "name": "${service_name}",
                    "image": "jenkins/jenkins:lts",
                    "memory": ${memory},
                    "mountPoints": [{"sourceVolume": "${sock_volume}", "containerPath": "/var/run/docker.sock"}]
                  }
                ]
                """]),
    ]

    static let socketMountSilent: [Example] = [
        Example("main.tf", """
            variable "data_dir" {
              default = "/srv/app/data"
            }

            resource "docker_container" "app" {
              name  = "app"
              image = "example/app:1.0"
              volumes {
                host_path      = var.data_dir
                container_path = "/data"
              }
              volumes {
                host_path      = var.unknown_path
                container_path = "/var/run/docker.sock"
              }
              mounts {
                type   = "volume"
                source = "docker.sock"
                target = "/sock"
              }
              # host_path = "/var/run/docker.sock"
              labels {
                label = "mounts"
                value = "/var/run/docker.sock"
              }
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "web" {
              family = "web"
              volume {
                name = "sock"
                host_path = "/var/run/docker.sock"
              }
              container_definitions = jsonencode([
                {
                  name  = "web"
                  image = "nginx:1.27"
                  mountPoints = [{ sourceVolume = "scratch", containerPath = "/var/run/docker.sock" }]
                }
              ])
            }
            """),
        Example("swarm/app.tf", """
            resource "docker_service" "app" {
              name = "app"
              task_spec {
                container_spec {
                  image = "example/app:2"
                  mounts {
                    target = "/var/run/docker.sock"
                    source = "docker.sock"
                    type   = "volume"
                  }
                }
              }
            }
            """),
        Example("jenkins/service.tf", """
            resource "aws_ecs_task_definition" "jenkins" {
              family                = "jenkins"
              container_definitions = templatefile("${path.module}/defs.json.tpl", {
                sock_volume = var.sock_volume
              })

              volume {
                name      = "docker-sock"
                host_path = "/var/run/docker.sock"
              }
            }
            """, companions: ["jenkins/defs.json.tpl": """
                [{"name": "jenkins", "image": "jenkins/jenkins:lts", "mountPoints": [{"sourceVolume": "${sock_volume}", "containerPath": "/var/run/docker.sock"}]}]
                """]),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example("providers.tf", """
            terraform {
              required_providers {
                docker = {
                  source  = "kreuzwerker/docker"
                  version = "~> 3.0"
                }
              }
            }

            provider "docker" {
              ↓host = "tcp://build-host.internal:2375"
            }
            """),
        Example("provider.tf", """
            variable "docker_host" {
              default = "tcp://10.0.0.5:2375/"
            }

            provider "docker" {
              alias = "remote"
              ↓host  = var.docker_host
            }
            """),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example("providers.tf", """
            provider "docker" {
              host     = "ssh://deploy@build-host.internal:22"
              ssh_opts = ["-o", "StrictHostKeyChecking=no"]
            }

            provider "docker" {
              alias     = "tls"
              host      = "tcp://build-host.internal:2376"
              cert_path = pathexpand("~/.docker/build-host")
            }

            provider "docker" {
              alias       = "material"
              host        = "tcp://10.0.0.9:2376"
              ca_material = file("ca.pem")
            }

            provider "docker" {
              alias = "local"
              host  = "unix:///var/run/docker.sock"
            }
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "dind" {
              name       = "dind"
              image      = "docker:27-dind"
              ↓privileged = true
            }

            variable "privileged" {
              type    = bool
              default = true
            }

            resource "docker_container" "builder" {
              name       = "builder"
              image      = "example/builder"
              ↓privileged = var.privileged
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "dind" {
              family = "dind"
              container_definitions = jsonencode([
                {
                  name       = "dind"
                  image      = "docker:27-dind"
                  ↓privileged = true
                  essential  = true
                }
              ])
            }
            """),
        Example("pod.tf", """
            resource "kubernetes_pod_v1" "debug" {
              metadata {
                name = "node-debug"
              }
              spec {
                container {
                  name  = "debug"
                  image = "busybox:1.36"
                  security_context {
                    ↓privileged = true
                  }
                }
              }
            }
            """),
        Example("legacy/pod.tf", """
            resource "kubernetes_pod" "debug" {
              "metadata" {
                name = "node-debug"
              }
              "spec" {
                container {
                  name  = "debug"
                  image = "busybox:1.36"
                  security_context {
                    ↓privileged = true
                  }
                }
              }
            }
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "web" {
              name       = "web"
              image      = "nginx:1.27"
              privileged = false
            }

            resource "docker_container" "maybe" {
              name       = "maybe"
              image      = "nginx:1.27"
              privileged = var.privileged
            }

            resource "docker_container" "off" {
              count      = 0
              name       = "off"
              image      = "docker:27-dind"
              privileged = true
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "web" {
              family                = "web"
              container_definitions = jsonencode([{ name = "web", image = "nginx", privileged = false }])
            }
            """),
    ]

    static let capabilityFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "vpn" {
              name  = "vpn"
              image = "example/wireguard"
              capabilities {
                add  = [↓"NET_ADMIN", "NET_RAW"]
                drop = ["ALL"]
              }
            }
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "web" {
              name  = "web"
              image = "nginx"
              capabilities {
                add  = ["NET_BIND_SERVICE", "CHOWN"]
                drop = ["ALL"]
              }
            }
            """),
    ]

    static let seccompFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "tracer" {
              name          = "tracer"
              image         = "example/tracer"
              security_opts = ["no-new-privileges", ↓"seccomp=unconfined"]
            }
            """),
    ]

    static let seccompSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "web" {
              name          = "web"
              image         = "nginx"
              security_opts = ["no-new-privileges", "seccomp=/etc/docker/seccomp/web.json"]
            }
            """),
    ]

    static let hostPIDFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "top" {
              name     = "top"
              image    = "example/htop"
              ↓pid_mode = "host"
            }
            """),
        Example("ds.tf", """
            resource "kubernetes_daemon_set_v1" "exporter" {
              metadata {
                name = "node-exporter"
              }
              spec {
                selector {
                  match_labels = { app = "node-exporter" }
                }
                template {
                  metadata {
                    labels = { app = "node-exporter" }
                  }
                  spec {
                    ↓host_pid     = true
                    host_network = false
                    container {
                      name  = "exporter"
                      image = "quay.io/prometheus/node-exporter:v1.8.2"
                    }
                  }
                }
              }
            }
            """),
    ]

    static let hostPIDSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "web" {
              name     = "web"
              image    = "nginx"
              pid_mode = "container:sidecar"
            }
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "proxy" {
              name         = "proxy"
              image        = "haproxy:3.0"
              ↓network_mode = "host"
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "agent" {
              family       = "agent"
              ↓network_mode = "host"
              container_definitions = jsonencode([
                { name = "agent", image = "example/agent", memory = 256 }
              ])
            }
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "web" {
              name         = "web"
              image        = "nginx"
              network_mode = "bridge"
            }
            """),
        Example("ecs.tf", """
            resource "aws_ecs_task_definition" "web" {
              family       = "web"
              network_mode = "awsvpc"
              container_definitions = jsonencode([{ name = "web", image = "nginx" }])
            }
            """),
    ]

    static let sensitivePathFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "backup" {
              name  = "backup"
              image = "example/restic"
              volumes {
                ↓host_path      = "/etc"
                container_path = "/backup/etc"
                read_only      = true
              }
            }
            """),
    ]

    static let sensitivePathSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "backup" {
              name  = "backup"
              image = "example/restic"
              volumes {
                host_path      = "/srv/backup"
                container_path = "/backup"
              }
            }
            """),
    ]

    static let runsAsRootFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "tool" {
              name  = "tool"
              image = "example/tool"
              ↓user  = "root"
            }
            """),
    ]

    static let runsAsRootSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "tool" {
              name  = "tool"
              image = "example/tool"
              user  = "1000:1000"
            }
            """),
    ]
}

/// The hardening settings of a `docker_container` (and what a module states through its variables,
/// locals, `dynamic` blocks and `count`); each rule appends its own. A missing setting is reported at
/// the resource.
extension TerraformExamples {
    static let capabilitiesNotDroppedFiring: [Example] = [
        Example("main.tf", """
            ↓resource "docker_container" "app" {
              name  = "app"
              image = "example/app:4"
            }

            ↓resource "docker_container" "worker" {
              name  = "worker"
              image = "example/worker:4"
              capabilities {
                drop = ["NET_RAW"]
              }
            }
            """),
    ]

    static let capabilitiesNotDroppedSilent: [Example] = [
        Example("main.tf", """
            variable "dropped_capabilities" {
              type    = list(string)
              default = ["ALL"]
            }

            resource "docker_container" "app" {
              name  = "app"
              image = "example/app:4"
              capabilities {
                add  = ["NET_BIND_SERVICE"]
                drop = ["ALL"]
              }
            }

            resource "docker_container" "worker" {
              name  = "worker"
              image = "example/worker:4"
              dynamic "capabilities" {
                for_each = [1]
                content {
                  drop = var.dropped_capabilities
                }
              }
            }
            """),
    ]

    static let macFiring: [Example] = [
        Example("modules/agent/main.tf", """
            locals {
              agent_security_opts = ["label=disable"]
            }

            resource "docker_container" "agent" {
              name          = "agent"
              image         = "example/agent:1"
              security_opts = [↓"apparmor=unconfined"]
            }

            resource "docker_container" "selinux_agent" {
              name          = "selinux-agent"
              image         = "example/agent:1"
              ↓security_opts = local.agent_security_opts
            }
            """),
        Example("k8s/node-agent.tf", """
            resource "kubernetes_daemon_set_v1" "node_agent" {
              metadata {
                name = "node-agent"
              }
              spec {
                selector {
                  match_labels = { app = "node-agent" }
                }
                template {
                  metadata {
                    labels = { app = "node-agent" }
                    annotations = {
                      ↓"container.apparmor.security.beta.kubernetes.io/agent" = "unconfined"
                    }
                  }
                  spec {
                    container {
                      name  = "agent"
                      image = "example/node-agent:3"
                    }
                  }
                }
              }
            }

            resource "kubernetes_pod_v1" "debug" {
              metadata {
                name        = "debug"
                annotations = { ↓"container.apparmor.security.beta.kubernetes.io/shell" = "unconfined" }
              }
              spec {
                container {
                  name  = "shell"
                  image = "example/shell:1"
                }
              }
            }
            """),
    ]

    static let macSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "agent" {
              name          = "agent"
              image         = "example/agent:1"
              security_opts = ["apparmor=docker-default", "label=type:container_t"]
            }
            """),
        Example("k8s/node-agent.tf", """
            resource "kubernetes_deployment" "web" {
              metadata {
                name        = "web"
                annotations = { "container.apparmor.security.beta.kubernetes.io/web" = "unconfined" }
              }
              spec {
                template {
                  metadata {
                    annotations = {
                      "container.apparmor.security.beta.kubernetes.io/web" = "runtime/default"
                    }
                  }
                  spec {
                    container {
                      name  = "web"
                      image = "example/web:2"
                    }
                  }
                }
              }
            }
            """),
    ]

    static let noNewPrivilegesFiring: [Example] = [
        Example("main.tf", """
            ↓resource "docker_container" "app" {
              name  = "app"
              image = "example/app:4"
            }

            resource "docker_container" "worker" {
              name          = "worker"
              image         = "example/worker:4"
              security_opts = [↓"no-new-privileges=false"]
            }
            """),
    ]

    static let noNewPrivilegesSilent: [Example] = [
        Example("main.tf", """
            locals {
              hardened = ["no-new-privileges"]
            }

            resource "docker_container" "app" {
              name          = "app"
              image         = "example/app:4"
              security_opts = ["no-new-privileges:true"]
            }

            resource "docker_container" "worker" {
              name          = "worker"
              image         = "example/worker:4"
              security_opts = local.hardened
            }
            """),
    ]

    static let writableRootFiring: [Example] = [
        Example("main.tf", """
            variable "read_only" {
              type    = bool
              default = false
            }

            ↓resource "docker_container" "app" {
              name  = "app"
              image = "example/app:4"
            }

            resource "docker_container" "worker" {
              name      = "worker"
              image     = "example/worker:4"
              ↓read_only = var.read_only
            }
            """),
    ]

    static let writableRootSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "app" {
              name      = "app"
              image     = "example/app:4"
              read_only = true
            }
            """),
    ]

    static let hostIPCFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "cache" {
              name     = "cache"
              image    = "example/cache:1"
              ↓ipc_mode = "host"
            }
            """),
    ]

    static let hostIPCSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "cache" {
              name     = "cache"
              image    = "example/cache:1"
              ipc_mode = "private"
            }

            resource "docker_container" "disabled" {
              count    = 0
              name     = "disabled"
              image    = "example/cache:1"
              ipc_mode = "host"
            }
            """),
    ]

    static let hostUsernsFiring: [Example] = [
        Example("main.tf", """
            resource "docker_container" "builder" {
              name        = "builder"
              image       = "example/builder:1"
              ↓userns_mode = "host"
            }
            """),
    ]

    static let hostUsernsSilent: [Example] = [
        Example("main.tf", """
            variable "userns_mode" {
              type = string
            }

            resource "docker_container" "builder" {
              name        = "builder"
              image       = "example/builder:1"
              userns_mode = var.userns_mode
            }
            """),
    ]

    static let limitFiring: [Example] = [
        Example("main.tf", """
            ↓resource "docker_container" "app" {
              name  = "app"
              image = "example/app:4"
            }
            """),
    ]

    static let memorySilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "app" {
              name   = "app"
              image  = "example/app:4"
              memory = 512
            }
            """),
    ]

    static let cpuSilent: [Example] = [
        Example("main.tf", """
            resource "docker_container" "app" {
              name       = "app"
              image      = "example/app:4"
              cpu_shares = 512
            }
            """),
    ]
}
