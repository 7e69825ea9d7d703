import SockAuditCore
import SockAuditParsers
import SockAuditRules
import SockAuditScanner
import Testing

/// A new input kind is an adapter and one registry line: this one, a HashiCorp Nomad job in JSON
/// (`*.nomad.json`) whose tasks run on the docker driver, is defined here in the test target alone,
/// and every rule applies to it.
struct NomadJobInput: DocumentInput {
    let kind = InputKind("nomad", group: .commandLine)

    func claims(_ file: SourceFile, text: String) -> Bool {
        file.name.hasSuffix(".nomad.json")
    }

    /// Each docker task's `privileged` and `volumes` (`SRC:DST[:MODE]`); the rest of the container
    /// is not described here, so the "missing setting" rules stay quiet on it.
    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let job = documents.first?["Job"] else { return nil }
        var facts = Facts()
        for group in job["TaskGroups"]?.sequence ?? [] {
            for task in group["Tasks"]?.sequence ?? [] where task["Driver"]?.string == "docker" {
                guard let config = task["Config"] else { continue }
                let name = task["Name"]?.string ?? "task"
                var spec = ContainerSpec(
                    name: name, subject: "Nomad task \"\(name)\"", location: task.location(in: file.path),
                    dialect: .commandLine, image: config["image"]?.string)
                spec.isComplete = false
                if let node = config["privileged"], let flag = node.bool {
                    spec.privileged = Setting(flag, at: node.location(in: file.path), spelling: "\"privileged\": \(flag)")
                }
                for item in config["volumes"]?.sequence ?? [] {
                    guard let text = item.string else { continue }
                    let volume = VolumeSpec.parse(text)
                    guard let source = volume.source, VolumeSpec.kind(of: source) == .absolute else { continue }
                    spec.mounts.append(HostMount(
                        source: source, target: volume.target, readOnly: volume.readOnly,
                        location: item.location(in: file.path), spelling: "volumes: \(text)"))
                }
                facts.containers.append(spec)
            }
        }
        return facts
    }
}

@Suite struct NewInputTests {
    static let job = """
        {
          "Job": {
            "ID": "ci-agent",
            "TaskGroups": [{
              "Name": "agent",
              "Tasks": [{
                "Name": "runner",
                "Driver": "docker",
                "Config": {
                  "image": "example/runner:1.4",
                  "privileged": true,
                  "volumes": ["/var/run/docker.sock:/var/run/docker.sock", "/srv/cache:/cache"]
                }
              }]
            }]
          }
        }
        """

    func scan(inputs: [any InputAdapter]) -> ScanResult {
        var options = ScanOptions(rules: BuiltInRules.all)
        options.inputs = inputs
        let file = SourceFile(path: "jobs/ci-agent.nomad.json", bytes: Array(Self.job.utf8))
        return Scanner(options: options).scan(sources: [file])
    }

    @Test func aRegisteredInputGetsEveryRule() {
        let result = scan(inputs: InputRegistry.builtIn + [NomadJobInput()])
        #expect(result.filesScanned == ["nomad": 1])
        let found = result.findings.map { "\($0.ruleID) \($0.location.line):\($0.location.column)" }.sorted()
        #expect(found == ["SA101 12:23", "SA301 11:25"])
    }

    @Test func withoutItsLineTheFileIsNotRead() {
        let result = scan(inputs: InputRegistry.builtIn)
        #expect(result.filesScanned.isEmpty)
        #expect(result.findings.isEmpty)
    }
}
