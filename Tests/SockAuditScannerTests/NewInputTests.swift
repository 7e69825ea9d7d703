import SockAuditCore
import SockAuditParsers
import SockAuditRules
import SockAuditScanner
import Testing

/// A new input kind is an adapter and one registry line: this one, a made-up JSON list of
/// containers (`*.fleet.json`, a format no tool writes, so that no real input is imitated here), is
/// defined in the test target alone, and every rule applies to it.
struct FleetFileInput: DocumentInput {
    let kind = InputKind("fleet", group: .commandLine)

    func claims(_ file: SourceFile, text: String) -> Bool {
        file.name.hasSuffix(".fleet.json")
    }

    /// Each docker unit's `privileged` and `volumes` (`SRC:DST[:MODE]`); the rest of the container
    /// is not described here, so the "missing setting" rules stay quiet on it.
    func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let fleet = documents.first?["Fleet"] else { return nil }
        var facts = Facts()
        for group in fleet["Groups"]?.sequence ?? [] {
            for task in group["Units"]?.sequence ?? [] where task["Runtime"]?.string == "docker" {
                guard let config = task["Config"] else { continue }
                let name = task["Name"]?.string ?? "unit"
                var spec = ContainerSpec(
                    name: name, subject: "fleet unit \"\(name)\"", location: task.location(in: file.path),
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
          "Fleet": {
            "ID": "ci-agent",
            "Groups": [{
              "Name": "agent",
              "Units": [{
                "Name": "runner",
                "Runtime": "docker",
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
        let file = SourceFile(path: "hosts/ci-agent.fleet.json", bytes: Array(Self.job.utf8))
        return Scanner(options: options).scan(sources: [file])
    }

    @Test func aRegisteredInputGetsEveryRule() {
        let result = scan(inputs: InputRegistry.builtIn + [FleetFileInput()])
        #expect(result.filesScanned == ["fleet": 1])
        let found = result.findings.map { "\($0.ruleID) \($0.location.line):\($0.location.column)" }.sorted()
        #expect(found == ["SA101 12:23", "SA301 11:25"])
    }

    @Test func withoutItsLineTheFileIsNotRead() {
        let result = scan(inputs: InputRegistry.builtIn)
        #expect(result.filesScanned.isEmpty)
        #expect(result.findings.isEmpty)
    }
}
