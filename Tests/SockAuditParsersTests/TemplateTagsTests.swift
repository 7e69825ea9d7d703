import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Template tags set aside so the YAML around them parses at its own lines and columns, in the
/// shapes Jinja, Go-template and envsubst files take.
@Suite struct TemplateTagsTests {
    func neutralized(_ text: String) throws -> TemplateTags.Neutralized {
        try TemplateTags.neutralize(text).get()
    }

    func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Every line keeps its count of characters; lines of tags alone are blank.
    @Test func columnsAndLinesAreKept() throws {
        let text = """
            {# comment #}
            services:
            {% for s in services %}
              {{ s.name }}:   # a key from a loop
                image: "{{ image }}:{{ tag }}"
                command: echo ${HOME} $$ {{x}}
            {%- endfor %}
            """
        let result = try neutralized(text)
        let before = lines(text)
        let after = lines(result.text)
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) { #expect(a.unicodeScalars.count == b.unicodeScalars.count) }
        #expect(after[0].allSatisfy { $0 == " " })
        #expect(after[2].allSatisfy { $0 == " " })
        #expect(after[6].allSatisfy { $0 == " " })
        #expect(result.expressions == ["{{ s.name }}", "{{ image }}", "{{ tag }}", "${HOME}", "{{x}}"])
    }

