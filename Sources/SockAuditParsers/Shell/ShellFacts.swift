import SockAuditCore

/// A script's commands -> facts: containers from `docker run` (and the job containers of a
/// `gitlab-runner register`), daemons from `dockerd`, clients
/// from `-H`/`DOCKER_HOST`, socket forwards from `socat`/`ssh`, the manifests a here-document feeds
/// `kubectl apply -f -` or `kind create cluster --config -`, and SA901 for what could not be split.
public enum ShellFacts {
    public static func facts(from script: ShellScript, path: String, daemonSubject: String? = nil) -> Facts {
        var facts = Facts()
        let tlsVerifySet = script.commands.contains { command in
            command.assignments.contains { $0.name == "DOCKER_TLS_VERIFY" && DockerClientCommand.isTrue($0.value) }
        } || DockerClientCommand.isTrue(script.variables["DOCKER_TLS_VERIFY"] ?? "")
        // `export NAME=value` earlier in the script: the environment of the commands after it
        var exported: [String: ShellAssignment] = [:]
        for command in script.commands {
            if let container = DockerRunCommand.container(command, path: path) { facts.containers.append(container) }
            facts.containers += GitLabRunnerRegisterCommand.containers(
                command, path: path, exported: exported.values.sorted { ($0.word.line, $0.word.column) < ($1.word.line, $1.word.column) })
            if command.words.isEmpty {
                for assignment in command.assignments where assignment.exported { exported[assignment.name] = assignment }
            } else if command.program == "unset" {
                for word in command.words.dropFirst() { exported[word.text] = nil }
            }
            if let daemon = DockerdCommand.daemon(command, path: path, subject: daemonSubject) { facts.daemons.append(daemon) }
            facts.clients += DockerClientCommand.clients(command, path: path, tlsVerifySet: tlsVerifySet)
            facts.socketForwards += SocatCommand.forwards(command, path: path)
            facts.socketForwards += SSHForwardCommand.forwards(command, path: path)
            facts.containers += DroneRunnerEnvironment.containers(assignedIn: command, path: path)
            facts.merge(ClusterToolStdin.facts(command, writtenFiles: script.writtenFiles, path: path))
        }
        for error in script.errors {
            facts.unscannable.append(UnscannableFile(error.in(path), extent: .part))
        }
        return facts
    }

    /// Parses and reads in one step.
    public static func facts(from source: ShellSource, path: String, variables: [String: String] = [:], daemonSubject: String? = nil) -> Facts {
        facts(from: ShellScript.parse(source, variables: variables), path: path, daemonSubject: daemonSubject)
    }
}
