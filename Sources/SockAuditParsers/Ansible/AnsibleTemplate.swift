/// Jinja in Ansible values. A value that holds `{{ … }}` or `{% … %}` is a template the scan does
/// not evaluate: it is unresolved, never read as the text it happens to contain. The one thing
/// resolved is a loop's own variable (`{{ item }}`, `{{ item.path }}`, `{{ item['path'] }}`) over
/// items the task writes literally: the value is then the item's node, with the item's position.
public enum AnsibleTemplate {
    public static func isTemplated(_ text: String) -> Bool {
        text.contains("{{") || text.contains("{%")
    }

    public static func isTemplated(_ node: Node) -> Bool {
        node.string.map(isTemplated) ?? false
    }

    /// A reference to the loop variable: the path below it, and whether a missing value is omitted
    /// (`| default(omit)`) rather than an error.
    struct LoopReference {
        var path: [String]
        var omitWhenMissing: Bool
    }

    /// Filters that leave a value as it is for the reader (it reads booleans and text the way the
    /// module does anyway).
    private static let neutralFilters: Set<String> = ["bool", "string", "int", "trim", "list"]

    /// `{{ item }}`, `{{ item.a.b }}`, `{{ item['a'] }}`, with neutral filters or `default(...)`
    /// after it: the path below `variable`. Nil for anything else.
    static func loopReference(_ expression: String, variable: String) -> LoopReference? {
        var parts = expression.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimming(" ") }
        guard !parts.isEmpty else { return nil }
        let head = parts.removeFirst()
        var omit = false
        for filter in parts {
            if neutralFilters.contains(String(filter)) { continue }
            if filter.hasPrefix("default(") || filter.hasPrefix("d(") {
                omit = filter.contains("omit")
                if !omit { return nil }  // a literal fallback is a value we would have to read too
                continue
            }
            return nil
        }
        guard head.hasPrefix(variable) else { return nil }
        var rest = head.dropFirst(variable.count)
        var path: [String] = []
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
                guard !name.isEmpty else { return nil }
                path.append(String(name))
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("['") || rest.hasPrefix("[\"") {
                let quote = rest.dropFirst().first!
                rest = rest.dropFirst(2)
                guard let end = rest.firstIndex(of: quote), rest[rest.index(after: end)...].hasPrefix("]") else { return nil }
                path.append(String(rest[..<end]))
                rest = rest[rest.index(end, offsetBy: 2)...]
            } else {
                return nil
            }
        }
        return LoopReference(path: path, omitWhenMissing: omit)
    }

    /// The expressions of a text, with their ranges (`{{` to `}}` inclusive) and inner text.
    static func expressions(in text: String) -> [(range: Range<String.Index>, inner: String)] {
        var result: [(Range<String.Index>, String)] = []
        var searchFrom = text.startIndex
        while let open = text.range(of: "{{", range: searchFrom..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            result.append((open.lowerBound..<close.upperBound, text[open.upperBound..<close.lowerBound].trimming(" ")))
            searchFrom = close.upperBound
        }
        return result
    }

    /// `node` with every reference to the loop variable replaced by the item's value: a scalar that
    /// is one reference becomes the item's node (its position included); a reference inside other
    /// text is replaced by the item's scalar text. A reference to a key the item lacks, with
    /// `default(omit)`, removes the key from its mapping. Other templates stay as written.
    static func substitute(_ node: Node, variable: String, item: Node) -> Node? {
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text.contains("{{") else { return node }
            let found = expressions(in: scalar.text)
            if found.count == 1, found[0].range == scalar.text.startIndex..<scalar.text.endIndex {
                guard let reference = loopReference(found[0].inner, variable: variable) else { return node }
                guard let value = lookup(reference.path, in: item) else { return reference.omitWhenMissing ? nil : node }
                return value
            }
            var text = scalar.text
            for expression in found.reversed() {
                guard let reference = loopReference(expression.inner, variable: variable),
                      let value = lookup(reference.path, in: item)?.string, !isTemplated(value) else { continue }
                text.replaceSubrange(expression.range, with: value)
            }
            return Node(.scalar(.init(text, isPlain: scalar.isPlain)), line: node.line, column: node.column)
        case .sequence(let items):
            return Node(.sequence(items.compactMap { substitute($0, variable: variable, item: item) }), line: node.line, column: node.column)
        case .mapping(let pairs):
            let substituted = pairs.compactMap { pair in
                substitute(pair.value, variable: variable, item: item).map { Node.Pair(key: pair.key, value: $0) }
            }
            return Node(.mapping(substituted), line: node.line, column: node.column)
        }
    }

    private static func lookup(_ path: [String], in item: Node) -> Node? {
        var current: Node? = item
        for key in path { current = current?[key] }
        return current
    }
}