    /// The parsed tree reads the template's own text back, at the places it is written.
    @Test func placeholdersAreRestoredAfterTheParse() throws {
        let result = try neutralized("""
            services:
              {{ name }}:
                image: "{{ registry }}/app:{{ tag }}"
                volumes: ["{{ dir }}/docker.sock:/s"]
            """)
        let parsed = YAMLParser.parseTemplate(result.text)
        #expect(parsed.error == nil)
        let root = TemplateTags.restore(try #require(parsed.documents.first), result.expressions)
        let service = try #require(root["services"]?.pairs?.first)
        #expect(service.key.string == "{{ name }}")
        #expect(service.key.column == 3)
        #expect(service.value["image"]?.string == "{{ registry }}/app:{{ tag }}")
        let volume = try #require(service.value["volumes"]?.sequence?.first)
        #expect(volume.string == "{{ dir }}/docker.sock:/s")
        #expect(volume.line == 4)
        #expect(volume.column == 15)
    }

    /// Branches that write the same key parse together (the last is read there; each branch is read
    /// on its own in a rendering, below); anchors, several documents and Windows line ends parse as
    /// in any YAML file.
    @Test func branchesAnchorsDocumentsAndWindowsLineEnds() throws {
        let text = """
            x-common: &common
              restart: always
            services:
              a:
                <<: *common
            {% if debug %}
                image: app:debug
            {% else %}
                image: app:{{ version }}
            {% endif %}
            ---
            apiVersion: v1
            kind: ConfigMap
            """.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try neutralized(text)
        let parsed = YAMLParser.parseTemplate(result.text)
        #expect(parsed.error == nil)
        #expect(parsed.documents.count == 2)
        let service = parsed.documents.first?["services"]?["a"]
        #expect(TemplateTags.restore(try #require(service?["image"]), result.expressions).string == "app:{{ version }}")
        #expect(service?["image"]?.line == 9)
        #expect(service?["<<"] != nil || service?["restart"] != nil)
    }

    /// A tag over several lines keeps them; an expression among text keeps its place on its first.
    @Test func tagsOverSeveralLines() throws {
        let text = """
            a: {{ lookup('env',
                  'HOME') }}
            b: 1
            {% set x = [
                 1, 2] %}
            c: 2
            """
        let result = try neutralized(text)
        let parsed = YAMLParser.parseTemplate(result.text)
        #expect(parsed.error == nil)
        let root = TemplateTags.restore(try #require(parsed.documents.first), result.expressions)
        #expect(root["a"]?.string == "{{ lookup('env',\n      'HOME') }}")
        #expect(root["b"]?.line == 3)
        #expect(root["c"]?.line == 6)
    }

    /// `${` is a tag only before a name (nested defaults counted); a lone `$`, `${@}` and `$$`
    /// stay as written.
    @Test func dollarBraces() throws {
        let result = try neutralized("a: ${A:-${B}}/x\nb: $ ${@} $$c\n")
        #expect(result.expressions == ["${A:-${B}}"])
        #expect(lines(result.text)[1] == "b: $ ${@} $$c")
    }

    /// An unclosed tag says where it opens.
    @Test func unclosedTags() {
        for (text, opener, line, column) in [("a: 1\nb: {{ x\n", "{{", 2, 4), ("{% if x\n", "{%", 1, 1), ("a: ${X\n", "${", 1, 4), ("{# x", "{#", 1, 1)] {
            guard case .failure(let unclosed) = TemplateTags.neutralize(text) else {
                Issue.record("\(text) was taken as closed")
                continue
            }
            #expect(unclosed.opener == opener)
            #expect(unclosed.line == line)
            #expect(unclosed.column == column)
        }
    }

    /// Text without tags is left as it is.
    @Test func textWithoutTags() throws {
        let text = "a: {b: 1}\nc: [x, y]\nd: '{ not a tag }'\n"
        #expect(try neutralized(text).text == text)
    }

    /// A file's own private-use characters are never taken for a placeholder that is not there.
    @Test func restoreLeavesOtherTextAlone() {
        #expect(TemplateTags.restore("a\u{F8F0}b", ["x"]) == "a\u{F8F0}b")
        #expect(TemplateTags.restore("plain", []) == "plain")
    }

    /// Each branch of an if/elif/else chain on lines of its own is read in a rendering of its own,
    /// at its own lines; an `if` without `else` is in every rendering; Jinja and Go alike.
    @Test func everyBranchIsReadInARenderingOfItsOwn() throws {
        let text = """
            a:
            {% if x %}
              v: 1
            {%- elif y -%}
              v: 2
            {% else %}
              v: 3
            {% endif %}
            {% if z %}
              w: 1
            {% endif %}
            b:
            {{- if .X }}
              v: 4
            {{- else }}
              v: 5
            {{- end }}
            """
        let result = try neutralized(text)
        #expect(result.chains == [[3..<4, 5..<6, 7..<8], [14..<15, 16..<17]])
        let renderings = result.renderings
        #expect(renderings.count == 3)
        for rendering in renderings {
            #expect(lines(rendering).map(\.unicodeScalars.count) == lines(text).map(\.unicodeScalars.count))
        }
        let read = try renderings.map { rendering -> [String] in
            let root = try #require(YAMLParser.parseTemplate(rendering).documents.first)
            return [root["a"]?["v"]?.string ?? "-", root["a"]?["w"]?.string ?? "-", root["b"]?["v"]?.string ?? "-"]
        }
        #expect(read == [["1", "1", "4"], ["2", "1", "5"], ["3", "1", "5"]])
        let third = try #require(YAMLParser.parseTemplate(renderings[2]).documents.first)
        #expect(third["a"]?["v"]?.line == 7)
    }

    /// Without an else, or with a branch tag among other text, there is one reading.
    @Test func oneReadingWithoutBranchesOnLinesOfTheirOwn() throws {
        #expect(try neutralized("a:\n{% if x %}\n  v: 1\n{% endif %}\n").renderings.count == 1)
        #expect(try neutralized("a: {% if x %}1{% else %}2{% endif %}\n").renderings.count == 1)
        #expect(try neutralized("a:\n{% for i in l %}\n  - {{ i }}\n{% endfor %}\n").renderings.count == 1)
    }

    /// A chain with more branches than the limit keeps its later ones together in the last rendering.
    @Test func renderingsAreBounded() throws {
        var text = "a:\n{% if v == 0 %}\n  v: 0\n"
        for index in 1..<40 { text += "{% elif v == \(index) %}\n  v: \(index)\n" }
        text += "{% endif %}\n"
        let renderings = try neutralized(text).renderings
        #expect(renderings.count == TemplateBranches.renderingLimit)
        #expect(YAMLParser.parseTemplate(renderings[0]).documents.first?["a"]?["v"]?.string == "0")
        #expect(YAMLParser.parseTemplate(renderings.last!).documents.first?["a"]?["v"]?.string == "39")
    }

    /// A control tag or comment that opens a line with text after it: the text is read at the
    /// indentation the template writes it at (the blanks before and after the tags), and each node
    /// is restored to its own column.
    @Test func textAfterALineOpeningTagKeepsItsIndentation() throws {
        let text = """
            s:
              v:
            {% for i in l %}    - "{{ i }}"
            {% endfor %}
            {%- if x -%}    - b
            {# note #}  w: 1
            """
        let result = try neutralized(text)
        #expect(lines(result.text)[2].hasPrefix("    - \"\u{F8F0}"))
        #expect(lines(result.text)[4].hasPrefix("    - b "))
        #expect(lines(result.text)[5].hasPrefix("  w: 1 "))
        let parsed = YAMLParser.parseTemplate(result.text)
        #expect(parsed.error == nil)
        let root = result.restore(try #require(parsed.documents.first))
        let items = try #require(root["s"]?["v"]?.sequence)
        #expect(items.map(\.string) == ["{{ i }}", "b"])
        #expect(items.map(\.column) == [23, 19])
        #expect(root["s"]?.keyNode("w")?.column == 13)
        #expect(root["s"]?["w"]?.column == 16)
        #expect(result.column(7, line: 5) == 19)
        #expect(result.column(3, line: 6) == 13)
        #expect(result.column(3, line: 2) == 3)
    }

    /// Go template actions that write nothing are control flow; a comment writes nothing; `template`
    /// writes text.
    @Test func goActionsThatWriteNothing() throws {
        let result = try neutralized("a: {{ if .X }}1{{ end }}\nb: {{/* note */}}2\nc: {{ template \"x\" . }}\n")
        #expect(result.expressions == ["{{ template \"x\" . }}"])
        let root = result.restore(try #require(YAMLParser.parseTemplate(result.text).documents.first))
        #expect(root["a"]?.string == "1")
        #expect(root["b"]?.string == "2")
    }

    /// `{% raw %}` holds literal text: a `{{` in it opens no tag; an unclosed raw block says so.
    @Test func rawBlocksAreLiteral() throws {
        let text = "a: '{% raw %}{{ .Name }} {{{% endraw %}'\n{% raw %}\nb: \"{{ x\"\n{%- endraw %}\n"
        let result = try neutralized(text)
        #expect(result.expressions.isEmpty)
        #expect(lines(result.text)[2] == "b: \"{{ x\"")
        let root = try #require(YAMLParser.parseTemplate(result.text).documents.first)
        #expect(root["a"]?.string?.contains("{{ .Name }} {{") == true)
        guard case .failure(let unclosed) = TemplateTags.neutralize("a: 1\n{% raw %}\nb: {{ x\n") else {
            Issue.record("an unclosed raw block was taken as closed")
            return
        }
        #expect(unclosed.opener == "{% raw %}")
        #expect(unclosed.line == 2)
    }
}
