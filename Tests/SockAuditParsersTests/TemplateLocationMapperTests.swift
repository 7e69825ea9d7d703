import SockAuditCore
import Testing
@testable import SockAuditParsers

/// The Helm template location mapper on the shapes templates take: actions blanked without moving a
/// column, comments and strings holding `}}`, `define` bodies, `if`/`else` branches, block scalars.
@Suite struct TemplateLocationMapperTests {
    /// The rendered value at `path` (keys, or `#N` for a sequence item) moved to the template.
    static func position(template: String, rendered: String, _ path: [String], named: NamedTemplates = NamedTemplates(files: [])) throws -> (Int, Int) {
        try noted(template: template, rendered: rendered, path, named: named).position
    }

    /// The relocated node at `path`: its template position and its note.
    static func noted(template: String, rendered: String, _ path: [String], named: NamedTemplates = NamedTemplates(files: [])) throws
        -> (position: (Int, Int), note: TemplateLocationMapper.Note?) {
        let document = try #require(YAMLParser.parse(rendered).documents.first)
        let relocated = TemplateLocationMapper(template: template, named: named).relocate(document)
        var node = relocated.document
        for step in path {
            if step.hasPrefix("#"), let index = Int(step.dropFirst()) {
                node = try #require(node.sequence?[index])
            } else {
                node = try #require(node[step])
            }
        }
        let (column, tag) = NoteTag.untag(node.column)
        return ((node.line, column), tag > 0 ? relocated.notes[tag - 1] : nil)
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
        let notes = TemplateLocationMapper(template: template).relocate(document).notes
        #expect(notes.compactMap(\.values?.path) == [["securityContext", "privileged"]])
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

    @Test func eachRangeItemCarriesItsOwnValuesNote() throws {
        // The node exporter's shape: `range $_, $mount := .Values.list` and `$mount.hostPath`.
        let template = """
            volumes:
              - name: proc
                hostPath:
                  path: /proc
              {{- range $_, $mount := .Values.extraHostVolumeMounts }}
              - name: {{ $mount.name }}
                hostPath:
                  path: {{ $mount.hostPath }}
              {{- end }}

            """
        let rendered = "volumes:\n  - name: proc\n    hostPath:\n      path: /proc\n  - name: a\n    hostPath:\n      path: /var/log\n  - name: b\n    hostPath:\n      path: /run/containerd\n"
        let first = try Self.noted(template: template, rendered: rendered, ["volumes", "#1", "hostPath", "path"])
        let second = try Self.noted(template: template, rendered: rendered, ["volumes", "#2", "hostPath", "path"])
        #expect(first.position == (8, 13) && second.position == (8, 13))
        #expect(first.note?.values == TemplateLocationMapper.ValuesUse(path: ["extraHostVolumeMounts", "[]", "hostPath"], value: "/var/log"))
        #expect(second.note?.values == TemplateLocationMapper.ValuesUse(path: ["extraHostVolumeMounts", "[]", "hostPath"], value: "/run/containerd"))
        #expect(try Self.noted(template: template, rendered: rendered, ["volumes", "#0", "hostPath", "path"]).note == nil)
    }

    @Test func scopesFollowVariablesWithAndRange() {
        let actions = TemplateActions.blank("""
            {{- $fixes := .Values.init.fixes -}}
            {{- with .Values.agent }}
            {{- range $i, $c := .containers }}
            {{ $c.name }}
            {{- end }}
            {{ . }}
            {{- end }}

            """).actions
        let scopes = TemplateScopes(actions)
        #expect(scopes.variable("$fixes", at: 6) == ["init", "fixes"])
        #expect(scopes.variable("$c", at: 4) == ["agent", "containers", "[]"])
        #expect(scopes.variable("$c", at: 6) == nil)
        #expect(scopes.dot(at: 4) == ["agent", "containers", "[]"])
        #expect(scopes.dot(at: 6) == ["agent"])
        #expect(scopes.dot(at: 8) == nil)
    }

    /// A pod spec built in `_pod.tpl` and included into the DaemonSet (promtail's and Falco's shape).
    static let named = NamedTemplates(files: [(
        path: "templates/_pod.tpl",
        text: """
            {{- define "agent.podTemplate" -}}
            metadata:
              labels:
                app: agent
            spec:
              hostPID: {{ .Values.hostPID }}
              containers:
                - name: agent
                  {{- with .Values.securityContext }}
                  securityContext:
                    {{- toYaml . | nindent 6 }}
                  {{- end }}
                  volumeMounts:
                    {{- include "agent.mounts" . | nindent 6 }}
            {{- end }}

            {{- define "agent.mounts" -}}
            {{- range .Values.mounts }}
            - name: {{ .name }}
              mountPath: {{ .path }}
            {{- end }}
            {{- end }}

            """)])

    @Test func whatAnIncludeWroteStaysAtTheIncludeAndNamesItsValuesAndLine() throws {
        let template = """
            apiVersion: apps/v1
            kind: DaemonSet
            spec:
              template:
                {{- include "agent.podTemplate" . | nindent 4 }}

            """
        let rendered = """
            apiVersion: apps/v1
            kind: DaemonSet
            spec:
              template:
                metadata:
                  labels:
                    app: agent
                spec:
                  hostPID: true
                  containers:
                    - name: agent
                      securityContext:
                        privileged: true
                      volumeMounts:
                        - name: a
                          mountPath: /var/log
                        - name: sock
                          mountPath: /var/run/docker.sock

            """
        let spec = ["spec", "template", "spec"]
        let hostPID = try Self.noted(template: template, rendered: rendered, spec + ["hostPID"], named: Self.named)
        #expect(hostPID.position == (5, 5))
        #expect(hostPID.note?.values?.path == ["hostPID"])
        #expect(hostPID.note?.writtenBy == TemplateLocationMapper.Definition(name: "agent.podTemplate", path: "templates/_pod.tpl", line: 6))
        // `toYaml .` under `with` inside the named template.
        let privileged = try Self.noted(template: template, rendered: rendered, spec + ["containers", "#0", "securityContext", "privileged"], named: Self.named)
        #expect(privileged.position == (5, 5))
        #expect(privileged.note?.values?.path == ["securityContext", "privileged"])
        #expect(privileged.note?.writtenBy?.line == 11)
        // A nested include with a `range`: each item its own value, the inner template's line.
        let socket = try Self.noted(template: template, rendered: rendered, spec + ["containers", "#0", "volumeMounts", "#1", "mountPath"], named: Self.named)
        #expect(socket.position == (5, 5))
        #expect(socket.note?.values == TemplateLocationMapper.ValuesUse(path: ["mounts", "[]", "path"], value: "/var/run/docker.sock"))
        #expect(socket.note?.writtenBy == TemplateLocationMapper.Definition(name: "agent.mounts", path: "templates/_pod.tpl", line: 20))
        // The container sits at the include too, and names the line of its `- name:`.
        let container = try Self.noted(template: template, rendered: rendered, spec + ["containers", "#0"], named: Self.named)
        #expect(container.position == (5, 5))
        #expect(container.note?.writtenBy?.line == 8)
    }

    @Test func itemsAddedAfterTheTemplatesOwnAreMatchedByValueNotIndex() throws {
        // promtail's shape: a static `- name: config` volume, then `toYaml .` of a values list.
        let template = """
            volumes:
              - name: config
                secret:
                  secretName: settings
              {{- with .Values.defaultVolumes }}
              {{- toYaml . | nindent 2 }}
              {{- end }}

            """
        let rendered = "volumes:\n  - name: config\n    secret:\n      secretName: settings\n  - name: run\n    hostPath:\n      path: /run/agent\n  - name: containers\n    hostPath:\n      path: /var/lib/docker/containers\n"
        let noted = try Self.noted(template: template, rendered: rendered, ["volumes", "#2", "hostPath", "path"])
        #expect(noted.position == (6, 3))
        #expect(noted.note?.values == TemplateLocationMapper.ValuesUse(path: ["defaultVolumes", "[]", "hostPath", "path"], value: "/var/lib/docker/containers"))
    }

    @Test func aListFilledByToYamlAndAnIncludeTakesTheIncludedItemFromItsNamedTemplate() throws {
        // Falco's shape: user init containers by `toYaml`, then the chart's own driver loader by `include`.
        let named = NamedTemplates(files: [(
            path: "templates/pod-template.tpl",
            text: """
                {{- define "probe.loader" -}}
                - name: {{ .Chart.Name }}-loader
                  image: registry.example.com/loader:1.0
                  securityContext:
                    privileged: true
                {{- end -}}

                """)])
        let template = """
            spec:
              initContainers:
              {{- with .Values.extraInitContainers }}
                {{- toYaml . | nindent 4 }}
              {{- end }}
              {{- include "probe.loader" . | nindent 4 }}

            """
        let rendered = "spec:\n  initContainers:\n    - name: probe-loader\n      image: registry.example.com/loader:1.0\n      securityContext:\n        privileged: true\n"
        let privileged = try Self.noted(template: template, rendered: rendered, ["spec", "initContainers", "#0", "securityContext", "privileged"], named: named)
        #expect(privileged.position == (6, 3))
        #expect(privileged.note?.writtenBy == TemplateLocationMapper.Definition(name: "probe.loader", path: "templates/pod-template.tpl", line: 5))
        #expect(privileged.note?.values == nil)
    }
}
