import SockAuditCore
import Testing
@testable import SockAuditParsers

/// OpenShift template parameters in the shapes templates write them (YAML and JSON).
@Suite struct OpenShiftTemplateTests {
    func substituted(_ value: String, defaults: [String: String]) -> Node.Scalar? {
        var used: [String] = []
        let node = Node(.scalar(.init(value, isPlain: false)), line: 1, column: 1)
        return OpenShiftTemplate.substitute(node, defaults: defaults, used: &used).scalar
    }

    /// `"${{P}}"` alone is replaced by the typed value (JSON templates must quote it); `${P}` is a
    /// string, and so is `${{P}}` inside other text or without a default.
    @Test func nonStringParametersAreTyped() {
        let defaults = ["PRIVILEGED": "true", "REPLICAS": "2", "SOCK": "/var/run/docker.sock"]
        #expect(substituted("${{PRIVILEGED}}", defaults: defaults) == .init("true", isPlain: true))
        #expect(substituted("${PRIVILEGED}", defaults: defaults) == .init("true", isPlain: false))
        #expect(substituted("x${{REPLICAS}}", defaults: defaults) == .init("x2", isPlain: false))
        #expect(substituted("${{MISSING}}", defaults: defaults) == .init("${{MISSING}}", isPlain: false))
        #expect(substituted("${{SOCK}}${{SOCK}}", defaults: defaults)?.isPlain == false)
    }

    @Test func jsonTemplateWithQuotedNonStringParameters() throws {
        let text = """
            {
              "kind": "Template", "apiVersion": "template.openshift.io/v1", "metadata": {"name": "t"},
              "parameters": [{"name": "PRIV", "value": "true"}, {"name": "NET", "value": "true"}, {"name": "NS", "required": true}],
              "objects": [{
                "kind": "Pod", "apiVersion": "v1", "metadata": {"name": "p", "namespace": "${NS}"},
                "spec": {
                  "hostNetwork": "${{NET}}",
                  "containers": [{"name": "c", "image": "alpine", "securityContext": {"privileged": "${{PRIV}}"}}]
                }
              }]
            }
            """
        let document = try JSONParser.parse(text)
        let file = SourceFile(path: "t.json", bytes: Array(text.utf8))
        let facts = try #require(KubernetesInput().facts(from: [document], file: file, context: .inMemory([:])))
        let container = try #require(facts.containers.first)
        #expect(container.privileged?.value == true)
        #expect(container.privileged?.location.line == 8)
        #expect(container.hostNetwork?.value == true)
        #expect(container.hostNetwork?.location.line == 7)
    }
}
