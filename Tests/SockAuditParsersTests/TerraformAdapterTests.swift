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

    /// `data "template_file"` (the HCL 1 `vars { }` block or the `vars = {…}` map) and
    /// `templatefile(…, {…})`: the template is read like `file()`, and a `${name}` in a JSON string
    /// takes the value the module states for it; one it does not state stays unresolved.
    @Test func templateVariablesTheModuleStatesFillTheTemplate() throws {
        let template = """
            [
              {
                "name": "${service_name}",
                "image": "${image}",
                "memoryReservation": ${memory},
                "mountPoints": [{"sourceVolume": "${sock_volume}", "containerPath": "/var/run/docker.sock"}]
              }
            ]
            """
        let hcl1 = Self.facts("""
            locals {
              sock = "dockerSock"
            }
            data "template_file" "defs" {
              template = "${file("./defs.json.tpl")}"
              vars {
                service_name = "jenkins"
                sock_volume  = "${local.sock}"
                image        = "${var.image}"
              }
            }
            resource "aws_ecs_task_definition" "jenkins" {
              family                = "jenkins"
              container_definitions = "${data.template_file.defs.rendered}"
              volume {
                name      = "${local.sock}"
                host_path = "/var/run/docker.sock"
              }
            }
            """, siblings: ["defs.json.tpl": template])
        let spec = try #require(hcl1.containers.first)
        #expect(spec.subject == "container \"jenkins\" of aws_ecs_task_definition.jenkins")
        #expect(spec.image == "${image}")  // var.image has no default: the template keeps its own placeholder
        #expect(spec.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(Self.position(spec.mounts.first?.location) == [17, 5])
        #expect(spec.location.path == "defs.json.tpl")

        let unresolved = Self.facts("""
            resource "aws_ecs_task_definition" "jenkins" {
              family                = "jenkins"
              container_definitions = templatefile("${path.module}/defs.json.tpl", {
                service_name = "jenkins"
                sock_volume  = var.sock_volume
                memory       = 512
              })
              volume {
                name      = "sock"
                host_path = "/var/run/docker.sock"
              }
            }
            """, siblings: ["defs.json.tpl": template])
        let other = try #require(unresolved.containers.first)
        #expect(other.subject == "container \"jenkins\" of aws_ecs_task_definition.jenkins")
        #expect(other.mounts.isEmpty)

        let missing = Self.facts("""
            data "template_file" "defs" {
              template = file("${path.module}/gone.json.tpl")
            }
            resource "aws_ecs_task_definition" "t" {
              container_definitions = data.template_file.defs.rendered
            }
            """)
        #expect(missing.containers.isEmpty)

        let directives = Self.facts("""
            resource "aws_ecs_task_definition" "t" {
              container_definitions = templatefile("defs.json.tpl", { containers = var.containers })
            }
            """, siblings: ["defs.json.tpl": """
                [
                  %{ for index, c in containers ~}
                  {"name": "${c.name}", "image": "${c.image}"}${index + 1 == length(containers) ? "" : ","}
                  %{ endfor ~}
                ]
                """])
        #expect(directives.containers.isEmpty)
        #expect(directives.unscannable.first?.reason.contains("%{…} directives, which the scan does not render") == true)
        #expect(directives.unscannable.first?.location.path == "defs.json.tpl")
        #expect(missing.unscannable.first?.reason.contains("gone.json.tpl could not be read") == true)
        #expect(Self.position(missing.unscannable.first?.location) == [5, 3])
    }

    /// A name Terraform fills in is said as such, and a container without a name by its image.
    @Test func containerNamesFromVariablesAreReadable() {
        let ecs = Self.facts("""
            resource "aws_ecs_task_definition" "t" {
              container_definitions = jsonencode([
                { name = var.app, image = "a:1" },
                { name = "${var.env}-sidecar", image = "b:1" },
                { image = "amazon/aws-xray-daemon:3" },
                { image = var.image },
                { essential = true },
              ])
            }
            """)
        #expect(ecs.containers.map(\.subject) == [
            "container (name from var.app) of aws_ecs_task_definition.t",
            "container \"…-sidecar\" (name from var.env) of aws_ecs_task_definition.t",
            "container with image \"amazon/aws-xray-daemon:3\" of aws_ecs_task_definition.t",
            "container with image from var.image of aws_ecs_task_definition.t",
            "unnamed container of aws_ecs_task_definition.t",
        ])
        let pod = Self.facts("""
            resource "kubernetes_pod_v1" "debug" {
              metadata {
                name = "debug"
              }
              spec {
                container {
                  name  = var.container_name
                  image = "busybox"
                }
                init_container {
                  name  = "init-${var.env}"
                  image = "busybox"
                }
              }
            }
            """)
        #expect(Set(pod.containers.map(\.subject)) == [
            "container \"(name from var.container_name)\" in kubernetes_pod_v1.debug",
            "initContainer \"init-… (name from var.env)\" in kubernetes_pod_v1.debug",
        ])
    }

    /// `*.tf.json` findings and advice are spelled as the JSON file writes them.
    @Test func jsonSyntaxIsSpelledAsTheFileWritesIt() throws {
        let facts = Self.facts("""
            {
              "resource": {
                "docker_container": {
                  "agent": {
                    "name": "agent",
                    "image": "example/agent:1",
                    "capabilities": {"add": ["SYS_ADMIN"]},
                    "security_opts": ["seccomp=unconfined"]
                  }
                }
              }
            }
            """, path: "cdk.tf.json")
        let spec = try #require(facts.containers.first)
        #expect(spec.capabilitiesAdded.first?.spelling == "\"add\": [\"SYS_ADMIN\"] in capabilities")
        #expect(spec.dialect.dropAllCapabilities == "\"capabilities\": {\"drop\": [\"ALL\"]}")
        #expect(spec.dialect.readOnlyRoot == "\"read_only\": true")
        #expect(Self.position(spec.location) == [4, 7])  // the resource's name, as a block's line in HCL
        #expect(spec.seccomp?.spelling == "\"security_opts\": [\"seccomp=unconfined\"]")
    }

    @Test func anHCLErrorIsUnscannableAtItsLine() {
        let facts = Self.facts("resource \"docker_container\" \"a\" {\n  name = \"a\n}\n")
        #expect(facts.containers.isEmpty)
        #expect(facts.unscannable.first?.location.line == 2)
    }
}
