import SockAuditCore

/// Reads values the way a finding needs them: a literal as written; a reference the module itself
/// answers (`var.x` with a `default`, `local.y`, `each.value.z` or a dynamic block's iterator over
/// a known collection, `path.module`) as that value, with a note saying where it came from; any
/// other expression stays unresolved (`${…}`), so it is judged only by a socket's basename.
public struct TerraformScope: Sendable {
    public let module: TerraformModule
    /// `each` and dynamic-block iterators bound to one element.
    var bindings: [String: Binding] = [:]

    public struct Binding: Sendable {
        var key: Node
        var value: Node
        var note: String
    }

    /// A value and, when it was not written at the attribute itself, where it came from.
    public struct Value: Sendable {
        public var node: Node
        public var note: String?
    }

    public init(module: TerraformModule) {
        self.module = module
    }

    func binding(_ name: String, _ binding: Binding) -> TerraformScope {
        var scope = self
        scope.bindings[name] = binding
        return scope
    }

    // MARK: values

    /// The value of a node: a whole-string reference is replaced by what it refers to (any type);
    /// references inside a longer string are replaced when they are text.
    public func resolve(_ node: Node) -> Value {
        resolve(node, note: nil, hops: 0)
    }

    private func resolve(_ node: Node, note: String?, hops: Int) -> Value {
        guard hops < 8, let text = node.scalar.flatMap({ $0.isPlain ? nil : $0.text }), TextSearch.contains(text, "${") else {
            return Value(node: node, note: note)
        }
        let pieces = Self.interpolations(in: text)
        if pieces.count == 1, let only = pieces.first, only.range == text.startIndex..<text.endIndex,
           let found = lookup(only.reference) {
            return resolve(found.node, note: note ?? found.note, hops: hops + 1)
        }
        var result = ""
        var firstNote = note
        var cursor = text.startIndex
        for piece in pieces {
            result += text[cursor..<piece.range.lowerBound]
            if let found = lookup(piece.reference), let scalar = resolve(found.node, note: nil, hops: hops + 1).node.scalar {
                result += scalar.text
                firstNote = firstNote ?? found.note
            } else {
                result += text[piece.range]
            }
            cursor = piece.range.upperBound
        }
        result += text[cursor...]
        var replaced = node
        replaced.content = .scalar(.init(result, isPlain: false))
        return Value(node: replaced, note: firstNote)
    }

    /// The text of a scalar value (numbers and booleans as written).
    public func text(_ node: Node?) -> (text: String, note: String?)? {
        guard let node else { return nil }
        let value = resolve(node)
        guard let scalar = value.node.scalar, !value.node.isNull else { return nil }
        return (scalar.text, value.note)
    }

    /// Terraform converts `"true"` to a bool, so quoted spellings count too.
    public func bool(_ node: Node?) -> (value: Bool, note: String?)? {
        guard let (text, note) = text(node) else { return nil }
        switch text {
        case "true": return (true, note)
        case "false": return (false, note)
        default: return nil
        }
    }

    /// The items of a list value (a reference to a list is followed); a lone string is one item.
    public func list(_ node: Node?) -> [Value] {
        guard let node else { return [] }
        let value = resolve(node)
        if let items = value.node.sequence {
            return items.map { item in
                let resolved = resolve(item)
                return Value(node: resolved.node, note: value.note ?? resolved.note)
            }
        }
        return value.node.scalar != nil && !value.node.isNull ? [value] : []
    }

    /// The elements a `for_each` (or a `count` of known size) iterates over, or nil when unknown.
    public func elements(of forEach: Node, what: String) -> [Binding]? {
        let value = resolve(forEach)
        let note = [value.note, "an element of the for_each of \(what)"].compactMap { $0 }.joined(separator: ", ")
        let node = value.node
        if let items = node.sequence {
            return items.enumerated().map { index, item in
                Binding(key: Node(.scalar(.init(String(index), isPlain: true)), line: item.line, column: item.column),
                        value: item, note: note)
            }
        }
        if let pairs = node.pairs {
            return pairs.map { Binding(key: $0.key, value: $0.value, note: note) }
        }
        return nil
    }

    // MARK: references

    enum Segment: Equatable {
        case name(String)
        case index(Int)
    }

    struct Interpolation {
        var range: Range<String.Index>
        var reference: [Segment]
    }

