import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// A Nomad client's `host_volume` joined to the jobs that mount it, when the client's agent
/// configuration is in the same scan: batch and streamed alike, and not across shards.
@Suite struct NomadHostVolumeTests {
    static let client = """
        data_dir = "/opt/nomad/data"

        client {
          enabled = true
          host_volume "docker-sock" {
            path      = "/var/run/docker.sock"
            read_only = true
          }
          host_volume "scratch" {
            path = "/srv/scratch"
          }
        }
        """

    static let job = """
        job "ci" {
          group "runner" {
            volume "docker" {
              type   = "host"
              source = "docker-sock"
            }
            volume "scratch" {
              type   = "host"
              source = "scratch"
            }
            task "runner" {
              driver = "docker"
              config { image = "registry.example.com/ci/runner:2.14" }
              volume_mount {
                volume      = "docker"
                destination = "/var/run/docker.sock"
              }
              volume_mount {
                volume      = "scratch"
                destination = "/scratch"
              }
            }
          }
        }
        """

    static func socketFindings(_ findings: [Finding]) -> [String] {
        findings.filter { $0.ruleID == "SA101" }.map { "\($0.location.path):\($0.location.line):\($0.location.column) \($0.message)" }
    }

    @Test func theJobsMountIsJudgedAtItsVolumeNamingTheClientsPath() {
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan(sources: [
            SourceFile(path: "apps/ci.nomad", bytes: Array(Self.job.utf8)),
            SourceFile(path: "infra/nomad/client.hcl", bytes: Array(Self.client.utf8)),
        ])
        let found = Self.socketFindings(result.findings)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("apps/ci.nomad:15:9 ") == true, "\(found)")
        #expect(found.first?.contains("host_volume \"docker-sock\" has path = \"/var/run/docker.sock\" (infra/nomad/client.hcl:6)") == true)
        #expect(found.first?.contains("read-only, which does not stop connect()") == true)
        #expect(result.filesScanned["nomad-agent"] == 1)
        #expect(result.findings.allSatisfy { $0.location.path != "infra/nomad/client.hcl" })
    }

    @Test func withoutTheClientsConfigurationTheHostVolumeIsUnknown() {
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan(sources: [
            SourceFile(path: "apps/ci.nomad", bytes: Array(Self.job.utf8)),
        ])
        #expect(Self.socketFindings(result.findings).isEmpty)
    }

    @Test func streamedAndShardedScans() throws {
        let tree = try TemporaryTree()
        _ = try tree.write("apps/ci.nomad", Self.job)
        _ = try tree.write("infra/nomad/client.hcl", Self.client)
        let scanner = Scanner(options: ScanOptions(rules: BuiltInRules.all))
        var streamed: [Finding] = []
        _ = try scanner.stream([tree.root]) { streamed.append($0) }
        let batch = try scanner.scan([tree.root]).findings
        #expect(Self.socketFindings(streamed).count == 1)
        #expect(Self.socketFindings(streamed) == Self.socketFindings(batch))

        // A shard that holds the job but not the client's configuration cannot join them.
        let count = try #require((2...16).first { count in
            let apps = (0..<count).first { Shard(index: $0, count: count)!.owns("apps") }
            let infra = (0..<count).first { Shard(index: $0, count: count)!.owns("infra") }
            return apps != infra
        })
        let appsShard = try #require((0..<count).compactMap { Shard(index: $0, count: count) }.first { $0.owns("apps") })
        var options = ScanOptions(rules: BuiltInRules.all)
        options.shard = appsShard
        var sharded: [Finding] = []
        _ = try Scanner(options: options).stream([tree.root]) { sharded.append($0) }
        #expect(Self.socketFindings(sharded).isEmpty)
        #expect(sharded.contains { $0.location.path.hasSuffix("apps/ci.nomad") })
    }

    @Test func agentConfigurationsAreClaimedByPathAndShape() {
        let consul = """
            datacenter = "dc1"
            client_addr = "0.0.0.0"
            """
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan(sources: [
            SourceFile(path: "nomad/server.hcl", bytes: Array("server {\n  enabled = true\n}\n".utf8)),
            SourceFile(path: "nomad/broken.hcl", bytes: Array("client {\n  enabled = \n".utf8)),
            // A Consul agent's client.hcl, a Packer template, a broken client.hcl that says nothing of Nomad.
            SourceFile(path: "consul/client.hcl", bytes: Array("bind_addr = \"0.0.0.0\"\nports { grpc = 8502 }\n".utf8)),
            SourceFile(path: "consul/client-extra.hcl", bytes: Array(consul.utf8)),
            SourceFile(path: "consul/client-server.hcl", bytes: Array("server = true\nbootstrap_expect = 3\n".utf8)),
            SourceFile(path: "nomad/image.pkr.hcl", bytes: Array("source \"docker\" \"x\" {\n".utf8)),
            SourceFile(path: "config/client-old.hcl", bytes: Array("client {\n".utf8)),
        ])
        #expect(result.filesScanned["nomad-agent"] == 2)
        #expect(result.findings.filter { $0.ruleID == "SA901" }.map(\.location.path) == ["nomad/broken.hcl"])
    }
}
