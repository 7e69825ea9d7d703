import SockAuditCore

extension InputKind {
    /// Podman Quadlet units: containers described by `podman run` flags under their own keys.
    public static let quadlet = InputKind("quadlet", group: .commandLine)
}

/// Podman Quadlet units: `*.container`, `*.kube`, and `*.pod` (a `.pod` without a `[Pod]` section
/// is a Perl document and is passed over), and their drop-ins (`NAME.container.d/*.conf`), which
/// state only what they add. A unit under a user's Quadlet folder (`~/.config/containers/systemd/`,
/// `/etc/containers/systemd/users/`) is rootless: `%t` is its `$XDG_RUNTIME_DIR`.
public struct QuadletInput: TextInput {
    public init() {}

    public let kind = InputKind.quadlet

    public func claims(_ file: SourceFile) -> Bool {
        unitType(of: file) != nil
    }

    /// `container`, `pod` or `kube`: the file's extension, or for a drop-in its folder's.
    func unitType(of file: SourceFile) -> String? {
        if QuadletUnit.sections[file.pathExtension] != nil { return file.pathExtension }
        guard file.pathExtension == "conf", file.folderName.hasSuffix(".d") else { return nil }
        let unit = file.folderName.dropLast(2)
        guard let dot = unit.lastIndex(of: ".") else { return nil }
        let type = String(unit[unit.index(after: dot)...])
        return QuadletUnit.sections[type] != nil ? type : nil
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        guard let type = unitType(of: file) else { return nil }
        let userUnit = TextSearch.contains(file.path, ".config/containers/systemd/")
            || TextSearch.contains(file.path, "containers/systemd/users/")
        return QuadletUnit.facts(
            text, path: file.path, fileExtension: type, userUnit: userUnit, dropIn: type != file.pathExtension)
    }
}
