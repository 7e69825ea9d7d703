import SockAuditCore

/// Module arguments read as located settings. A setting points at its value (a list entry at the
/// entry); a templated value is unresolved: `bool` and the host modes give nil for it, `text` gives
/// it as written (a user or a limit that is set, to a value the scan does not know).
struct AnsibleValues {
    let arguments: Node
    let path: String

    func node(_ name: String) -> Node? {
        guard let value = arguments[name], !value.isNull else { return nil }
        return value
    }

    func isTemplated(_ name: String) -> Bool {
        node(name).map(AnsibleTemplate.isTemplated) ?? false
    }

    /// Ansible's boolean conversion for module options (`yes`, `on`, `1`, `true`, `y`, `t`, any case;
    /// quoted or not).
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "on", "1", "true", "y", "t", "1.0": true
        case "no", "off", "0", "false", "n", "f", "0.0": false
        default: nil
        }
    }

    func bool(_ name: String) -> Setting<Bool>? {
        guard let value = node(name), let text = value.string, let parsed = Self.boolean(text) else { return nil }
        return Setting(parsed, at: value.location(in: path), spelling: "\(name): \(text)")
    }

    func text(_ name: String) -> Setting<String>? {
        guard let value = node(name), let text = value.string else { return nil }
        return Setting(text, at: value.location(in: path), spelling: "\(name): \(text)")
    }

    /// `*_mode: host` (or a `network: host` list) as a host-namespace setting; a template is unknown.
    func hostMode(_ names: String...) -> Setting<Bool>? {
        for name in names {
            if let setting = text(name) {
                guard !AnsibleTemplate.isTemplated(setting.value) else { return nil }
                return Setting(setting.value.lowercased() == "host", at: setting.location, spelling: setting.spelling)
            }
            if let first = strings(name).first, !AnsibleTemplate.isTemplated(first.value) {
                return Setting(first.value.lowercased() == "host", at: first.location, spelling: first.spelling)
            }
        }
        return nil
    }

    /// The entries of a list option: a YAML list, or a string the module splits at commas (a
    /// free-form `volumes=/a:/a,/b:/b`). Entries that are templates are kept (a socket basename
    /// still shows through them).
    func strings(_ name: String) -> [Setting<String>] {
        guard let value = node(name) else { return [] }
        if let items = value.sequence {
            return items.compactMap { item in
                guard let text = item.string, !item.isNull else { return nil }
                return Setting(text, at: item.location(in: path), spelling: "\(name): \(text)")
            }
        }
        guard let text = value.string else { return [] }
        // a whole-list template (`"{{ app_volumes }}"`) is one unknown entry
        if AnsibleTemplate.isTemplated(text) { return [Setting(text, at: value.location(in: path), spelling: "\(name): \(text)")] }
        var offset = 0
        let oneLine = !text.contains("\n")
        return text.split(separator: ",", omittingEmptySubsequences: false).compactMap { part in
            defer { offset += part.unicodeScalars.count + 1 }
            let entry = part.trimming(" ")
            guard !entry.isEmpty else { return nil }
            let leading = part.unicodeScalars.prefix(while: { $0 == " " }).count
            // on one line, each entry at its own column (after the opening quote of a quoted scalar)
            guard oneLine else { return Setting(entry, at: value.location(in: path), spelling: "\(name): \(entry)") }
            let column = value.column + offset + leading + (value.scalar?.isPlain == false ? 1 : 0)
            return Setting(entry, at: SourceLocation(path: path, line: value.line, column: column), spelling: "\(name): \(entry)")
        }
    }

    /// The mappings of a list-of-dicts option (`mounts`).
    func mappings(_ name: String) -> [Node] {
        (node(name)?.sequence ?? []).filter(\.isMapping)
    }
}
