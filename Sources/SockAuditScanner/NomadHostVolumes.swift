import SockAuditCore
import SockAuditParsers

extension Scanner {
    /// The one fact Nomad spreads over two files: a client's agent configuration says which host
    /// path a `host_volume` is, a job mounts it by name. The agent configurations (known by their
    /// paths) are read before the per-file pass, in the batch and the streamed scan alike, and
    /// their host volumes go into the context every job is read with, so a job's `volume_mount`
    /// is judged in the job's own file, in order. A configuration outside this scan (another
    /// shard of a sweep, or not scanned at all) declares nothing here: its jobs' host volumes are
    /// not judged. The configurations are scanned again in the pass, as any file is.
    func withNomadHostVolumes(_ work: [WorkItem], context: InputContext) -> InputContext {
        guard options.inputs.contains(where: { $0.kind == .nomadAgent }) else { return context }
        let configurations = work.filter { NomadAgentConfig.isConfigPath($0.reportPath) }
        guard !configurations.isEmpty else { return context }
        let files: [(path: String, bytes: [UInt8])] = configurations.compactMap { item in
            switch item {
            case .file(_, let readFrom, let followLinks):
                guard case .success(let bytes) = FileReader.read(readFrom, limit: options.maxFileSize, followLinks: followLinks) else { return nil }
                return (item.reportPath, bytes)
            case .source(let file):
                return (file.path, file.bytes)
            default:
                return nil
            }
        }
        var context = context
        context.nomadHostVolumes = NomadAgentConfig.catalogue(files)
        return context
    }
}
