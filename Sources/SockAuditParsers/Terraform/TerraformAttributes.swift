import SockAuditCore

/// The attributes of one block body read as located settings: a setting points at the attribute's
/// name (`privileged = true`), a list entry at the entry itself; a value that came through a
/// reference points at the attribute, and its spelling says where the value came from.
public struct TerraformAttributes: Sendable {
    public let body: Node
    public let scope: TerraformScope
    /// Prepended to attribute names in spellings (`capabilities.`).
    public var prefix: String = ""

    public init(body: Node, scope: TerraformScope, prefix: String = "") {
        self.body = body
        self.scope = scope
        self.prefix = prefix
    }

    var path: String { scope.module.path }

    public func key(_ name: String) -> Node? {
        body.keyNode(name)
    }

    public func location(_ name: String) -> SourceLocation? {
        key(name)?.location(in: path)
    }

    /// Read from JSON (HCL's JSON syntax, a Nomad job from the API): settings are spelled as the
    /// file writes them, `"privileged": true`, not in HCL's `privileged = true`.
    var isJSON: Bool { path.hasSuffix(".json") }

    /// `name = value as written` (in JSON, `"name": value`), and the value it stands for when it
    /// came through a reference.
    public func spelling(_ name: String, _ raw: Node?, value: String, note: String?) -> String {
        let written = raw.map(Self.display) ?? value
        let attribute = isJSON
            ? "\"\(name)\": \(written)" + (prefix.isEmpty ? "" : " in \(prefix.dropLast())")
            : "\(prefix)\(name) = \(written)"
        guard let note else { return attribute }
        return "\(attribute) (\"\(value)\", from \(note))"
    }

    /// A value as a user wrote it: `var.x` for an unresolved expression, a string quoted, a literal bare.
    static func display(_ node: Node) -> String {
        guard let scalar = node.scalar else { return node.sequence != nil ? "[…]" : "{…}" }
        let text = scalar.text
        if !scalar.isPlain, text.hasPrefix("${"), text.hasSuffix("}"), Self.isSingleInterpolation(text) {
            return String(text.dropFirst(2).dropLast())
        }
        return scalar.isPlain ? text : "\"\(text)\""
    }

    private static func isSingleInterpolation(_ text: String) -> Bool {
        var depth = 0
        for (offset, character) in text.enumerated() {
            if character == "{" { depth += 1 }
            if character == "}" {
                depth -= 1
                if depth == 0 && offset != text.count - 1 { return false }
            }
        }
        return true
    }

    public func text(_ name: String) -> Setting<String>? {
        guard let raw = body[name], let key = key(name), let (value, note) = scope.text(raw) else { return nil }
        return Setting(value, at: key.location(in: path), spelling: spelling(name, raw, value: value, note: note))
    }

    public func bool(_ name: String) -> Setting<Bool>? {
        guard let raw = body[name], let key = key(name), let (value, note) = scope.bool(raw) else { return nil }
        return Setting(value, at: key.location(in: path), spelling: spelling(name, raw, value: String(value), note: note))
    }

    /// `*_mode = "host"` as a host-namespace setting; any other value is not the host's.
    public func hostMode(_ name: String) -> Setting<Bool>? {
        guard let setting = text(name), !setting.value.hasPrefix("${") else { return nil }
        return Setting(setting.value.lowercased() == "host", at: setting.location, spelling: setting.spelling)
    }

    /// Each entry of a list attribute, at the entry when it is written there, else at the attribute.
    public func strings(_ name: String) -> [Setting<String>] {
        guard let raw = body[name], let key = key(name) else { return [] }
        return scope.list(raw).compactMap { item in
            guard let scalar = item.node.scalar, !item.node.isNull else { return nil }
            let writtenHere = item.note == nil && raw.sequence != nil
            let at = writtenHere ? item.node.location(in: path) : key.location(in: path)
            let attribute = self.spelling(name, raw, value: scalar.text, note: nil)
            let written = item.note.map { "\(attribute) (\"\(scalar.text)\", from \($0))" }
                ?? (isJSON ? "\"\(name)\": [\"\(scalar.text)\"]" + (prefix.isEmpty ? "" : " in \(prefix.dropLast())") : "\(prefix)\(name) \"\(scalar.text)\"")
            return Setting(scalar.text, at: at, spelling: written)
        }
    }

    /// Capability names, canonical (`sys_admin`, `CAP_SYS_ADMIN` -> `SYS_ADMIN`), each located as a list entry.
    public func capabilities(_ name: String) -> [Setting<String>] {
        strings(name).map { Setting(CapabilityName.canonical($0.value), at: $0.location, spelling: $0.spelling) }
    }

    /// The attributes of the nested blocks of a type, static and `dynamic`.
    public func blocks(_ type: String) -> [TerraformAttributes] {
        scope.blocks(type, in: body).map { TerraformAttributes(body: $0.body, scope: $0.scope, prefix: prefix + type + ".") }
    }
}

extension TerraformScope {
    /// The bodies of `type` blocks, static and `dynamic "type"`, each with the scope its values are
    /// read in: a dynamic block over a collection the module states yields one body per element
    /// (its iterator bound); over an unknown collection, its `content` once, references unresolved.
    public func blocks(_ type: String, in body: Node) -> [(body: Node, scope: TerraformScope)] {
        var result = TerraformBlocks.bodies(type, in: body).map { (body: $0, scope: self) }
        for dynamic in TerraformBlocks.labeled("dynamic", labels: 1, in: body) where dynamic.labels[0] == type {
            guard let content = TerraformBlocks.bodies("content", in: dynamic.body).first else { continue }
            var iterator = type
            if let written = dynamic.body["iterator"]?.string {
                iterator = written.hasPrefix("${") && written.hasSuffix("}") ? String(written.dropFirst(2).dropLast()) : written
            }
            if let forEach = dynamic.body["for_each"], let elements = elements(of: forEach, what: "dynamic \"\(type)\""), !elements.isEmpty {
                result += elements.map { (body: content, scope: binding(iterator, $0)) }
            } else {
                result.append((body: content, scope: self))
            }
        }
        return result
    }
}
