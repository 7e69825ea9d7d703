import Yams

/// Turns Yams nodes into located `Node`s, counting nodes so alias expansion stays bounded.
struct Converter {
    var budget: Int

    mutating func convert(_ node: Yams.Node) throws(ParseError) -> Node {
        let mark = node.mark
        let line = mark?.line ?? 1
        let column = mark?.column ?? 1
        budget -= 1
        if budget < 0 {
            throw ParseError("aliases expand this YAML beyond the node limit (an alias bomb?)", line: line, column: column)
        }
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return Node(.scalar(.init(scalar.string, isPlain: plain)), line: line, column: column)
        case .sequence(let sequence):
            return Node(.sequence(try sequence.map { node throws(ParseError) in try convert(node) }), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [Node.Pair] = []
            var merged: [Node.Pair] = []
            for (key, value) in mapping {
                if case .scalar(let keyScalar) = key, keyScalar.string == "<<", keyScalar.style == .plain {
                    for source in mergeSources(value) {
                        merged += try convert(source).pairs ?? []
                    }
                } else {
                    pairs.append(Node.Pair(key: try convert(key), value: try convert(value)))
                }
            }
            // Explicit keys win over merged ones; among merged sources the first one listed wins.
            var present = Set(pairs.compactMap { $0.key.string })
            for pair in merged {
                guard let key = pair.key.string, !present.contains(key) else { continue }
                present.insert(key)
                pairs.append(pair)
            }
            return Node(.mapping(pairs), line: line, column: column)
        case .alias:
            return Node(.scalar(.init("", isPlain: true)), line: line, column: column)
        }
    }

    /// `<<: *a` merges one mapping, `<<: [*a, *b]` several.
    private func mergeSources(_ value: Yams.Node) -> [Yams.Node] {
        switch value {
        case .mapping: [value]
        case .sequence(let items): items.filter { if case .mapping = $0 { true } else { false } }
        default: []
        }
    }
}
