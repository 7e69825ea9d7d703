import Foundation
import Testing

/// docs/json-output.md and the JSON report agree: its example is the real report of the files it
/// describes (the version aside), and its tables name exactly the keys the report writes.
@Suite struct JSONOutputDocumentTests {
    static let document = CLI.repositoryRoot.appendingPathComponent("docs/json-output.md")

    static let files: [String: String] = [
        "deploy/compose.yaml": """
            services:
              node-exporter:
                image: prom/node-exporter:v1.8.2
                read_only: true
                user: "65534:65534"
                cap_drop: [ALL]
                security_opt: ["no-new-privileges:true"]
                mem_limit: 128m
                cpus: 0.25
                pids_limit: 64
                # sockaudit:ignore SA402 -- node-exporter must see the host's interfaces
                network_mode: host

            """,
        "k8s/pod.yaml": """
            apiVersion: v1
            kind: Pod
            metadata:
              name: ci-runner
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
              - name: agent
                image: example/agent:1.4
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: ["ALL"]}
                resources:
                  limits: {memory: 256Mi, cpu: 500m}
                volumeMounts:
                - {name: docker-sock, mountPath: /var/run/docker.sock}
              volumes:
              - name: docker-sock
                hostPath:
                  path: /var/run/docker.sock

            """,
        "README.md": "# notes\n",
        "settings.yaml": "x: 1\n",
    ]

    /// The report of the example's files, scanned as the document says.
    static func report() throws -> [String: Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-doc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // The date is pinned: `scan.settings` fingerprints it (suppressions expire by it).
        let run = try CLI.run(["scan", ".", "--format", "json"], in: folder, environment: ["SOCKAUDIT_TODAY": "2026-06-01"])
        #expect(run.status == 1, "\(run.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func markdown() throws -> String {
        try String(contentsOf: document, encoding: .utf8)
    }

    /// The JSON block under "## Example".
    static func example(_ text: String) throws -> [String: Any] {
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        let json = String(text[start.upperBound..<end.lowerBound])
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The first column of the table under `### heading`: the keys it documents.
    static func documentedKeys(_ text: String, under heading: String) throws -> Set<String> {
        let start = try #require(text.range(of: "\n### \(heading)\n"))
        var keys = Set<String>()
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3) {
            guard line.hasPrefix("| `") else { break }
            let key = line.dropFirst(3).prefix { $0 != "`" }
            keys.insert(String(key))
        }
        return keys
    }

    static func withoutVersion(_ report: [String: Any]) -> NSDictionary {
        var copy = report
        var tool = copy["tool"] as? [String: Any] ?? [:]
        tool["version"] = nil
        copy["tool"] = tool
        return copy as NSDictionary
    }

    @Test func theExampleIsTheRealReport() throws {
        let real = try Self.report()
        let documented = try Self.example(Self.markdown())
        #expect(Self.withoutVersion(real) == Self.withoutVersion(documented))
    }

    @Test func theTablesNameTheKeysTheReportWrites() throws {
        let real = try Self.report()
        let text = try Self.markdown()
        #expect(try Self.documentedKeys(text, under: "Top level") == Set(real.keys))
        #expect(try Self.documentedKeys(text, under: "`tool`") == Set((real["tool"] as? [String: Any] ?? [:]).keys))
        #expect(try Self.documentedKeys(text, under: "`summary`") == Set((real["summary"] as? [String: Any] ?? [:]).keys))
        let findings = try #require(real["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        for finding in findings {
            #expect(try Self.documentedKeys(text, under: "A finding") == Set(finding.keys))
            #expect(try Self.documentedKeys(text, under: "`location`") == Set((finding["location"] as? [String: Any] ?? [:]).keys))
        }
        let suppression = try #require(findings.compactMap { $0["suppression"] as? [String: Any] }.first)
        #expect(try Self.documentedKeys(text, under: "`suppression`") == Set(suppression.keys))
    }

    /// What the document says of `evidence` and `subject` holds: a normalised host path, a quoted name.
    @Test func evidenceAndSubjectAreAsDocumented() throws {
        let findings = try #require(try Self.report()["findings"] as? [[String: Any]])
        let mount = try #require(findings.first { $0["ruleId"] as? String == "SA101" })
        #expect(mount["evidence"] as? String == "/run/docker.sock")
        #expect((mount["message"] as? String)?.contains("/var/run/docker.sock") == true)
        #expect(mount["subject"] as? String == "container \"agent\" in Pod/ci-runner")
    }
}
