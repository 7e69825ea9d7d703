/// An OpenShift `Template`: each of its `objects` is a manifest of its own. `${NAME}` and
/// `${{NAME}}` are the template's parameters: one with a default `value` is read as that value (a
/// whole `"${{NAME}}"` as the typed value, the boolean or number OpenShift puts there), and
/// the object's owner says which defaults were used; one without (`generate:`, `required:` only) is
/// left as written, so a host path is judged by what is known of it (`${DIR}/docker.sock` by its
/// name).
enum OpenShiftTemplate {
    static func sites(in template: Node, owner: String) -> [KubernetesManifest.PodSpecSite] {
        var defaults: [String: String] = [:]
        for parameter in template["parameters"]?.sequence ?? [] {
            guard let name = parameter["name"]?.string, let value = parameter["value"], let text = value.string, !value.isNull else { continue }
            defaults[name] = text
        }
        var sites: [KubernetesManifest.PodSpecSite] = []
        for object in template["objects"]?.sequence ?? [] where KubernetesManifest.isObject(object) {
            var used: [String] = []
            let resolved = substitute(object, defaults: defaults, used: &used)
            for var site in KubernetesManifest.podSpecs(in: resolved) {
                site.owner += " in \(owner)"
                if !used.isEmpty {
                    let said = used.map { "\($0)=\(defaults[$0] ?? "")" }.joined(separator: ", ")
                    site.owner += " (parameter defaults used: \(said))"
                }
                sites.append(site)
            }
        }
        return sites
    }

    /// The node with every parameter that has a default replaced by it, each name used noted once.
    static func substitute(_ node: Node, defaults: [String: String], used: inout [String]) -> Node {
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text.contains("${") else { return node }
            let (text, names) = expand(scalar.text, defaults: defaults)
            for name in names where !used.contains(name) { used.append(name) }
            // `"${{P}}"` as the whole value is replaced by the value itself, not a string: a quoted
            // `"${{PRIVILEGED}}"` becomes the boolean `true` (JSON templates must quote it).
            let typed = scalar.isPlain || (isWholeNonStringParameter(scalar.text) && !names.isEmpty)
            return Node(.scalar(.init(text, isPlain: typed)), line: node.line, column: node.column, tag: node.tag)
        case .sequence(let items):
            return Node(.sequence(items.map { substitute($0, defaults: defaults, used: &used) }), line: node.line, column: node.column, tag: node.tag)
        case .mapping(let pairs):
            let mapped = pairs.map { Node.Pair(key: $0.key, value: substitute($0.value, defaults: defaults, used: &used)) }
            return Node(.mapping(mapped), line: node.line, column: node.column, tag: node.tag)
        }
    }

    /// Whether the text is one `${{NAME}}` and nothing else.
    static func isWholeNonStringParameter(_ text: String) -> Bool {
        text.hasPrefix("${{") && text.hasSuffix("}}") && text.dropFirst(3).dropLast(2).allSatisfy { $0 != "}" && $0 != "$" }
    }

    /// `${NAME}` and `${{NAME}}` with a default replaced; the names replaced, in order.
    static func expand(_ text: String, defaults: [String: String]) -> (String, [String]) {
        var output = ""
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let doubled = afterOpen.hasPrefix("{")
            let nameStart = doubled ? afterOpen.dropFirst() : afterOpen
            let closing = doubled ? "}}" : "}"
            guard let close = nameStart.range(of: closing) else {
                output += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = String(nameStart[..<close.lowerBound])
            if let value = defaults[name] {
                output += value
                names.append(name)
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = nameStart[close.upperBound...]
        }
        output += rest
        return (output, names)
    }
}
