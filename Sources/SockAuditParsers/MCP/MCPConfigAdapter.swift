import SockAuditCore

/// An MCP client configuration (`.mcp.json`, `.vscode/mcp.json`, `.cursor/mcp.json`,
/// `claude_desktop_config.json`) -> the containers its servers start. A server whose `command` is
/// `docker`, `podman` or `nerdctl` has its `args` read as that command line: an MCP server given
/// the host socket or `--privileged` hands the AI agent that drives it root on the host. The
/// server's `env` is the client's environment (`DOCKER_HOST`), not the container's.
public enum MCPConfigAdapter {
    /// The server tables clients use: `mcpServers` (Claude, Cursor) and `servers` (VS Code).
    static let serverKeys = ["mcpServers", "servers"]

    public static func isMCPConfiguration(_ document: Node) -> Bool {
        serverKeys.contains { document[$0]?.isMapping == true }
    }

    public static func facts(from document: Node, path: String) -> Facts {
        var facts = Facts()
        for key in serverKeys {
            for pair in document[key]?.pairs ?? [] {
                guard let name = pair.key.string else { continue }
                facts.merge(server(pair.value, name: name, table: key, path: path))
            }
        }
        return facts
    }

    static func server(_ server: Node, name: String, table: String, path: String) -> Facts {
        var facts = Facts()
        guard let commandNode = server["command"], let command = commandNode.string else { return facts }
        let program = ShellWord(command, line: commandNode.line, column: commandNode.column)
        let words = [program] + RunArgumentList.words(server["args"])
        var assignments: [ShellAssignment] = []
        for entry in server["env"]?.pairs ?? [] {
            guard let variable = entry.key.string, let value = entry.value.string else { continue }
            let word = ShellWord("\(variable)=\(value)", line: entry.key.line, column: entry.key.column)
            assignments.append(ShellAssignment(name: variable, value: value, word: word))
        }
        let shellCommand = ShellCommand(words: words, assignments: assignments)
        let tlsVerify = assignments.contains { $0.name == "DOCKER_TLS_VERIFY" && DockerClientCommand.isTrue($0.value) }
        facts.clients = DockerClientCommand.clients(shellCommand, path: path, tlsVerifySet: tlsVerify).map { client in
            var client = client
            client.subject = "MCP server \"\(name)\" (\(table))"
            let location = client.address.location
            let fromEnv = assignments.contains { $0.word.line == location.line && $0.word.column == location.column }
            client.address.spelling = (fromEnv ? "env: " : "args: ") + client.address.spelling
            return client
        }
        guard let invocation = DockerRunCommand.invocation(words) else { return facts }
        let what = "\(invocation.program.basename) \(invocation.subcommand)"
        var spec = ContainerSpec(
            name: name, subject: "MCP server \"\(name)\" (\(what))",
            location: commandNode.location(in: path), dialect: .mcpArgs)
        let rest = RunArgumentList.apply(invocation.arguments, to: &spec, path: path) { "args: \($0)" }
        // no image: not a command that runs a server (`docker run --help`)
        guard let image = rest.first else { return facts }
        spec.image = image.text
        spec.command += rest.dropFirst().map { $0.setting(in: path) }
        spec.subject = "MCP server \"\(name)\" (\(what) of \(image.text))"
        spec.sharedSubject = spec.subject
        facts.containers.append(spec)
        return facts
    }
}

extension ContainerDialect {
    /// A `docker run` flag added to an MCP server's `args`.
    public static let mcpArgs = ContainerDialect(
        dropAllCapabilities: "\"--cap-drop=ALL\" in args",
        noNewPrivileges: "\"--security-opt=no-new-privileges\" in args",
        readOnlyRoot: "\"--read-only\" in args",
        nonRootUser: "\"--user=1000:1000\" (any non-zero UID) in args",
        memoryLimit: "\"--memory=512m\" in args",
        cpuLimit: "\"--cpus=1\" in args",
        pidsLimit: "\"--pids-limit=256\" in args")
}
