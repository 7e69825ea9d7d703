import SockAuditParsers

extension FuzzTarget {
    /// HCL native syntax: Terraform and Nomad files.
    public static let hcl = FuzzTarget(
        name: "hcl", fileNames: ["main.tf", "job.nomad"],
        tokens: ["\n", " ", "{", "}", "[", "]", "(", ")", "=", ":", ",", "\"", "\\", "\\u", "${", "%{", "$${", "~}", "<<EOF\n",
                 "<<-EOF\n", "\nEOF\n", "  EOF\n", "#", "//", "/*", "*/", "var.x", ".*", "[*]", "...", "? ", " : ", "=>", "for x in y : ",
                 "resource \"docker_container\" \"c\" {\n", "volumes {\n  host_path = \"/var/run/docker.sock\"\n}\n",
                 "privileged = true\n", "jsonencode([{privileged = true}])", "file(\"x.json\")", "dynamic \"volumes\" {\n",
                 "content {\n", "variable \"p\" { default = \"/run/docker.sock\" }\n", "provider \"docker\" { host = \"tcp://h:2375\" }\n",
                 "job \"j\" {\n", "config {\n", "\u{0}", "\u{FEFF}", "\r\n", "\u{2028}", "é"],
        parse: { bytes, bounds in
            do throws(ParseError) {
                return hclViolations(try HCLParser.parse(String(decoding: bytes, as: UTF8.self)), bounds)
            } catch {
                return bounds.violations(line: error.line, column: error.column, what: "HCL error \"\(error.message)\"")
            }
        })

    /// Every attribute, block, label and expression position of a parsed file, walked with a stack.
    static func hclViolations(_ body: HCLBody, _ bounds: PositionBounds) -> [String] {
        var problems: [String] = []
        var bodies = [body]
        var expressions: [HCLExpression] = []
        while !bodies.isEmpty || !expressions.isEmpty {
            if let next = bodies.popLast() {
                for item in next.items {
                    switch item {
                    case .attribute(let attribute):
                        problems += bounds.violations(line: attribute.line, column: attribute.column, what: "attribute \(attribute.name.prefix(40))")
                        expressions.append(attribute.value)
                    case .block(let block):
                        problems += bounds.violations(line: block.line, column: block.column, what: "block \(block.type.prefix(40))")
                        for label in block.labels {
                            problems += bounds.violations(line: label.line, column: label.column, what: "label")
                        }
                        bodies.append(block.body)
                    }
                }
            } else if let expression = expressions.popLast() {
                problems += bounds.violations(line: expression.line, column: expression.column, what: "expression \(expression.source.prefix(40))")
                if let heredoc = expression.heredoc {
                    problems += bounds.violations(line: heredoc.contentLine, column: 1 + heredoc.indent, what: "heredoc content")
                }
                switch expression.kind {
                case .tuple(let items): expressions += items
                case .object(let items): expressions += items.flatMap { [$0.key, $0.value] }
                case .call(_, let arguments, _): expressions += arguments
                case .template(let parts):
                    for case .interpolation(let inner) in parts { expressions.append(inner) }
                default: break
                }
            }
            if problems.count > 10 { break }
        }
        return problems
    }
}
