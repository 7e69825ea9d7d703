import SockAuditCore
import SockAuditParsers

/// Moves positions in Kustomize's built output back to the files that wrote them. Each built
/// resource is walked key by key beside its layers (the document that declared it, then every
/// patch that applies, in the order they were applied); a value points at the last layer that
/// spells it out, an object at the first, and what no layer spells out (a label a transformer
/// added) at the nearest enclosing one that does, so every position is a real line of a real file.
struct KustomizeLocationMap {
    /// Built (line, column) -> source location.
    private var positions: [Position: SourceLocation] = [:]
    /// Each built document's first and last line, and where an unmatched position falls back to.
    private var documents: [(lines: ClosedRange<Int>, fallback: SourceLocation)] = []

    struct Position: Hashable, Comparable {
        var line: Int
        var column: Int

        static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    /// Keys that identify an item of a list when strategic merge matches lists (Kubernetes' patch
    /// merge keys for the lists a pod spec holds).
    static let mergeKeys = ["name", "mountPath", "devicePath", "containerPort", "ip", "topologyKey"]

    mutating func add(built document: Node, lastLine: Int, layers: [KustomizeLayer], fallback: SourceLocation) {
        documents.append((document.line...max(document.line, lastLine), fallback))
        let nodes = layers.map { layer -> Node? in
            if case .document(let root) = layer.shape { return root }
            return nil
        }
        walk(document, steps: [], nodes: nodes, layers: layers, enclosing: fallback)
    }

    /// Where a position of the built output came from.
    func location(line: Int, column: Int) -> SourceLocation? {
        if let exact = positions[Position(line: line, column: column)] { return exact }
        guard let document = documents.last(where: { $0.lines.contains(line) }) else { return nil }
        let before = positions.keys.filter { document.lines.contains($0.line) && $0 <= Position(line: line, column: column) }.max()
        return before.flatMap { positions[$0] } ?? document.fallback
    }

    private mutating func walk(_ built: Node, steps: [String], nodes: [Node?], layers: [KustomizeLayer], enclosing: SourceLocation) {
        let here = winner(nodes, layers: layers, isValue: built.scalar != nil) ?? enclosing
        // A mapping starts where its first key does: the first record (the enclosing object) stays.
        record(built, here)
        switch built.content {
        case .scalar:
            return
        case .mapping(let pairs):
            for pair in pairs {
                let key = pair.key.string ?? ""
                let path = steps + [key]
                let children = layers.indices.map { index in nodes[index]?[key] ?? operationValue(layers[index], path: path) }
                let keys = layers.indices.map { index in nodes[index]?.keyNode(key) ?? operationValue(layers[index], path: path) }
                let keyLocation = winner(keys, layers: layers, isValue: pair.value.scalar != nil) ?? here
                record(pair.key, keyLocation)
                walk(pair.value, steps: path, nodes: children, layers: layers, enclosing: keyLocation)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                let token = index == items.count - 1 ? [String(index), "-"] : [String(index)]
                let path = steps + [token.joined(separator: "|")]
                let children = layers.indices.map { layer in
                    nodes[layer].flatMap { Self.match(item, index: index, in: $0) } ?? operationValue(layers[layer], path: path)
                }
                walk(item, steps: path, nodes: children, layers: layers, enclosing: here)
            }
        }
    }

    private mutating func record(_ node: Node, _ location: SourceLocation) {
        let position = Position(line: node.line, column: node.column)
        if positions[position] == nil { positions[position] = location }
    }

    /// A value is where the last layer that spells it out sets it; an object (a container, a
    /// volume) is where it was first declared, in the base, unless a patch added it.
    private func winner(_ nodes: [Node?], layers: [KustomizeLayer], isValue: Bool) -> SourceLocation? {
        let found = isValue ? nodes.indices.last(where: { nodes[$0] != nil }) : nodes.indices.first(where: { nodes[$0] != nil })
        guard let index = found, let node = nodes[index] else { return nil }
        return layers[index].location(of: node)
    }

    /// A JSON 6902 operation's value where its pointer is this path (a list item is named by its
    /// index, or `-` for the last).
    private func operationValue(_ layer: KustomizeLayer, path: [String]) -> Node? {
        guard case .operation(let pointer, let value) = layer.shape, pointer.count == path.count else { return nil }
        for (token, step) in zip(pointer, path) where !step.split(separator: "|").contains(Substring(token)) {
            return nil
        }
        return value
    }

    /// The item of a layer's list that a built item came from: by merge key, by equal scalar, else
    /// by position.
    static func match(_ item: Node, index: Int, in list: Node) -> Node? {
        guard let candidates = list.sequence else { return nil }
        if item.isMapping {
            for key in mergeKeys {
                guard let value = item[key]?.string else { continue }
                return candidates.first { $0[key]?.string == value }
            }
        } else if let text = item.string {
            if let same = candidates.first(where: { $0.string == text }) { return same }
        }
        return index < candidates.count ? candidates[index] : nil
    }
}
