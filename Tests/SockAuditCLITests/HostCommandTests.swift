import Foundation
import Testing

/// `sockaudit host` as a user runs it: exit codes, standard error, the saved snapshot.
@Suite struct HostCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("sockaudit").path) {
            return folder.appendingPathComponent("sockaudit")
        }
        return candidates[0].appendingPathComponent("sockaudit")
    }

    static func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = binary()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKER_HOST"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporary() throws -> String {
        let path = NSTemporaryDirectory() + "sockaudit-cli-host-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aTLSDaemonIsRefusedClearly() throws {
        let directory = try Self.temporary()
        for arguments in [["host", "--host", "https://127.0.0.1:2376"], ["host", "--tls"], ["host", "--host", "tcp://127.0.0.1:2376", "--tls"]] {
            let run = try Self.run(arguments, in: directory)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("TLS") && run.stderr.contains("not supported yet"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aMountedImageIsAuditedAndItsSnapshotScannedAgain() throws {
        let directory = try Self.temporary()
        let root = directory + "/image"
        try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        try Data("docker:x:998:alice\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/group"))
        let live = try Self.run(["host", "--root", root, "--save-snapshot", "saved.sockaudit-host.json", "--format", "json"], in: directory)
        #expect(live.status == 1)
        #expect(live.stderr.contains("Engine API not asked"), "\(live.stderr)")
        #expect(live.stderr.contains("0 containers judged"))
        #expect(live.stdout.contains("\"SA106\""))
        #expect(live.stdout.contains("saved.sockaudit-host.json"))

        let again = try Self.run(["scan", "saved.sockaudit-host.json", "--format", "json"], in: directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("host 1"), "\(again.stderr)")
        #expect(again.stdout == live.stdout)

        let underRoot = try Self.run(["host", "--root", root, "--save-snapshot", root + "/x.sockaudit-host.json"], in: directory)
        #expect(underRoot.status == 2)
        #expect(!FileManager.default.fileExists(atPath: root + "/x.sockaudit-host.json"))
    }

    @Test func suppressionsApplyToHostFindings() throws {
        let directory = try Self.temporary()
        let root = directory + "/image"
        try FileManager.default.createDirectory(atPath: root + "/etc", withIntermediateDirectories: true)
        try Data("docker:x:998:alice\n".utf8).write(to: URL(fileURLWithPath: root + "/etc/group"))
        try Data("""
            rules:
              disable: [SA601, SA602, SA603]
            """.utf8).write(to: URL(fileURLWithPath: directory + "/.sockaudit.yml"))
        try Data("SA106 -- alice is the on-call admin\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/h.sockaudit-host.json.sockaudit-ignore"))
        let run = try Self.run(["host", "--root", root, "--save-snapshot", "h.sockaudit-host.json"], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("1 suppressed"), "\(run.stderr)")
    }
}
