import SockAuditCore
import SockAuditParsers

/// `/etc/default/docker` and `/etc/sysconfig/docker`: `DOCKER_OPTS` / `OPTIONS` flags for dockerd.
/// A plain text file with no extension, so it is claimed by path before the structured inputs.
enum DockerDefaultsInput {
    static let kind = InputKind.daemon.rawValue

    static func claims(_ file: SourceFile) -> Bool {
        DockerDefaultsFile.isDefaultsFile(file.path)
    }

    static func facts(from text: String, file: SourceFile) -> Facts {
        var facts = Facts()
        if let config = DockerDefaultsFile.config(from: text, path: file.path) { facts.daemons.append(config) }
        return facts
    }
}
