import SockAuditCore
import Testing
@testable import SockAuditParsers

/// The Helm template location mapper on the shapes templates take: actions blanked without moving a
/// column, comments and strings holding `}}`, `define` bodies, `if`/`else` branches, block scalars.
@Suite struct TemplateLocationMapperTests {
    /// The rendered value at `path` (keys, or `#N` for a sequence item) moved to the template.
    static func position(template: String, rendered: String, _ path: [String]) throws -> (Int, Int) {
        let document = try #require(YAMLParser.parse(rendered).documents.first)
        var node = TemplateLocationMapper(template: template).relocate(document).document
        for step in path {
            if step.hasPrefix("#"), let index = Int(step.dropFirst()) {
                node = try #require(node.sequence?[index])
            } else {
                node = try #require(node[step])
            }
        }
        return (node.line, node.column)
    }

    @Test func actionsAreBlankedInPlace() {
        let blanked = TemplateActions.blank("a: {{ .Values.x | quote }}\n{{/* a comment\n with }} inside */}}\nb: {{ printf \"}}\" }}\n")
        #expect(blanked.lines[0].count == "a: {{ .Values.x | quote }}".count)
        #expect(blanked.lines[1].allSatisfy { $0 == " " } && blanked.lines[2].allSatisfy { $0 == " " })
        #expect(blanked.lines[3].hasPrefix("b: ") && blanked.lines[3].dropFirst(3).allSatisfy { $0 == " " })
        #expect(blanked.actions.map(\.line) == [1, 2, 4])
        #expect(blanked.actions.map(\.kind) == [.output, .silent, .output])
    }

    @Test func defineBodiesAreNotPartOfTheDocument() {
        let outline = TemplateOutline(template: "{{- define \"x\" }}\nprivileged: true\n{{- end }}\nkind: Pod\n")
        #expect(outline.documents.first?.children.map(\.key) == ["kind"])
    }

    @Test func aValueWrittenByAnActionPointsAtTheAction() throws {
        let template = "spec:\n  hostPath:\n    path: {{ .Values.socket }}\n"
        #expect(try Self.position(template: template, rendered: "spec:\n  hostPath:\n    path: /var/run/docker.sock\n", ["spec", "hostPath", "path"]) == (3, 11))
    }

    @Test func toYamlUnderWithPointsAtTheToYamlLineAndNamesTheValuesPath() throws {
        let template = """
            containers:
              - name: a
                {{- with .Values.securityContext }}
                securityContext:
                  {{- toYaml . | nindent 6 }}
                {{- end }}

            """
        let rendered = "containers:\n  - name: a\n    securityContext:\n      privileged: true\n"
        #expect(try Self.position(template: template, rendered: rendered, ["containers", "#0", "securityContext", "privileged"]) == (5, 7))
        let document = try #require(YAMLParser.parse(rendered).documents.first)
        let uses = TemplateLocationMapper(template: template).relocate(document).valuesUses
        #expect(uses.map(\.path) == [["securityContext", "privileged"]])
    }

    @Test func theBranchThatWasTakenIsChosenByItsStaticValue() throws {
        let template = """
            spec:
              {{- if .Values.debug }}
              privileged: true
              {{- else }}
              privileged: false
              {{- end }}

            """
        let got = try Self.position(template: template, rendered: "spec:\n  privileged: false\n", ["spec", "privileged"])
        #expect(got == (5, 15))
        #expect(try Self.position(template: template, rendered: "spec:\n  privileged: true\n", ["spec", "privileged"]) == (3, 15))
    }

    @Test func sequenceItemsAreMatchedByTheirStaticValues() throws {
        let template = """
            volumes:
              - name: config
                configMap:
                  name: settings
              {{- range .Values.extra }}
              - name: {{ .name }}
                hostPath:
                  path: {{ .path }}
              {{- end }}

            """
        let rendered = "volumes:\n  - name: config\n    configMap:\n      name: settings\n  - name: sock\n    hostPath:\n      path: /run/docker.sock\n  - name: logs\n    hostPath:\n      path: /var/log\n"
        #expect(try Self.position(template: template, rendered: rendered, ["volumes", "#2", "hostPath", "path"]) == (8, 13))
        #expect(try Self.position(template: template, rendered: rendered, ["volumes", "#0", "name"]) == (2, 11))
    }

    @Test func aBlockScalarsContentIsNotReadAsKeys() {
        let outline = TemplateOutline(template: "data:\n  script: |\n    privileged: true\n  other: x\n")
        let data = outline.documents.first?.children.first
        #expect(data?.children.map(\.key) == ["script", "other"])
    }

    @Test func unmatchedContentFallsBackToTheEnclosingObjectsLine() throws {
        // No action writes `extra`, and the template does not spell it out: the enclosing object.
        let position = try Self.position(template: "kind: Pod\nspec:\n  a: 1\n", rendered: "kind: Pod\nspec:\n  a: 1\n  extra: true\n", ["spec", "extra"])
        #expect(position == (3, 3))
    }
}
