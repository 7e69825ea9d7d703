import SockAuditCore

extension InputKind {
    /// Ansible playbooks, roles' task files and Molecule scenarios.
    public static let ansible = InputKind("ansible", group: .infrastructure)
}

/// Ansible playbooks and task files (a role's `tasks/*.yml`, anything a play includes), known by
/// their content: a YAML list of plays, or of tasks. Read: `docker_container` and
/// `podman_container` tasks as containers, `kubernetes.core.k8s` tasks' inline `definition` as
/// Kubernetes objects, and `shell`/`command`/`raw` tasks as command lines. A YAML mapping (Compose,
/// Kubernetes, a CI file) is never a playbook.
public struct AnsibleInput: DocumentInput {
    public init() {}

    public let kind = InputKind.ansible

    /// The module names of the read tasks; a command task needs a command it reads as well. A file
    /// with none of them is not Ansible's to claim (so a broken YAML file that only mentions docker is
    /// left to the other inputs, or out of scope).
    private static let modules = ["docker_container", "podman_container", "k8s:"]
    private static let commandModules = ["shell", "command", "raw"]
    private static let commands = ["docker", "podman", "nerdctl", "socat"]

    public func claims(_ file: SourceFile, text: String) -> Bool {
        guard IaCNames.isYAML(file), text.first(where: { !$0.isWhitespace }) != "{" else { return false }
        return Self.modules.contains { TextSearch.contains(text, $0) }
            || (Self.commandModules.contains { TextSearch.contains(text, $0) } && Self.commands.contains { TextSearch.contains(text, $0) })
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let taskLists = documents.compactMap { AnsiblePlaybook.tasks(in: $0, path: file.path) }
        guard !taskLists.isEmpty, case .success(let decoded) = TextDecoding.decode(file.bytes) else { return nil }
        let lines = TextDecoding.unixLineEnds(decoded).split(separator: "\n", omittingEmptySubsequences: false)
        var facts = Facts()
        var found = false
        for task in taskLists.joined() {
            guard let call = AnsiblePlaybook.module(of: task) else { continue }
            found = true
            facts.merge(AnsibleTaskFacts.facts(task: task, call: call, path: file.path, fileLines: lines))
        }
        return found ? facts : nil
    }
}

enum IaCNames {
    static func isYAML(_ file: SourceFile) -> Bool {
        InputRegistry.yamlExtensions.contains(file.pathExtension) || file.path == "-"
    }
}
