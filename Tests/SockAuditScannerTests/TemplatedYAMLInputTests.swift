import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// YAML templates: claimed by their names, read as what they render to, and left to Helm inside a
/// chart.
@Suite struct TemplatedYAMLInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static let compose = """
        services:
          agent:
            image: "{{ image }}"
            volumes: [/var/run/docker.sock:/var/run/docker.sock]
        """

    @Test func templatesOfComposeAndKubernetesAreReadByTheirNames() {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: '{{ .Image }}'}]\n"
        let result = Self.scan([
            ("roles/agent/templates/docker-compose.yml.j2", Self.compose), ("roles/agent/templates/docker-compose.j2", Self.compose),
            ("deploy/pod.yaml.tmpl", pod), ("deploy/pod.yml.tpl", pod), ("deploy/pod.gotmpl", pod), ("deploy/pod.yaml.jinja2", pod),
        ])
        #expect(result.filesScanned["templated-yaml"] == 6)
        #expect(result.findings.filter { $0.ruleID == "SA101" }.map(\.location.line) == [4, 4])
        #expect(result.findings.filter { $0.ruleID == "SA402" }.count == 4)
    }

    /// A chart's templates are Helm's; a template of anything but YAML, and YAML of no input's
    /// shape, are not claimed.
    @Test func whatIsNotClaimed() {
        let result = Self.scan([
            ("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n"),
            ("chart/templates/compose.yaml.tpl", Self.compose),
            ("site/index.html.j2", "<html>{{ title }}</html>\n"),
            ("monitoring/prometheus.yml.j2", "global:\n  scrape_interval: {{ interval }}\nscrape_configs: []\n"),
            ("notes.txt.tmpl", "{{ .Name }}\n"),
        ])
        #expect(result.filesScanned["templated-yaml"] == nil)
        #expect(result.findings.filter { $0.location.path != "chart/Chart.yaml" }.isEmpty)
    }

    /// A template whose structure cannot be recovered is SA901 with the reason; the rest of a file
    /// that parses up to a point is still judged.
    @Test func structureThatCannotBeRecovered() throws {
        let result = Self.scan([
            ("a/docker-compose.yml.j2", "services:\n  a:\n    image: {{ x\n"),
            ("b/app.yaml.tmpl", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: [{name: a, image: x}]\n---\na: [\n"),
        ])
        let unscannable = result.findings.filter { $0.ruleID == "SA901" }
        #expect(unscannable.map(\.location.path) == ["a/docker-compose.yml.j2", "b/app.yaml.tmpl"])
        #expect(unscannable.first?.message.contains("{{ opened here is never closed") == true)
        #expect(result.findings.contains { $0.ruleID == "SA401" && $0.location.path == "b/app.yaml.tmpl" })
    }

    /// Suppression comments in a template work as in any YAML file.
    @Test func directivesInTemplates() {
        let text = "services:\n  a:\n    image: x\n    # sockaudit:ignore SA301 -- the build agent needs it\n    privileged: true\n"
        let result = Self.scan([("docker-compose.yml.j2", text)])
        let privileged = result.findings.filter { $0.ruleID == "SA301" }
        #expect(privileged.count == 1)
        #expect(privileged.first?.suppression != nil)
    }
}
