import SockAuditCore

/// GitHub Actions workflows (and composite actions): every `run:` script, with its lines mapped
/// back into the workflow; `jobs.*.container` and `jobs.*.services.*` as containers built from
/// their `image`, `options` (docker create flags), `volumes`, `ports` and `env`; `DOCKER_HOST` in
/// any `env:`.
public enum GitHubActionsAdapter {
    public static func isWorkflow(_ document: Node) -> Bool {
        document["jobs"]?.isMapping == true || document["runs"]?["steps"] != nil
    }

    public static func facts(from document: Node, path: String, text: String) -> Facts {
        let ci = CIDocument(path: path, text: text)
        var facts = Facts()
        let workflowEnv = ci.environment(document["env"])
        facts.clients += ci.clients(workflowEnv, key: "env", subject: "workflow env")
        let workflowShell = document["defaults"]?["run"]?["shell"]?.string
        for step in document["runs"]?["steps"]?.sequence ?? [] {
            facts.merge(stepFacts(step, ci: ci, environment: workflowEnv, defaultShell: workflowShell))
        }
        for job in document["jobs"]?.pairs ?? [] {
            guard let jobName = job.key.string, job.value.isMapping else { continue }
            let jobEnv = workflowEnv + ci.environment(job.value["env"])
            facts.clients += ci.clients(ci.environment(job.value["env"]), key: "env", subject: "job \"\(jobName)\" env")
            let shell = job.value["defaults"]?["run"]?["shell"]?.string ?? workflowShell
            let runsInContainer = job.value["container"] != nil
            // a Windows runner's default shell is PowerShell; a container job's is sh
            let runnerShell = runsInContainer ? "sh" : (runsOnWindows(job.value) ? "pwsh" : nil)
            for step in job.value["steps"]?.sequence ?? [] {
                facts.merge(stepFacts(step, ci: ci, environment: jobEnv, defaultShell: shell ?? runnerShell))
            }
            if let container = job.value["container"], let key = job.value.keyNode("container"),
               let spec = containerSpec(container, at: key, subject: "container of job \"\(jobName)\"", name: jobName, ci: ci) {
                facts.containers.append(spec)
            }
            for service in job.value["services"]?.pairs ?? [] {
                guard let serviceName = service.key.string,
                      let spec = containerSpec(service.value, at: service.key, subject: "service \"\(serviceName)\" of job \"\(jobName)\"", name: serviceName, ci: ci)
                else { continue }
                facts.containers.append(spec)
            }
        }
        return facts
    }

    private static let shells: Set<String> = ["sh", "bash", "zsh", "ksh", "dash"]
    private static let powerShells: Set<String> = ["pwsh", "powershell"]

    /// `runs-on: windows-latest`, `[self-hosted, windows]`, `{labels: [windows-2022]}`, or a matrix
    /// value whose every entry is a Windows runner.
    static func runsOnWindows(_ job: Node) -> Bool {
        guard let runsOn = job["runs-on"] else { return false }
        var labels = runsOn.string.map { [$0] } ?? (runsOn.sequence ?? runsOn["labels"]?.sequence ?? []).compactMap(\.string)
        if let single = runsOn["labels"]?.string { labels.append(single) }
        // `${{ matrix.os }}`: the values the matrix gives it
        labels = labels.flatMap { label -> [String] in
            guard label.hasPrefix("${{"), let key = label.split(separator: ".").last?.split(separator: " ").first else { return [label] }
            let values = job["strategy"]?["matrix"]?[String(key)]?.sequence?.compactMap(\.string) ?? []
            return values.isEmpty ? [label] : values
        }
        return !labels.isEmpty && labels.contains { $0.lowercased().contains("windows") }
            && labels.allSatisfy { $0.lowercased().contains("windows") || $0 == "self-hosted" || $0.lowercased() == "x64" }
    }

    private static func stepFacts(_ step: Node, ci: CIDocument, environment: [(name: String, value: String, node: Node)], defaultShell: String?) -> Facts {
        guard let run = step["run"], let source = ci.source(run) else { return Facts() }
        let shell = step["shell"]?.string ?? defaultShell ?? "bash"
        let command = shell.split(separator: " ").first.map(String.init) ?? shell
        let program = command.split(separator: "/").last.map(String.init) ?? command
        let stepEnv = ci.environment(step["env"])
        var variables: [String: String] = [:]
        for entry in environment + stepEnv { variables[entry.name] = entry.value }
        var facts: Facts
        if shells.contains(program) {
            facts = ShellFacts.facts(from: source, path: ci.path, variables: variables)
        } else if powerShells.contains(program) {
            facts = ShellFacts.facts(from: PowerShellScript.parse(source), path: ci.path)
        } else if program.lowercased() == "cmd" {
            facts = ShellFacts.facts(from: CmdScript.parse(source), path: ci.path)
        } else {
            // python and custom shells are not read
            return Facts()
        }
        facts.clients += ci.clients(stepEnv, key: "env", subject: "step env")
        return facts
    }

    /// `container: image` or `{image, options, volumes, ports, env}`.
    private static func containerSpec(_ node: Node, at key: Node, subject: String, name: String, ci: CIDocument) -> ContainerSpec? {
        let image = node.string ?? node["image"]?.string
        guard let image, !image.isEmpty else { return nil }
        var spec = ContainerSpec(
            name: name, subject: "\(subject) (\(image))", location: key.location(in: ci.path),
            dialect: .commandLine, image: image)
        spec.environment = ci.environmentSettings(ci.environment(node["env"]), key: "env")
        if let options = node["options"], let source = YAMLScalarSource.source(options, fileLines: ci.lines) {
            DockerRunCommand.apply(ShellScript.words(source), to: &spec, path: ci.path)
        }
        for volume in node["volumes"]?.sequence ?? [] {
            guard let text = volume.string,
                  let mount = DockerRunCommand.volumeMount(text, location: volume.location(in: ci.path), written: "volumes: \(text)")
            else { continue }
            spec.mounts.append(mount)
        }
        for port in node["ports"]?.sequence ?? [] {
            guard let text = port.string, let published = PortSpec.parse(text), published.hostPort != nil else { continue }
            spec.publishedPorts.append(Setting(published, at: port.location(in: ci.path), spelling: "ports: \(text)"))
        }
        return spec
    }
}
