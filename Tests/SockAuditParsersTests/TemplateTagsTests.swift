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

    /// Branches that write the same key both parse (the last is read); anchors, several documents
    /// and Windows line ends parse as in any YAML file.
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
}
