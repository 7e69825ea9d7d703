import SockAuditCore
import SockAuditParsers

extension JSONValue {
    /// A parsed document kept verbatim (Engine API replies in a snapshot).
    public init(node: Node) {
        switch node.content {
        case .scalar(let scalar): self = scalar.isPlain ? .literal(scalar.text.isEmpty ? "null" : scalar.text) : .string(scalar.text)
        case .sequence(let items): self = .array(items.map(JSONValue.init(node:)))
        case .mapping(let pairs): self = .object(pairs.map { Member($0.key.string ?? "", JSONValue(node: $0.value)) })
        }
    }
}
