/// CloudFormation's intrinsic functions in a value: the short form is a YAML tag (`!Ref Name`,
/// `!Sub "…"`, `!GetAtt A.B`, `!If […]`, `!Join […]`), the long form an object with one key
/// (`{"Ref": …}`, `{"Fn::Sub": …}`). Neither is the text it contains: `!Ref SockPath` is not the path
/// "SockPath". What a template states without a parameter is read: `!Sub` (and `Fn::Sub`) is its
/// template text, `${…}` left unresolved; `!Join` of literal parts is the joined text. Anything
/// else is an expression the scan does not evaluate.
public enum CloudFormationIntrinsic {
    static let longForms: Set<String> = [
        "Ref", "Fn::Sub", "Fn::Join", "Fn::GetAtt", "Fn::If", "Fn::Select", "Fn::FindInMap", "Fn::ImportValue",
        "Fn::Base64", "Fn::Split", "Fn::GetAZs", "Fn::Cidr", "Fn::Transform", "Fn::ToJsonString", "Fn::Length",
    ]

    /// The function a node calls (`Ref`, `Fn::Sub`, …), in either form; nil for a plain value.
    public static func function(of node: Node) -> String? {
        if let tag = node.tag, tag.hasPrefix("!") {
            let name = String(tag.dropFirst())
            return name == "Ref" || name == "Condition" ? name : "Fn::" + name
        }
        guard let pairs = node.pairs, pairs.count == 1, let key = pairs[0].key.string, longForms.contains(key) else { return nil }
        return key
    }

    /// Whether a node is an intrinsic function call, in either form.
    public static func isExpression(_ node: Node) -> Bool {
        function(of: node) != nil
    }

    /// The text a value states: a plain scalar, a `Sub` template, or a `Join` of literal parts; nil
    /// for `null` (what `describe-task-definition` prints for an unset field), for any other
    /// function, and for collections.
    public static func text(_ node: Node?) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let called = function(of: node) else { return node.string }
        let argument = node.tag != nil ? node : node.pairs![0].value
        switch called {
        case "Fn::Sub":
            // `!Sub "text"`, or `!Sub ["text", {Var: value}]` (the variables are not substituted)
            return argument.scalar != nil ? argument.string : argument.sequence?.first.flatMap { text($0) }
        case "Fn::Join":
            guard let parts = argument.sequence, parts.count == 2, let separator = parts[0].string, parts[0].tag == nil,
                  let items = parts[1].sequence else { return nil }
            var texts: [String] = []
            for item in items {
                guard let part = text(item) else { return nil }
                texts.append(part)
            }
            return texts.joined(separator: separator)
        default:
            return nil
        }
    }

    /// An expression as the template writes it, for messages: `!Ref AppUser`, `Fn::GetAtt`.
    public static func display(_ node: Node) -> String {
        if let tag = node.tag { return node.string.map { "\(tag) \($0)" } ?? tag }
        guard let called = function(of: node) else { return node.string ?? "" }
        return node.pairs![0].value.string.map { "\(called): \($0)" } ?? called
    }
}
