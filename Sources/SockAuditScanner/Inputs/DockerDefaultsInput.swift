import SockAuditCore
import SockAuditParsers

/// `/etc/default/docker` and `/etc/sysconfig/docker`: shell assignments whose `DOCKER_OPTS` /
/// `OPTIONS` are the daemon's flags (read by the distribution's init script or unit).
struct DockerDefaultsInput: TextInput {
    let kind = "daemon"

    func mayClaim(_ file: SourceFile) -> Bool {
        file.name == "docker" && (file.folderName == "default" || file.folderName == "sysconfig")
    }

    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let script = ShellScript.parse(text)
        var facts = ShellFacts.facts(from: script, path: file.path)
        for command in script.commands where command.words.isEmpty || command.words.first?.text == "export" {
            for assignment in command.assignments {
                if let daemon = DockerdCommand.optionsDaemon(assignment, path: file.path) { facts.daemons.append(daemon) }
            }
        }
        return facts
    }
}
