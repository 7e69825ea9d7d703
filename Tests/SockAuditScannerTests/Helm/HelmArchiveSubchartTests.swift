import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// A subchart vendored as `charts/NAME-VERSION.tgz` (what `helm dependency build` writes): its
/// findings stay on the archive, and the message names the template line inside it, read back
/// from the engine that loaded the archive.
@Suite struct HelmArchiveSubchartTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Release.Name }}-exporter
        spec:
          hostPID: true
          containers:
            - name: exporter
              image: registry.example.com/exporter:{{ .Chart.Version }}
              resources:
                limits: {cpu: 100m, memory: 64Mi}

        """

    @Test func aFindingInsideAnArchiveNamesItsTemplateLine() throws {
        guard let engine = HelmTestEngine.required() else { return }
        let tree = try TemporaryTree()
        try tree.write("agent/Chart.yaml", "apiVersion: v2\nname: agent\nversion: 1.0.0\n")
        try tree.write("agent/values.yaml", "{}\n")
        let staging = try TemporaryTree()
        try staging.write("exporter/Chart.yaml", "apiVersion: v2\nname: exporter\nversion: 0.3.1\n")
        try staging.write("exporter/templates/pod.yaml", Self.pod)
        try FileManager.default.createDirectory(atPath: tree.path("agent/charts"), withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-czf", tree.path("agent/charts/exporter-0.3.1.tgz"), "-C", staging.root, "exporter"]
        try tar.run()
        tar.waitUntilExit()
        try #require(tar.terminationStatus == 0)

        var options = ScanOptions(rules: BuiltInRules.all)
        options.helm.renderer = engine
        let result = try Scanner(options: options).scan([tree.root])
        let hostPID = try #require(result.findings.first { $0.ruleID == "SA401" })
        #expect(hostPID.location == SourceLocation(path: tree.path("agent/charts/exporter-0.3.1.tgz"), line: 1, column: 1))
        #expect(hostPID.message.hasSuffix(" (at agent/charts/exporter/templates/pod.yaml:6, inside the archive)"))
        #expect(!result.findings.contains { $0.ruleID == "SA901" })
    }
}
