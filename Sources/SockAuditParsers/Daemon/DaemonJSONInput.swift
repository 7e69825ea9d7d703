import SockAuditCore

/// `daemon.json`: by name, or a JSON object whose keys are mostly dockerd's.
public struct DaemonJSONInput: DocumentInput {
    public init() {}

    public let kind = InputKind.daemon

    /// Keys that only a daemon configuration has; a file without any is not read as one.
    static let telltales = [
        "\"hosts\"", "\"userns-remap\"", "\"live-restore\"", "\"icc\"", "\"insecure-registries\"", "\"userland-proxy\"",
        "\"tlsverify\"", "\"seccomp-profile\"", "\"no-new-privileges\"", "\"data-root\"", "\"storage-driver\"",
        "\"registry-mirrors\"", "\"exec-opts\"", "\"log-driver\"",
    ]

    public func claims(_ file: SourceFile, text: String) -> Bool {
        guard file.pathExtension == "json" || file.path == "-" else { return false }
        return file.name == "daemon.json" || Self.telltales.contains(where: { TextSearch.contains(text, $0) })
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let document = documents.first else { return nil }
        let isNamed = file.name == "daemon.json"
        guard isNamed || DaemonJSONAdapter.isDaemonConfiguration(document, fileName: file.name) else { return nil }
        switch DaemonJSONAdapter.config(from: document, path: file.path) {
        case .success(let config):
            return Facts(daemons: [config])
        case .failure(let error):
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
    }
}
