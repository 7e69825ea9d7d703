import SockAuditCore
import Testing
@testable import SockAuditParsers

/// The Terraform adapters on modules in the shapes real ones take: variables, locals, `dynamic`
/// blocks, `count`/`for_each`, the docker provider, kubernetes workloads and ECS task definitions.
@Suite struct TerraformAdapterTests {
    static func facts(_ text: String, path: String = "main.tf", siblings: [String: String] = [:]) -> Facts {
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        let context = InputContext.inMemory(siblings.mapValues { Array($0.utf8) })
        return TerraformInput().facts(from: text, file: file, context: context) ?? Facts()
    }

    static func position(_ location: SockAuditCore.SourceLocation?) -> [Int] {
        location.map { [$0.line, $0.column] } ?? []
    }

    @Test func dockerContainerSettingsAndWhereEachPoints() {
        let facts = Self.facts("""
            resource "docker_container" "agent" {
              name       = "agent"
              image      = "portainer/agent:2"
              privileged = true
              user       = "0"
              read_only  = false
              memory     = 0
              cpu_shares = 512
              capabilities {
                add  = ["sys_admin"]
                drop = ["ALL"]
              }
              volumes {
                host_path      = "/var/run/docker.sock"
                container_path = "/var/run/docker.sock"
                read_only      = true
              }
              mounts {
                type   = "volume"
                source = "data"
                target = "/data"
              }
              ports {
                internal = 9001
                external = 9001
              }
            }
            """)
        let spec = facts.containers.first
        #expect(facts.containers.count == 1)
        #expect(spec?.subject == "docker_container.agent")
        #expect(Self.position(spec?.privileged?.location) == [4, 3])
        #expect(spec?.user?.value == "0")
        #expect(spec?.readOnlyRootFilesystem?.value == false)
        #expect(spec?.memoryLimit == nil)  // 0 is no limit
        #expect(spec?.cpuLimit?.value == "512")
        #expect(spec?.capabilitiesAdded.map(\.value) == ["SYS_ADMIN"])
        #expect(spec?.capabilitiesDropped.map(\.value) == ["ALL"])
        #expect(spec?.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(spec?.mounts.first?.readOnly == true)
        #expect(Self.position(spec?.mounts.first?.location) == [14, 5])
        #expect(spec?.publishedPorts.first?.value.hostPort == "9001")
    }

    @Test func variableDefaultsFromASiblingFileAndSayingSo() {
        let facts = Self.facts("""
            resource "docker_container" "agent" {
              name  = "agent"
              image = "x"
              volumes {
                host_path = var.socket
              }
            }
            """, path: "modules/agent/main.tf", siblings: ["modules/agent/variables.tf": "variable \"socket\" {\n  default = \"/run/docker.sock\"\n}\n"])
        let mount = facts.containers.first?.mounts.first
        #expect(mount?.source == "/run/docker.sock")
        #expect(mount?.spelling.contains("from the default of variable \"socket\"") == true)
    }

    @Test func forEachAndCountDecideHowManyContainers() {
        let facts = Self.facts("""
            resource "docker_container" "workers" {
              for_each = toset(["a", "b", "c"])
              name     = "worker-${each.key}"
              image    = "x"
            }
            resource "docker_container" "off" {
              count = 0
              name  = "off"
              image = "x"
            }
            """)
        #expect(facts.containers.count == 3)
    }

    @Test func dynamicVolumesOverAKnownListAndAnUnknownOne() {
        let known = Self.facts("""
            locals {
              mounts = ["/etc", "/srv"]
            }
            resource "docker_container" "c" {
              name  = "c"
              image = "x"
              dynamic "volumes" {
                for_each = local.mounts
                content {
                  host_path      = volumes.value
                  container_path = "/m"
                }
              }
            }
            """)
        #expect(known.containers.first?.mounts.map(\.source) == ["/etc", "/srv"])
        let unknown = Self.facts("""
            resource "docker_container" "c" {
              name  = "c"
              image = "x"
              dynamic "volumes" {
                for_each = var.mounts
                content {
                  host_path = volumes.value.path
                }
              }
            }
            """)
        // read once, the reference unresolved: not a path the module states
        #expect(unknown.containers.first?.mounts.allSatisfy { !$0.source.hasPrefix("/") } == true)
    }

    @Test func dockerProviderOnPlainTCPIsAClientAndSSHIsNot() {
        let facts = Self.facts("""
            provider "docker" {
              host = "tcp://10.0.0.5:2375"
            }
            provider "docker" {
              alias     = "tls"
              host      = "tcp://10.0.0.5:2376"
              cert_path = pathexpand("~/.docker")
            }
            provider "docker" {
              alias = "ssh"
              host  = "ssh://deploy@10.0.0.5:22"
            }
            """)
        #expect(facts.clients.map(\.usesTLS) == [false, true])
        #expect(Self.position(facts.clients.first?.address.location) == [2, 3])
    }

    @Test func kubernetesWorkloadsAreReadAsPodSpecs() {
        let facts = Self.facts("""
            resource "kubernetes_daemon_set_v1" "agent" {
              metadata {
                name = "agent"
              }
              spec {
                template {
                  metadata {}
                  spec {
                    host_pid = true
                    container {
                      name  = "agent"
                      image = "x"
                      security_context {
                        privileged = true
                      }
                    }
                  }
                }
              }
            }
            """)
        let spec = facts.containers.first
        #expect(spec?.privileged?.value == true)
        #expect(spec?.hostPID?.value == true)
        #expect(spec?.privileged?.spelling.contains("securityContext.privileged") == true)
    }

    @Test func ecsHeredocJSONIsJoinedToTheTasksHostVolumes() {
        let facts = Self.facts("""
            resource "aws_ecs_task_definition" "agent" {
              family       = "agent"
              network_mode = "host"
              volume {
                name      = "sock"
                host_path = "/var/run/docker.sock"
              }
              container_definitions = <<EOF
            [
              {
                "name": "agent",
                "image": "x",
                "privileged": true,
                "mountPoints": [{"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"}]
              }
            ]
            EOF
            }
            """)
        let spec = facts.containers.first
        #expect(spec?.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(Self.position(spec?.mounts.first?.location) == [6, 5])
        #expect(spec?.hostNetwork?.value == true)
        #expect(Self.position(spec?.privileged?.location) == [13, 5])
    }

    @Test func anHCLErrorIsUnscannableAtItsLine() {
        let facts = Self.facts("resource \"docker_container\" \"a\" {\n  name = \"a\n}\n")
        #expect(facts.containers.isEmpty)
        #expect(facts.unscannable.first?.location.line == 2)
    }
}
