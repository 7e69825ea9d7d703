import SockAuditParsers

extension FuzzTarget {
    /// Nomad job templates (nomad-pack, Levant, Terraform's `templatefile`): the `[[ … ]]` actions,
    /// `%{ }` lines and bare `${x}` set aside, then the HCL parsed. The set-aside text must keep every
    /// line and its length in characters, and every position stay in the input.
    public static let nomadTemplate = FuzzTarget(
        name: "nomad-template", fileNames: ["templates/job.nomad.tpl", "job.nomad", "nomad/client.hcl"],
        tokens: ["[[", "]]", "[[-", "-]]", "[[ .x ]]", "[[ $v | quote ]]", "[[ template \"job_name\" . ]]", "[[ if .a ]]\n",
                 "[[ else ]]\n", "[[- end ]]\n", "[[ range $i, $p := .ports ]]\n", "[[/* c */]]", "\"[[ .dir ]]/docker.sock:/s\"",
                 "%{ if x }\n", "%{ endif }\n", "${x}", "${a.b}", "\"", "\\\"", "`", "{", "}", "=", "\n", " ", "\t", "\r\n",
                 "job \"j\" {\n", "group \"g\" {\n", "task \"t\" {\n", "driver = \"docker\"\n", "config {\n", "volumes = [\n",
                 "privileged = true\n", "port \"[[ $p.name ]]\" { to = 80 }\n", "client {\n", "host_volume \"s\" { path = \"/var/run/docker.sock\" }\n",
                 "\"docker.volumes.enabled\" = \"true\"\n", "<<EOF\n", "\nEOF\n", "é", "\u{0}", "\u{FEFF}"],
        parse: { bytes, bounds in
            let text = String(decoding: bytes, as: UTF8.self)
            guard let plain = NomadTemplateActions.setAside(text) else { return [] }
            var problems: [String] = []
            let before = text.split(separator: "\n", omittingEmptySubsequences: false)
            let after = plain.split(separator: "\n", omittingEmptySubsequences: false)
            if before.count != after.count {
                problems.append("set-aside text has \(after.count) lines, the input \(before.count)")
            }
            for (index, (a, b)) in zip(before, after).enumerated() where a.unicodeScalars.count != b.unicodeScalars.count {
                problems.append("line \(index + 1) is \(b.unicodeScalars.count) characters once set aside, \(a.unicodeScalars.count) before")
            }
            do throws(ParseError) {
                problems += hclViolations(try HCLParser.parse(plain), bounds)
            } catch {
                problems += bounds.violations(line: error.line, column: error.column, what: "HCL error \"\(error.message)\"")
            }
            return problems
        })
}
