import SockAuditCore

extension InputKind {
    /// Terraform configurations (`*.tf`, `*.tf.json`).
    public static let terraform = InputKind("terraform", group: .infrastructure)
}

/// Terraform: `*.tf` (HCL native syntax) and `*.tf.json`, claimed by extension. Variable defaults
/// and locals are read from this file and the module's `variables.tf`-style siblings; a
/// `file("…")` holding ECS container definitions is read when it is inside the scanned folders.
public struct TerraformInput: TextInput {
    public init() {}

    public let kind = InputKind.terraform

    public func claims(_ file: SourceFile) -> Bool {
        file.pathExtension == "tf" || file.name.hasSuffix(".tf.json")
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let root: Node
        do {
            root = try Self.tree(text, isJSON: file.pathExtension == "json")
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
        var siblings: [Node] = []
        for name in TerraformModule.declarationFiles where name != file.name {
            guard let bytes = context.readFile(name, file), case .success(let sibling) = TextDecoding.decode(bytes),
                  let tree = try? Self.tree(TextDecoding.unixLineEnds(sibling), isJSON: name.hasSuffix(".json")) else { continue }
            siblings.append(tree)
        }
        let module = TerraformModule(path: file.path, root: root, siblings: siblings)
        var facts = TerraformDockerAdapter.facts(in: module)
        facts.containers += TerraformKubernetesAdapter.containers(in: module)
        facts.merge(TerraformECSAdapter.facts(in: module) { name in
            guard let bytes = context.readFile(name, file), case .success(let text) = TextDecoding.decode(bytes) else { return nil }
            return (InputContext.resolve(name, relativeTo: file), text)
        })
        return facts
    }

    static func tree(_ text: String, isJSON: Bool) throws(ParseError) -> Node {
        isJSON ? try JSONParser.parse(text) : try TerraformModule.tree(hcl: text)
    }
}
