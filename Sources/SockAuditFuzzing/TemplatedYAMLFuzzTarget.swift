import SockAuditParsers

extension FuzzTarget {
    /// YAML templates (Jinja, Go templates, envsubst): the tags set aside, then the YAML parsed. The
    /// neutralised text must keep every line's length, and every node and error stay in the input.
    public static let templatedYAML = FuzzTarget(
        name: "templated-yaml", fileNames: ["docker-compose.yml.j2", "deploy.yaml.tmpl", "values.gotmpl"],
        tokens: ["{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "{%-", "-%}", "${", "}", "${A:-${B}}", "$$", "{{ x }}",
                 "{% if a %}\n", "{% endif %}\n", "{% for s in l %}\n", "{% endfor %}\n", "{{- range . }}\n", "{{- end }}\n",
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
                let parsed = YAMLParser.parseTemplate(neutralized.text)
                for document in parsed.documents {
                    problems += bounds.violations(in: TemplateTags.restore(document, neutralized.expressions))
                }
                if let error = parsed.error {
                    problems += bounds.violations(line: error.line, column: error.column, what: "YAML error \"\(error.message)\"")
                }
                return problems
            }
        })
}
