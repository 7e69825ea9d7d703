import SockAuditCore

/// A located document tree shared by the YAML and JSON parsers: every node knows the 1-based line
/// and column (in Unicode scalars) where it starts, so adapters can point findings at values.
public struct Node: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public struct Scalar: Hashable, Sendable {
        public var text: String
        /// Plain (unquoted) YAML scalars and JSON literals (numbers, `true`, `null`) are typed by
        /// their text; quoted ones are always strings.
        public var isPlain: Bool

        public init(_ text: String, isPlain: Bool) {
            self.text = text
            self.isPlain = isPlain
        }
    }

    public struct Pair: Hashable, Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    public var line: Int
    public var column: Int
    /// A YAML local tag written on the node (`!Ref`, `!Sub`, `!GetAtt`: CloudFormation's short forms),
    /// nil for untagged nodes and for YAML's own tags (`!!str`), which only type the value.
    public var tag: String?

    public init(_ content: Content, line: Int, column: Int, tag: String? = nil) {
        self.content = content
        self.line = line
        self.column = column
        self.tag = tag
    }

    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}

extension Node {
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The text of a scalar node.
    public var string: String? { scalar?.text }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var isMapping: Bool { pairs != nil }

    /// The value under a string key of a mapping; the last one wins, as in most loaders.
    public subscript(key: String) -> Node? {
        guard let pairs else { return nil }
        return pairs.last(where: { $0.key.string == key })?.value
    }

    /// The key node of a string key (where a finding about the key itself points).
    public func keyNode(_ key: String) -> Node? {
        pairs?.last(where: { $0.key.string == key })?.key
    }

    /// A boolean from a plain scalar. YAML 1.1 spellings (`yes`, `on`) are accepted because the
    /// loaders of Kubernetes and older Compose read them as booleans.
    public var bool: Bool? {
        guard let scalar, scalar.isPlain else { return nil }
        return BooleanSpelling.yaml(scalar.text)
    }

    /// An integer from a plain scalar.
    public var int: Int? {
        guard let scalar, scalar.isPlain else { return nil }
        return Int(scalar.text)
    }

    /// A plain `null`, `~` or empty scalar.
    public var isNull: Bool {
        guard let scalar, scalar.isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.text)
    }
}
