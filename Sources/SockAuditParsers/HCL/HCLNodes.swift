import SockAuditCore

/// An HCL file as the located `Node` tree of the same configuration in JSON syntax (`*.tf.json`),
/// so one adapter reads both: an attribute is a key; a block is a key whose value nests one
/// mapping per label down to its body (a block type used twice is the key twice). Strings keep
/// their interpolations as `${…}`; an expression that needs evaluation becomes the string
/// `${source}`; `jsonencode(x)` becomes `x`; a heredoc holding JSON becomes that JSON's tree, each
/// node at its own line in the file.
public enum HCLNodes {
    public static func node(_ body: HCLBody, line: Int, column: Int) -> Node {
        var pairs: [Node.Pair] = []
        for item in body.items {
            switch item {
            case .attribute(let attribute):
                pairs.append(Node.Pair(key: scalar(attribute.name, attribute.line, attribute.column), value: node(attribute.value)))
            case .block(let block):
                var value = node(block.body, line: block.line, column: block.column)
                for label in block.labels.reversed() {
                    value = Node(.mapping([Node.Pair(key: scalar(label.text, label.line, label.column), value: value)]),
                                 line: block.line, column: block.column)
                }
                pairs.append(Node.Pair(key: scalar(block.type, block.line, block.column), value: value))
            }
        }
        return Node(.mapping(pairs), line: line, column: column)
    }

    public static func node(_ expression: HCLExpression) -> Node {
        let (line, column) = (expression.line, expression.column)
        switch expression.kind {
        case .string(let text):
            if let heredoc = expression.heredoc, let json = json(in: heredoc) { return json }
            return scalar(text, line, column)
        case .template:
            if let heredoc = expression.heredoc, let json = json(in: heredoc) { return json }
            return scalar(expression.templateText ?? "", line, column)
        case .number(let text):
            return Node(.scalar(.init(text, isPlain: true)), line: line, column: column)
        case .bool(let value):
            return Node(.scalar(.init(value ? "true" : "false", isPlain: true)), line: line, column: column)
        case .null:
            return Node(.scalar(.init("null", isPlain: true)), line: line, column: column)
        case .tuple(let items):
            return Node(.sequence(items.map(node)), line: line, column: column)
        case .object(let items):
            return Node(.mapping(items.map { item in
                let key = item.keyName.map { scalar($0, item.key.line, item.key.column) } ?? unresolved(item.key)
                return Node.Pair(key: key, value: node(item.value))
            }), line: line, column: column)
        case .call(let name, let arguments, false) where arguments.count == 1 && transparentCalls.contains(name):
            return node(arguments[0])
        case .call, .unresolved:
            return unresolved(expression)
        }
    }

    /// Calls whose result is their argument as far as a finding goes: `jsonencode(x)` is the JSON of
    /// `x`, and the conversions keep the collection.
    static let transparentCalls: Set<String> = ["jsonencode", "toset", "tolist", "tomap"]

    /// `${source}`: the value is not known, its spelling is kept (a socket still matches by name).
    static func unresolved(_ expression: HCLExpression) -> Node {
        scalar("${" + expression.source + "}", expression.line, expression.column)
    }

    static func scalar(_ text: String, _ line: Int, _ column: Int) -> Node {
        Node(.scalar(.init(text, isPlain: false)), line: line, column: column)
    }

    /// A heredoc whose content is a JSON array or object, as located nodes. An interpolation
    /// outside a JSON string (`"memory": ${var.memory}`) is read as the string `$var.memory` of the
    /// same length, so the positions after it stay exact; content that is not JSON stays a string.
    static func json(in heredoc: HCLHeredoc) -> Node? {
        let first = heredoc.rawContent.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else { return nil }
        let bytes = JSONPlaceholders.replacingBareInterpolations(Array(heredoc.rawContent.utf8))
        guard let parsed = try? JSONParser.parse(bytes) else { return nil }
        return shifted(parsed, lines: heredoc.contentLine - 1, columns: heredoc.indent)
    }

    /// The same tree with every position moved (JSON nests at most 512 levels).
    static func shifted(_ node: Node, lines: Int, columns: Int) -> Node {
        var result = node
        result.line += lines
        result.column += columns
        switch node.content {
        case .scalar: break
        case .sequence(let items): result.content = .sequence(items.map { shifted($0, lines: lines, columns: columns) })
        case .mapping(let pairs):
            result.content = .mapping(pairs.map {
                Node.Pair(key: shifted($0.key, lines: lines, columns: columns), value: shifted($0.value, lines: lines, columns: columns))
            })
        }
        return result
    }
}

/// Interpolations between JSON values, made into JSON strings of the same length.
enum JSONPlaceholders {
    static func replacingBareInterpolations(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                let (close, found) = closingBrace(bytes, from: index + 2)
                // Not closed on its line: go on after it (a rescan per `${` would be quadratic).
                guard found else {
                    index = close
                    continue
                }
                // `${var.memory}` -> `"$var.memory"`: same length, a JSON string that reads as unresolved.
                bytes[index] = UInt8(ascii: "\"")
                bytes[index + 1] = UInt8(ascii: "$")
                for inner in (index + 2)..<close where bytes[inner] == UInt8(ascii: "\"") || bytes[inner] == UInt8(ascii: "\\") {
                    bytes[inner] = UInt8(ascii: "_")
                }
                bytes[close] = UInt8(ascii: "\"")
                index = close
            }
            index += 1
        }
        return bytes
    }

    /// The `}` that closes an interpolation, past nested braces and quoted strings, on one line.
    private static func closingBrace(_ bytes: [UInt8], from start: Int) -> (index: Int, found: Bool) {
        var depth = 0
        var index = start
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { return (index, false) }
            if quoted {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { quoted = false }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { return (index, true) }
                depth -= 1
            }
            index += 1
        }
        return (index, false)
    }
}
