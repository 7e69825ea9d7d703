import SockAuditCore

/// The instances a `resource` block stands for: none for a literal `count = 0`; one per element of a
/// `for_each` over a collection the module states (`each` bound); otherwise one, whose references
/// to `count` and `each` stay unresolved. An empty collection (a module's `default = {}` that its
/// callers fill) still yields the block once, so what it writes literally is judged.
public enum TerraformResources {
    public struct Instance: Sendable {
        public var name: String
        /// `docker_container.agent`, `docker_container.agent["web"]`.
        public var address: String
        public var body: Node
        public var scope: TerraformScope
        /// Where a finding about the whole resource points: the `resource` block in HCL, the
        /// resource's name key in JSON (its value is the object's `{`).
        public var location: Node
    }

    public static func instances(of resource: TerraformBlocks.Labeled, in module: TerraformModule) -> [Instance] {
        let scope = TerraformScope(module: module)
        let name = resource.labels.last ?? ""
        let address = resource.labels.joined(separator: ".")
        if let count = resource.body["count"], count.scalar?.text == "0" { return [] }
        if let forEach = resource.body["for_each"], let elements = scope.elements(of: forEach, what: address), !elements.isEmpty {
            return elements.map { element in
                let key = element.key.scalar?.text ?? "?"
                return Instance(name: name, address: "\(address)[\"\(key)\"]", body: resource.body, scope: scope.binding("each", element),
                                location: site(of: resource, in: module))
            }
        }
        return [Instance(name: name, address: address, body: resource.body, scope: scope, location: site(of: resource, in: module))]
    }

    private static func site(of resource: TerraformBlocks.Labeled, in module: TerraformModule) -> Node {
        module.path.hasSuffix(".json") ? resource.key : resource.body
    }
}
