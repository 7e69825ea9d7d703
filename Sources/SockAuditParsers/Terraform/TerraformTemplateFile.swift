import SockAuditCore

/// A file a Terraform value is read from: `file("x.json")`, `templatefile("x.json.tpl", {…})`, or
/// `data.template_file.NAME.rendered` where the module's `data "template_file" "NAME"` reads its
/// `template` with `file(…)`. A template's `${name}` inside a JSON string takes the value the call's
/// variables give it when the module states that value (a literal, a local, a variable default);
/// any other `${…}` stays unresolved, so it is judged as elsewhere (a socket by its name only).
struct TerraformTemplateFile {
    /// Relative to the module's folder (`path.module` is that folder).
    var file: String
    /// The template variables whose values the module states.
    var variables: [String: (text: String, note: String?)] = [:]

    static func source(of text: String, in module: TerraformModule, scope: TerraformScope) -> TerraformTemplateFile? {
        guard let (name, arguments) = call(in: text) else { return renderedData(text, in: module, scope: scope) }
        guard name == "file" || name == "templatefile", let path = arguments.first.flatMap(filePath) else { return nil }
        var template = TerraformTemplateFile(file: path)
        if name == "templatefile", arguments.count > 1 {
            template.read(variables: HCLNodes.node(arguments[1]), scope: scope)
        }
        return template
    }

    /// `${data.template_file.NAME.rendered}` and the module's `data "template_file" "NAME"`.
    private static func renderedData(_ text: String, in module: TerraformModule, scope: TerraformScope) -> TerraformTemplateFile? {
        guard text.hasPrefix("${"), text.hasSuffix("}"),
              let reference = TerraformScope.parseReference(String(text.dropFirst(2).dropLast()).trimming(" ")),
              reference.count == 4, reference[0] == .name("data"), reference[1] == .name("template_file"),
              case .name(let dataName) = reference[2], reference[3] == .name("rendered") else { return nil }
        for data in TerraformBlocks.labeled("data", labels: 2, in: module.root)
        where data.labels == ["template_file", dataName] {
            guard let source = data.body["template"]?.scalar?.text, let (name, arguments) = call(in: source),
                  name == "file", let path = arguments.first.flatMap(filePath) else { return nil }
            var template = TerraformTemplateFile(file: path)
            if let variables = data.body["vars"] { template.read(variables: variables, scope: scope) }
            return template
        }
        return nil
    }

    /// `${name(arguments)}`, the whole string one function call.
    private static func call(in text: String) -> (String, [HCLExpression])? {
        guard text.hasPrefix("${"), text.hasSuffix("}"), let expression = try? HCLParser.parseTemplate(text),
              case .template(let parts) = expression.kind, parts.count == 1,
              case .interpolation(let call) = parts[0], case .call(let name, let arguments, _) = call.kind else { return nil }
        return (name, arguments)
    }

    /// The literal path of a file argument, relative to the module (`${path.module}/` and `./` dropped).
    private static func filePath(_ argument: HCLExpression) -> String? {
        guard var file = argument.templateText else { return nil }
        for prefix in ["${path.module}/", "${path.root}/", "./"] where file.hasPrefix(prefix) {
            file = String(file.dropFirst(prefix.count))
        }
        return file.contains("${") ? nil : file
    }

    private mutating func read(variables: Node, scope: TerraformScope) {
        for pair in variables.pairs ?? [] {
            guard let name = pair.key.string, let (value, note) = scope.text(pair.value), !value.contains("${") else { continue }
            self.variables[name] = (value, note)
        }
    }

    /// The parsed template with each `${name}` the variables answer replaced by its value.
    func rendering(_ node: Node) -> Node {
        guard !variables.isEmpty else { return node }
        var result = node
        switch node.content {
        case .scalar(let scalar):
            guard !scalar.isPlain, scalar.text.contains("${") else { break }
            result.content = .scalar(.init(substituted(scalar.text), isPlain: false))
        case .sequence(let items):
            result.content = .sequence(items.map(rendering))
        case .mapping(let pairs):
            result.content = .mapping(pairs.map { Node.Pair(key: $0.key, value: rendering($0.value)) })
        }
        return result
    }

    private func substituted(_ text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for piece in TerraformScope.interpolations(in: text) {
            guard piece.reference.count == 1, case .name(let name) = piece.reference[0], let value = variables[name] else { continue }
            result += text[cursor..<piece.range.lowerBound]
            result += value.text
            cursor = piece.range.upperBound
        }
        result += text[cursor...]
        return result
    }
}
