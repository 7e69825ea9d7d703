import Foundation
import Testing

/// Exit 3 for a scan that could not read everything, and what the CLI never does with hostile input.
@Suite struct IncompleteScanCommandTests {
    static let privileged = "services:\n  app:\n    image: x\n    privileged: true\n"

    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sockaudit-cli-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func listing(_ root: URL) -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func unscannableFileAloneExitsThree() throws {
        let root = try Self.folder(["broken.yaml": "apiVersion: v1\nkind: Pod\nspec: [\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["scan", root.path])
        #expect(run.status == 3)
        #expect(run.stderr.contains("scan incomplete: 1 not scanned (SA901)"))
        #expect(run.stdout.contains("SA901"))
    }

    @Test func findingsAtTheThresholdStillExitOne() throws {
        let root = try Self.folder(["broken.yaml": "apiVersion: v1\nkind: Pod\nspec: [\n", "compose.yaml": Self.privileged])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.run(["scan", root.path]).status == 1)
        // SA901 never counts as a finding at --fail-on: below the threshold, the scan is incomplete.
        #expect(try CLI.run(["scan", root.path, "--fail-on", "critical"]).status == 3)
        #expect(try CLI.run(["scan", root.path, "--exclude", "broken.yaml", "--fail-on", "critical"]).status == 0)
    }

    @Test func standardInputOverTheLimitIsSA901() throws {
        let run = try CLI.run(["scan", "-", "--max-file-size", "100"], stdin: String(repeating: "# padding\n", count: 50))
        #expect(run.status == 3)
        #expect(run.stdout.contains("-:1:1: high SA901 unscannable-file: not scanned: - is 101 bytes, over the 100-byte limit")
                || run.stdout.contains("over the 100-byte limit"))
    }

    @Test func helpDocumentsExitThree() throws {
        let run = try CLI.run(["scan", "--help"])
        #expect(run.stdout.contains("3 the scan is incomplete"))
        #expect(run.stdout.contains("--follow-symlinks"))
    }

    @Test func linksAreCountedInTheSummary() throws {
        let root = try Self.folder(["compose.yaml": Self.privileged])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("etc.yaml").path, withDestinationPath: "/etc/passwd")
        let run = try CLI.run(["scan", root.path, "--follow-symlinks"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("; 1 symbolic link not followed"))
    }

    @Test func theScanningMachinesEnvironmentNeverReachesAResult() throws {
        let root = try Self.folder([
            "docker-compose.yml": "services:\n  app:\n    image: x\n    volumes: [\"${SOCKAUDIT_TEST_SOCKET}:/s\"]\n    environment: [\"DOCKER_HOST=${SOCKAUDIT_TEST_HOST}\"]\n"
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLI.run(["scan", root.path, "--format", "json"], environment: [
            "SOCKAUDIT_TEST_SOCKET": "/var/run/docker.sock", "SOCKAUDIT_TEST_HOST": "tcp://leaked-from-env:2375",
        ])
        #expect(!run.stdout.contains("leaked-from-env") && !run.stderr.contains("leaked-from-env"))
        #expect(!run.stdout.contains("SA101"), "an unset variable is not filled from the shell")
    }

    @Test func nothingIsWrittenButTheOutputFile() throws {
        let root = try Self.folder(["docker-compose.yml": Self.privileged, "broken.yaml": "a: [\n", "out/keep": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = Self.listing(root)
        let run = try CLI.run(["scan", ".", "--output", "out/report.sarif", "--format", "sarif"], in: root)
        #expect(run.status == 1)
        #expect(Self.listing(root) == (before + ["out/report.sarif"]).sorted())
    }

    @Test func sourcesNeverStartAProcess() throws {
        // The scanner reads what it finds and never runs it: no process API anywhere in Sources but
        // the one file that starts a rendering engine the user installed or named (helm, kubectl).
        let sources = CLI.repositoryRoot.appendingPathComponent("Sources").path
        let files = (FileManager.default.enumerator(atPath: sources)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files where file != "SockAuditScanner/EngineProcess.swift" {
            let text = try String(contentsOfFile: "\(sources)/\(file)", encoding: .utf8)
            for call in ["Process(", "posix_spawn", "popen(", "system(", "execv", "execl", "fork("] {
                #expect(!text.contains(call), "\(file) calls \(call)")
            }
        }
    }
}
