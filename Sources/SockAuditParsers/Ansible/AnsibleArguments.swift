/// A task's module arguments as one mapping, whichever way the task writes them: a YAML mapping
/// under the module (`community.docker.docker_container: {name: web, …}`), the free-form string
/// (`docker_container: name=web privileged=yes`, split as Ansible's `parse_kv` splits it: at
/// spaces outside quotes and `{{ }}`, each `key=value` with its quotes removed), and a task-level
/// `args:` mapping, which the module's own arguments override. Free-form keys and values keep the
/// line and column they have in the file (a value at its first character, inside its quotes, and
/// marked plain so that readers need not shift past a quote).
enum AnsibleArguments {
    static func mapping(of module: Node, taskArgs: Node?, fileLines: [Substring]) -> Node {
        var pairs: [Node.Pair] = taskArgs?.pairs ?? []
        let own: [Node.Pair]
        if let written = module.pairs {
            own = written
        } else if module.scalar != nil, !module.isNull, let source = YAMLScalarSource.source(module, fileLines: fileLines) {
            own = freeForm(source).pairs
        } else {
            own = []
        }
        let ownKeys = Set(own.compactMap { $0.key.string })
        pairs.removeAll { $0.key.string.map(ownKeys.contains) ?? false }
        return Node(.mapping(pairs + own), line: module.line, column: module.column)
    }

    /// `key=value` words of a free-form string, and the words that are not (the command of
    /// `shell`/`command`, with its positions).
    static func freeForm(_ source: ShellSource) -> (pairs: [Node.Pair], rest: [ShellSource]) {
        var pairs: [Node.Pair] = []
        var rest: [ShellSource] = []
        for word in words(source) {
            let scalars = word.scalars
            guard let equals = scalars.firstIndex(of: "="), equals > 0,
                  scalars[..<equals].allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) else {
                rest.append(word)
                continue
            }
            var valueStart = equals + 1
            var valueEnd = word.count
            if valueEnd - valueStart >= 2, scalars[valueStart] == "\"" || scalars[valueStart] == "'", scalars[valueEnd - 1] == scalars[valueStart] {
                valueStart += 1
                valueEnd -= 1
            }
            let (keyLine, keyColumn) = word.position(0)
            let (valueLine, valueColumn) = word.position(valueStart)
            pairs.append(Node.Pair(
                key: Node(.scalar(.init(word.slice(0..<equals).text, isPlain: true)), line: keyLine, column: keyColumn),
                value: Node(.scalar(.init(word.slice(valueStart..<valueEnd).text, isPlain: true)), line: valueLine, column: valueColumn)))
        }
        return (pairs, rest)
    }

    /// Words split at unquoted spaces outside `{{ }}` and `{% %}`; quotes stay in the word.
    static func words(_ source: ShellSource) -> [ShellSource] {
        var words: [ShellSource] = []
        var start: Int?
        var quote: Unicode.Scalar?
        var depth = 0
        let scalars = source.scalars
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if quote == nil && depth == 0 && (scalar == " " || scalar == "\n" || scalar == "\t") {
                if let begun = start { words.append(source.slice(begun..<index)) }
                start = nil
                index += 1
                continue
            }
            if start == nil { start = index }
            if let open = quote {
                if scalar == open && (index == 0 || scalars[index - 1] != "\\") { quote = nil }
            } else if (scalar == "{" && (next == "{" || next == "%")) {
                depth += 1
                index += 1
            } else if depth > 0 && (scalar == "}" || scalar == "%") && next == "}" {
                depth -= 1
                index += 1
            } else if depth == 0 && (scalar == "\"" || scalar == "'") {
                quote = scalar
            }
            index += 1
        }
        if let begun = start { words.append(source.slice(begun..<scalars.count)) }
        return words
    }
}
