import SockAuditCore

/// systemd units (`*.service`, `*.socket`) and their drop-ins (`*.conf` in a `unit.service.d/`
/// folder). Only a unit-named folder claims a `.conf`, so `nginx/conf.d/*.conf` stays out.
public struct SystemdUnitInput: TextInput {
    public init() {}

    public let kind = InputKind.systemd
    static let unitTypes = ["service", "socket"]

    public func claims(_ file: SourceFile) -> Bool {
        Self.unitTypes.contains(file.pathExtension) || unitName(of: file) != nil
    }

    /// The unit a file configures: its own name, or for a drop-in the folder's name without `.d`.
    func unitName(of file: SourceFile) -> String? {
        if Self.unitTypes.contains(file.pathExtension) { return file.name }
        guard file.pathExtension == "conf", file.folderName.hasSuffix(".d") else { return nil }
        let unit = String(file.folderName.dropLast(2))
        return Self.unitTypes.contains(where: { unit.hasSuffix("." + $0) }) ? unit : nil
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        guard let unit = unitName(of: file) else { return nil }
        return SystemdUnit.facts(text, path: file.path, unitName: unit)
    }
}
