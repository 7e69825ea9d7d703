/// A container over the defaults a tool gives it (Tekton's `stepTemplate`, Argo's
/// `templateDefaults.container`), as a strategic merge does: the container's own fields win; `env`
/// and `volumeMounts` are combined; `securityContext` and the resources are merged field by field.
enum ContainerDefaults {
    static func merged(_ container: Node, over defaults: Node?) -> Node {
        guard let defaultPairs = defaults?.pairs else { return container }
        var result = container
        for pair in defaultPairs {
            guard let key = pair.key.string else { continue }
            switch key {
            case "env", "volumeMounts":
                result = result.replacing(key, with: Node.joinedSequence([pair.value, container[key]]))
            case "securityContext", "resources", "computeResources":
                result = result.replacing(key, with: fieldByField(container[key], over: pair.value))
            default:
                result = result.withDefault(key, pair.value)
            }
        }
        return result
    }

    /// A mapping's own fields over the defaults' (one of them alone when the other is not a mapping).
    static func fieldByField(_ own: Node?, over defaults: Node?) -> Node? {
        guard let own, own.isMapping else { return own ?? defaults }
        guard let defaultPairs = defaults?.pairs else { return own }
        var combined = own
        for field in defaultPairs {
            if let name = field.key.string { combined = combined.withDefault(name, field.value) }
        }
        return combined
    }
}

extension Node {
    /// This tree with every node at one place (a tree parsed from a string whose characters are
    /// not located: it stands where the string is written).
    func placed(atLine line: Int, column: Int) -> Node {
        switch content {
        case .scalar: return Node(content, line: line, column: column, tag: tag)
        case .sequence(let items): return Node(.sequence(items.map { $0.placed(atLine: line, column: column) }), line: line, column: column, tag: tag)
        case .mapping(let pairs):
            return Node(.mapping(pairs.map { Node.Pair(key: $0.key.placed(atLine: line, column: column), value: $0.value.placed(atLine: line, column: column)) }),
                        line: line, column: column, tag: tag)
        }
    }

    /// The last line any node of this tree is on.
    var lastLine: Int {
        switch content {
        case .scalar: return line
        case .sequence(let items): return items.reduce(line) { Swift.max($0, $1.lastLine) }
        case .mapping(let pairs): return pairs.reduce(line) { Swift.max($0, $1.key.lastLine, $1.value.lastLine) }
        }
    }
}
