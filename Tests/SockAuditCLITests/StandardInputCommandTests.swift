import Foundation
import Testing

/// `scan -`: findings anchored to a real path with `--stdin-filename`, and an empty pipe that is
/// never a clean pass.
@Suite struct StandardInputCommandTests {
    static let compose = """
        services:
          agent:
            image: example/agent
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
        """

    func makeRepository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-stdin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("deploy"), withIntermediateDirectories: true)
        try Data(Self.compose.utf8).write(to: root.appendingPathComponent("deploy/docker-compose.yml"))
        return root
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github", "markdown"])
    func aNamedStandardInputReportsAsTheFileItself(format: String) throws {
        let repository = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let file = try CLI.run(["scan", "deploy/docker-compose.yml", "--format", format], in: repository)
        let piped = try CLI.run(
            ["scan", "-", "--stdin-filename", "deploy/docker-compose.yml", "--format", format], stdin: Self.compose, in: repository)
        #expect(file.status == 1)
        #expect(piped.status == file.status)
        #expect(piped.stdout.contains("deploy/docker-compose.yml"), "\(piped.stdout)")
        #expect(piped.stdout == file.stdout)
    }

    @Test func theNameChoosesTheInputAsAFileNameWould() throws {
        // A shell script is no YAML or JSON document: `-` alone has no way to know it.
        let script = "#!/bin/sh\ndocker run -v /var/run/docker.sock:/var/run/docker.sock example/agent\n"
        let named = try CLI.run(["scan", "-", "--stdin-filename", "ci/run-agent.sh"], stdin: script)
        #expect(named.status == 1)
        #expect(named.stdout.hasPrefix("ci/run-agent.sh:2:"), "\(named.stdout)")
        #expect(named.stdout.contains("SA101"))
        // A name no input knows still gets the content sniffing of `-`.
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x, securityContext: {privileged: true}}\n"
        let unnamed = try CLI.run(["scan", "-", "--stdin-filename", "rendered/output", "--fail-on", "critical"], stdin: pod)
        #expect(unnamed.stdout.contains("rendered/output:6:"), "\(unnamed.stdout)")
        #expect(unnamed.stdout.contains("SA301"))
    }

    @Test func aBaselineOfTheFileMatchesItsNamedStandardInput() throws {
        let repository = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let recorded = try CLI.run(["baseline", "."], in: repository)
        let baseline = repository.appendingPathComponent("baseline.json")
        try Data(recorded.stdout.utf8).write(to: baseline)
        let piped = try CLI.run(
            ["scan", "-", "--stdin-filename", "docker-compose.yml", "--baseline", baseline.path],
            stdin: Self.compose, in: repository.appendingPathComponent("deploy"))
        #expect(piped.status == 0, "\(piped.stdout)\(piped.stderr)")
    }

    @Test(arguments: [("", "standard input was empty"), ("\n  \n\t\n", "standard input held only white space")])
    func anEmptyStandardInputIsNotScannedNeverClean(input: String, reason: String) throws {
        let run = try CLI.run(["scan", "-"], stdin: input)
        #expect(run.status == 3, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("-:1:1: high SA901 unscannable-file: not scanned: \(reason)"), "\(run.stdout)")
        #expect(run.stderr.contains("scan incomplete"))
        let named = try CLI.run(["scan", "-", "--stdin-filename", "chart.yaml", "--format", "github"], stdin: input)
        #expect(named.status == 3)
        #expect(named.stdout.hasPrefix("::error file=chart.yaml,line=1,col=1,title=SA901 unscannable-file::not scanned: \(reason)"), "\(named.stdout)")
    }

    @Test func theNameNeedsStandardInput() throws {
        let run = try CLI.run(["scan", "examples", "--stdin-filename", "x.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--stdin-filename names standard input"), "\(run.stderr)")
        let blank = try CLI.run(["scan", "-", "--stdin-filename", ""], stdin: "a: 1\n")
        #expect(blank.status == 2)
    }
}
