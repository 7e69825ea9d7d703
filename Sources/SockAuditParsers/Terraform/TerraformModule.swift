import SockAuditCore

/// One Terraform file as a located tree (HCL converted by `HCLNodes`, or `*.tf.json` as parsed),
/// with what its module declares that values may refer to: `variable` defaults and `locals`, from
/// this file and the sibling files that hold them. Values are read through `TerraformScope`.
public struct TerraformModule: Sendable {
    public var path: String
    public var root: Node
    var variables: [String: Node] = [:]
    var locals: [String: Node] = [:]

    /// Sibling files where modules keep their variables and locals, read for their declarations.
    public static let declarationFiles = ["variables.tf", "vars.tf", "variable.tf", "locals.tf", "variables.tf.json"]

    public init(path: String, root: Node, siblings: [Node] = []) {
        self.path = path
        self.root = root
        for tree in siblings + [root] {
            for block in TerraformBlocks.labeled("variable", labels: 1, in: tree) {
                if let value = block.body["default"] { variables[block.labels[0]] = value }
            }
            for body in TerraformBlocks.bodies("locals", in: tree) {
                for pair in body.pairs ?? [] {
                    if let name = pair.key.string { locals[name] = pair.value }
                }
            }
        }
    }

    /// An HCL file's tree, or the parse error that stopped it.
    public static func tree(hcl text: String) throws(ParseError) -> Node {
        HCLNodes.node(try HCLParser.parse(text), line: 1, column: 1)
    }
}

/// Blocks in either syntax: in HCL a block type may repeat; in JSON it is an object, or an array of
/// objects, nested one level per label.
public enum TerraformBlocks {
    /// The bodies of every `type { … }` directly in `node`.
    public static func bodies(_ type: String, in node: Node) -> [Node] {
        (node.pairs ?? []).filter { $0.key.string == type }.flatMap { objects($0.value) }
    }

    public struct Labeled: Sendable {
        public var labels: [String]
        /// The key of the last label (or the type), where a finding about the whole block points.
        public var key: Node
        public var body: Node
    }

    /// `type "a" "b" { … }` with exactly `labels` labels.
    public static func labeled(_ type: String, labels count: Int, in node: Node) -> [Labeled] {
        var level: [Labeled] = (node.pairs ?? []).filter { $0.key.string == type }.map { Labeled(labels: [], key: $0.key, body: $0.value) }
        for _ in 0..<count {
            level = level.flatMap { partial in
                objects(partial.body).flatMap { object in
                    (object.pairs ?? []).compactMap { pair in
                        pair.key.string.map { Labeled(labels: partial.labels + [$0], key: pair.key, body: pair.value) }
                    }
                }
            }
        }
        return level.flatMap { block in objects(block.body).map { Labeled(labels: block.labels, key: block.key, body: $0) } }
    }

    private static func objects(_ node: Node) -> [Node] {
        if let items = node.sequence { return items.filter(\.isMapping) }
        return node.isMapping ? [node] : []
    }
}
