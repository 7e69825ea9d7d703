import SockAuditCore

/// A saved live-host snapshot (`*.sockaudit-host.json`): collected on one machine by
/// `sockaudit host --save-snapshot`, judged here or anywhere else.
public struct HostSnapshotInput: DocumentInput {
    public init() {}

    public let kind = InputKind.hostSnapshot

    public func claims(_ file: SourceFile, text: String) -> Bool {
        file.name.hasSuffix(HostSnapshotAdapter.fileSuffix) || TextSearch.contains(text, HostSnapshotAdapter.formatKey)
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let snapshots = documents.filter(HostSnapshotAdapter.isSnapshot)
        guard !snapshots.isEmpty else { return nil }
        var facts = Facts()
        for snapshot in snapshots {
            facts.merge(HostSnapshotAdapter.facts(from: snapshot, path: file.path))
        }
        return facts
    }
}
