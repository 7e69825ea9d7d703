/// The kinds of input sockaudit reads, named as the catalogue names them.
public enum InputKind: String, Sendable, Codable, CaseIterable, Hashable {
    case kubernetes = "k8s"
    case compose
    case commandLine = "cli"
    case daemon
    case inspect
    case host
}