    private func lookup(_ reference: [Segment]) -> (node: Node, note: String?)? {
        guard case .name(let root)? = reference.first else { return nil }
        var node: Node?
        var note: String?
        var rest = reference.dropFirst()
        switch root {
        case "var", "local":
            guard case .name(let name)? = rest.first else { return nil }
            rest = rest.dropFirst()
            node = root == "var" ? module.variables[name] : module.locals[name]
            note = root == "var" ? "the default of variable \"\(name)\"" : "local.\(name)"
        case "path":
            return (Node(.scalar(.init(".", isPlain: false)), line: 1, column: 1), nil)
        default:
            guard let binding = bindings[root], case .name(let part)? = rest.first else { return nil }
            rest = rest.dropFirst()
            switch part {
            case "key": node = binding.key
            case "value": node = binding.value
            default: return nil
            }
            note = binding.note
        }
        for segment in rest {
            guard let current = node.map({ resolve($0).node }) else { return nil }
            switch segment {
            case .name(let key): node = current[key]
            case .index(let index):
                guard let items = current.sequence, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node.map { ($0, note) }
    }

    /// Every `${…}` in a string whose content is a plain reference (`var.a`, `each.value.b[0]`,
    /// `m.value["c"]`); other interpolations are left out and stay as written.
    static func interpolations(in text: String) -> [Interpolation] {
        var result: [Interpolation] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard scalars[index] == "$", scalars.index(after: index) < scalars.endIndex,
                  scalars[scalars.index(after: index)] == "{" else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            let contentStart = scalars.index(index, offsetBy: 2)
            var depth = 0
            var cursor = contentStart
            var end: String.Index?
            while cursor < scalars.endIndex {
                let scalar = scalars[cursor]
                if scalar == "{" { depth += 1 }
                if scalar == "}" {
                    if depth == 0 {
                        end = cursor
                        break
                    }
                    depth -= 1
                }
                cursor = scalars.index(after: cursor)
            }
            guard let end else { break }
            let inner = String(scalars[contentStart..<end]).trimming(" \t~")
            if let reference = parseReference(inner) {
                result.append(Interpolation(range: start..<scalars.index(after: end), reference: reference))
            }
            index = scalars.index(after: end)
        }
        return result
    }

    /// Every `${…}` in a string with the expression it holds (`var.app`, `terraform.workspace`),
    /// whatever that expression is.
    public static func interpolationSources(in text: String) -> [(range: Range<String.Index>, source: String)] {
        var result: [(range: Range<String.Index>, source: String)] = []
        var index = text.startIndex
        while let start = text[index...].range(of: "${") {
            var depth = 0
            var cursor = start.upperBound
            var end: String.Index?
            while cursor < text.endIndex {
                let character = text[cursor]
                if character == "{" { depth += 1 }
                if character == "}" {
                    if depth == 0 {
                        end = cursor
                        break
                    }
                    depth -= 1
                }
                cursor = text.index(after: cursor)
            }
            guard let end else { break }
            result.append((start.lowerBound..<text.index(after: end), String(text[start.upperBound..<end]).trimming(" \t~")))
            index = text.index(after: end)
        }
        return result
    }

    /// A value with each `${…}` shown as `…`, and the expressions it held, for messages that name
    /// something Terraform fills in (`"web-…"` and `var.env`).
    public static func readable(_ value: String) -> (text: String, sources: [String]) {
        let pieces = interpolationSources(in: value)
        var text = ""
        var cursor = value.startIndex
        for piece in pieces {
            text += value[cursor..<piece.range.lowerBound] + "…"
            cursor = piece.range.upperBound
        }
        text += value[cursor...]
        return (text, pieces.map(\.source))
    }

    static func parseReference(_ text: String) -> [Segment]? {
        var segments: [Segment] = []
        var rest = Substring(text)
        func name() -> String? {
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard let first = word.first, first.isLetter || first == "_" else { return nil }
            rest = rest.dropFirst(word.count)
            return String(word)
        }
        guard let root = name() else { return nil }
        segments.append(.name(root))
        while let next = rest.first {
            if next == "." {
                rest = rest.dropFirst()
                if let digits = Int(rest.prefix(while: \.isNumber)), rest.first?.isNumber == true {
                    rest = rest.dropFirst(String(digits).count)
                    segments.append(.index(digits))
                } else if let part = name() {
                    segments.append(.name(part))
                } else {
                    return nil
                }
            } else if next == "[" {
                rest = rest.dropFirst()
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    let key = rest.prefix { $0 != "\"" }
                    rest = rest.dropFirst(key.count)
                    guard rest.hasPrefix("\"]") else { return nil }
                    rest = rest.dropFirst(2)
                    segments.append(.name(String(key)))
                } else {
                    let digits = rest.prefix(while: \.isNumber)
                    guard let value = Int(digits), rest.dropFirst(digits.count).first == "]" else { return nil }
                    rest = rest.dropFirst(digits.count + 1)
                    segments.append(.index(value))
                }
            } else {
                return nil
            }
        }
        return segments
    }
}
