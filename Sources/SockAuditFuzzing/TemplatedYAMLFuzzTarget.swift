import SockAuditParsers

extension FuzzTarget {
    /// YAML templates (Jinja, Go templates, envsubst): the tags set aside, then the YAML parsed. The
    /// neutralised text must keep every line's length, and every node and error stay in the input.
    public static let templatedYAML = FuzzTarget(
        name: "templated-yaml", fileNames: ["docker-compose.yml.j2", "deploy.yaml.tmpl", "values.gotmpl"],
        tokens: ["{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "${", "}", "${A:-${B}}", "$$", "{{ x }}",
                 "{% if a %}\n", "{% else %}\n", "{% elif b %}\n", "{% endif %}\n", "{{ else }}\n", "{{- if .a }}", "{% raw %}",
                 "{% endraw %}", "{%- if a -%}", "{% for s in l %}\n", "{% endfor %}\n", "{{- range . }}\n", "{{- end }}\n",
                 "{# c #}", "{{ toYaml . | nindent 4 }}\n", ": ", "- ", "\n  ", "\n    ", "'", "\"", "\r\n", "\r", "\t", "#",
                 "---\n", "&a ", "*a", "|\n", "{", "[", "]", ",", "\u{F8F0}", "\u{F8FF}", "\u{E000}", "\u{0}", "\u{FEFF}", "é",
                 "services:\n  a:\n    volumes: [/var/run/docker.sock:/s]\n", "apiVersion: v1\nkind: Pod\n",
                 "    privileged: true\n", "      - \"{{ d }}/docker.sock:/s\"\n", "# sockaudit:ignore SA101 -- why\n"],
        parse: { bytes, bounds in
            let text = String(decoding: bytes, as: UTF8.self)
            switch TemplateTags.neutralize(text) {
            case .failure(let unclosed):
                return bounds.violations(line: unclosed.line, column: unclosed.column, what: "unclosed \(unclosed.opener)")
            case .success(let neutralized):
                var problems: [String] = []
                let before = text.split(separator: "\n", omittingEmptySubsequences: false)
                let after = neutralized.text.split(separator: "\n", omittingEmptySubsequences: false)
                if before.count != after.count {
                    problems.append("neutralised text has \(after.count) lines, the input \(before.count)")
                }
                for (index, (a, b)) in zip(before, after).enumerated() where a.unicodeScalars.count != b.unicodeScalars.count {
                    problems.append("line \(index + 1) is \(b.unicodeScalars.count) characters once neutralised, \(a.unicodeScalars.count) before")
                }
                for rendering in neutralized.renderings {
                    let lines = rendering.split(separator: "\n", omittingEmptySubsequences: false)
                    if lines.count != before.count || zip(before, lines).contains(where: { $0.unicodeScalars.count != $1.unicodeScalars.count }) {
                        problems.append("a rendering of the branches does not keep every line's length")
                    }
                    let parsed = YAMLParser.parseTemplate(rendering)
                    for document in parsed.documents {
                        problems += bounds.violations(in: neutralized.restore(document))
                    }
                    if let error = parsed.error {
                        problems += bounds.violations(
                            line: error.line, column: neutralized.column(error.column, line: error.line), what: "YAML error \"\(error.message)\"")
                    }
                }
                return problems
            }
        })
}
