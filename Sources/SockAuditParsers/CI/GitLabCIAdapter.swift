import SockAuditCore

/// GitLab CI (`.gitlab-ci.yml`, `*.gitlab-ci.yml` templates, included files of that shape): the
/// `script`, `before_script` and `after_script` of every job (string or list), `services:` entries
/// as containers (image, `command`, `entrypoint`, and the variables GitLab passes them, so a dind
/// service with `DOCKER_TLS_CERTDIR: ""` is a daemon on plain TCP), and `DOCKER_HOST` in `variables`.
public enum GitLabCIAdapter {
    static let keywords: Set<String> = [
        "stages", "variables", "default", "include", "workflow", "image", "services", "before_script",
        "after_script", "cache", "pages", "spec", "types",
    ]

    /// Whether a visible top-level key that is no keyword holds something other than a job (a
    /// mapping): `language: go`, `script: [make]` of a `.travis.yml`. GitLab refuses such a file
    /// ("config should be a hash"), so a file not named as a pipeline is not one.
    public static func hasForeignTopLevel(_ document: Node) -> Bool {
        (document.pairs ?? []).contains { pair in
            guard let key = pair.key.string, !keywords.contains(key), !key.hasPrefix("."), key != "<<" else { return false }
            return !pair.value.isMapping
        }
    }

    /// A mapping whose jobs carry `script`, or that has `stages`/`include` with job-like entries.
    public static func isPipeline(_ document: Node) -> Bool {
        guard let pairs = document.pairs, document["apiVersion"] == nil, document["jobs"] == nil else { return false }
        return pairs.contains { pair in
            guard let key = pair.key.string, !keywords.contains(key) else { return false }
            return pair.value["script"] != nil || pair.value["trigger"] != nil || pair.value["extends"] != nil
        }
    }

    public static func facts(from document: Node, path: String, text: String) -> Facts {
        let ci = CIDocument(path: path, text: text)
        var facts = Facts()
        let globalVariables = ci.environment(document["variables"])
        facts.clients += ci.clients(globalVariables, key: "variables", subject: "pipeline variables")
        let defaults = document["default"]
        let windowsByDefault = runsOnWindows(defaults ?? document) || runsOnWindows(document)
        for key in ["before_script", "after_script"] {
            for node in [document[key], defaults?[key]].compactMap({ $0 }) {
                facts.merge(script(node, ci: ci, variables: globalVariables, powerShell: windowsByDefault))
            }
        }
        let globalServices = (document["services"]?.sequence ?? []) + (defaults?["services"]?.sequence ?? [])
        for service in globalServices {
            if let spec = serviceSpec(service, ci: ci, variables: globalVariables, owner: "the pipeline") {
                facts.containers.append(spec)
            }
        }
        for job in document.pairs ?? [] {
            guard let name = job.key.string, !keywords.contains(name), job.value.isMapping else { continue }
            let jobVariables = ci.environment(job.value["variables"])
            let variables = globalVariables + jobVariables
            facts.clients += ci.clients(jobVariables, key: "variables", subject: "job \"\(name)\"")
            let windows = job.value["tags"] != nil || job.value["image"] != nil ? runsOnWindows(job.value) : windowsByDefault
            for key in ["before_script", "script", "after_script"] {
                facts.merge(script(job.value[key], ci: ci, variables: variables, powerShell: windows))
            }
            var services = job.value["services"]?.sequence ?? []
            // global services run with this job's variables when it sets its own
            if !jobVariables.isEmpty && job.value["services"] == nil { services = globalServices }
            for service in services {
                if let spec = serviceSpec(service, ci: ci, variables: variables, owner: "job \"\(name)\"") {
                    facts.containers.append(spec)
                }
            }
        }
        return facts
    }

    /// A job for a Windows runner: tagged for one (`windows`, `saas-windows-medium-amd64`, and no
    /// `linux` tag), or in a Windows image (`mcr.microsoft.com/windows/…`, `servercore`,
    /// `nanoserver`). GitLab Runner on Windows runs scripts in PowerShell (`pwsh` or `powershell`;
    /// its `cmd` shell was removed).
    static func runsOnWindows(_ job: Node) -> Bool {
        let tags = (job["tags"]?.sequence ?? []).compactMap { $0.string?.lowercased() }
        if tags.contains(where: { $0.contains("windows") }) && !tags.contains(where: { $0.contains("linux") }) { return true }
        let imageNode = job["image"]
        let image = (imageNode?.string ?? imageNode?["name"]?.string ?? "").lowercased()
        return image.contains("mcr.microsoft.com/windows") || image.contains("servercore") || image.contains("nanoserver")
    }

    private static func script(
        _ node: Node?, ci: CIDocument, variables: [(name: String, value: String, node: Node)], powerShell: Bool
    ) -> Facts {
        guard let source = ci.source(node) else { return Facts() }
        if powerShell { return ShellFacts.facts(from: PowerShellScript.parse(source), path: ci.path) }
        var known: [String: String] = [:]
        for entry in variables { known[entry.name] = entry.value }
        return ShellFacts.facts(from: source, path: ci.path, variables: known)
    }

    /// `- docker:24-dind` or `- {name: docker:24-dind, alias: docker, command: [...], variables: {...}}`.
    private static func serviceSpec(_ node: Node, ci: CIDocument, variables: [(name: String, value: String, node: Node)], owner: String) -> ContainerSpec? {
        let imageNode = node.scalar != nil ? node : node["name"]
        guard let imageNode, let image = imageNode.string, !image.isEmpty else { return nil }
        var spec = ContainerSpec(
            name: node["alias"]?.string ?? image, subject: "service \"\(image)\" of \(owner)",
            location: imageNode.location(in: ci.path), dialect: .commandLine, image: image)
        // Capabilities, user, limits and privileged mode of a GitLab service come from the runner's
        // configuration, not from this file: advice to set them here could not be followed, so only
        // what the file states (its variables, its command) is judged.
        spec.isComplete = false
        // the job's DOCKER_HOST points the job's client at this service, not the service at a daemon
        let environment = (variables + ci.environment(node["variables"])).filter { $0.name != "DOCKER_HOST" }
        spec.environment = ci.environmentSettings(environment, key: "variables")
        for key in ["entrypoint", "command"] {
            for item in node[key]?.sequence ?? [] {
                guard let text = item.string else { continue }
                spec.command.append(Setting(text, at: item.location(in: ci.path), spelling: "\(key): \(text)"))
            }
        }
        return spec
    }
}
