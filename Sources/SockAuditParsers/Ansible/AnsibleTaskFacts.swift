import SockAuditCore

/// One task -> facts, once per literal loop item (the loop variable resolved in its arguments) or
/// once. A task that removes its object (`state: absent`) declares nothing.
enum AnsibleTaskFacts {
    static func facts(task: Node, call: (module: AnsiblePlaybook.Module, name: String, key: Node, arguments: Node), path: String, fileLines: [Substring]) -> Facts {
        if call.module == .shell {
            // a loop runs the same line again: its findings are the line's, once
            return shellFacts(call.arguments, taskArgs: task["args"], path: path, fileLines: fileLines)
        }
        let arguments = AnsibleArguments.mapping(of: call.arguments, taskArgs: task["args"], fileLines: fileLines)
        let taskName = task["name"]?.string.map { "task \"\($0)\"" } ?? "task at line \(task.line)"
        let location = call.key.location(in: path)
        var runs: [(arguments: Node, label: String)] = [(arguments, "")]
        if let loop = AnsiblePlaybook.loop(of: task) {
            runs = loop.items.enumerated().compactMap { index, item in
                AnsibleTemplate.substitute(arguments, variable: loop.variable, item: item).map { ($0, " (loop item \(index + 1))") }
            }
        }
        var facts = Facts()
        for run in runs {
            if let state = run.arguments["state"]?.string, state == "absent" { continue }
            switch call.module {
            case .dockerContainer, .podmanContainer:
                let module: AnsibleContainerAdapter.Module = call.module == .dockerContainer ? .docker : .podman
                let moduleName = call.name.split(separator: ".").last.map(String.init) ?? call.name
                let containerName = run.arguments["name"]?.string.flatMap { AnsibleTemplate.isTemplated($0) ? nil : $0 }
                let subject = "\(moduleName) \"\(containerName ?? "(templated name)")\" in \(taskName)\(run.label)"
                let spec = AnsibleContainerAdapter.container(
                    run.arguments, module: module, name: containerName ?? moduleName, subject: subject, location: location)
                facts.containers.append(spec)
                if module == .docker, let client = dockerHostClient(run.arguments, path: path, subject: subject) {
                    facts.clients.append(client)
                }
            case .kubernetes:
                facts.merge(kubernetesFacts(run.arguments, path: path, fileLines: fileLines))
            case .shell:
                break
            }
        }
        return facts
    }

    /// `definition:` as objects (a mapping, a list of them) or as YAML in a string; `src:` files and
    /// templates are scanned in their own right or not at all.
    static func kubernetesFacts(_ arguments: Node, path: String, fileLines: [Substring]) -> Facts {
        guard let definition = arguments["definition"] ?? arguments["resource_definition"] else { return Facts() }
        if let text = definition.string {
            guard !(AnsibleTemplate.expressions(in: text).count == 1 && text.trimming(" \n").hasPrefix("{{")),
                  let source = YAMLScalarSource.source(definition, fileLines: fileLines) else { return Facts() }
            var facts = EmbeddedPodYAML.facts(source, path: path)
            // YAML with Jinja in it may not parse before Ansible renders it: not the file's fault
            if AnsibleTemplate.isTemplated(text) { facts.unscannable.removeAll() }
            return facts
        }
        let objects = definition.sequence ?? [definition]
        return Facts(containers: KubernetesAdapter.containers(in: objects, path: path))
    }

    /// A free-form command (`shell: docker run …`) or `cmd:`, read as a shell script with every
    /// `{{ }}` kept as one unresolved word.
    static func shellFacts(_ arguments: Node, taskArgs: Node?, path: String, fileLines: [Substring]) -> Facts {
        let scriptNode = arguments.string != nil ? arguments : arguments["cmd"] ?? taskArgs?["cmd"]
        guard let scriptNode, let text = scriptNode.string,
              ["docker", "podman", "nerdctl", "dockerd", "socat"].contains(where: { text.contains($0) }),
              let source = YAMLScalarSource.source(scriptNode, fileLines: fileLines) else { return Facts() }
        return ShellFacts.facts(from: maskingTemplates(source), path: path)
    }

    /// Spaces, quotes and shell operators inside `{{ }}` and `{% %}` become `_`, positions kept.
    static func maskingTemplates(_ source: ShellSource) -> ShellSource {
        var result = ShellSource()
        var depth = 0
        let scalars = source.scalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let previous = index > 0 ? scalars[index - 1] : nil
            var written = scalar
            if scalar == "{" && (next == "{" || next == "%") && depth == 0 {
                depth = 1
            } else if depth > 0 && scalar == "}" && (previous == "}" || previous == "%") {
                depth = 0
            } else if depth > 0 && scalar != "{" && scalar != "}" && scalar != "%" && !scalar.properties.isAlphabetic
                        && !("0"..."9").contains(scalar) && scalar != "." && scalar != "_" {
                written = "_"
            }
            let (line, column) = source.position(index)
            result.append(written, line: line, column: column)
        }
        return result
    }

    /// `docker_host: tcp://…` without `tls`, `validate_certs`/`tls_verify` or client certificates.
    static func dockerHostClient(_ arguments: Node, path: String, subject: String) -> ClientEndpoint? {
        let values = AnsibleValues(arguments: arguments, path: path)
        guard let host = values.text("docker_host") ?? values.text("docker_url"),
              !AnsibleTemplate.isTemplated(host.value), host.value.lowercased().hasPrefix("tcp://") else { return nil }
        let tls = ["tls", "validate_certs", "tls_verify"].contains { values.bool($0)?.value ?? values.isTemplated($0) }
            || ["client_cert", "cert_path", "tls_client_cert", "ca_path", "ca_cert", "cacert_path", "tls_ca_cert"].contains { values.node($0) != nil }
        return ClientEndpoint(address: host, usesTLS: tls, subject: subject)
    }
}
