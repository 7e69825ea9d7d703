import SockAuditCore

/// `aws_ecs_task_definition`: `container_definitions` written with `jsonencode(…)`, as a heredoc or
/// a string of JSON, or read from a file with `file("…")`, `templatefile("…", {…})` or a
/// `data "template_file"`'s `rendered` (followed when the file is inside the scanned folders),
/// joined to the task's `volume { name, host_path }`.
public enum TerraformECSAdapter {
    /// Reads a file named relative to the Terraform file: its path as reported, and its text.
    public typealias Loader = (String) -> (path: String, text: String)?

    public static func facts(in module: TerraformModule, loader: Loader) -> Facts {
        var facts = Facts()
        for resource in TerraformBlocks.labeled("resource", labels: 2, in: module.root) where resource.labels[0] == "aws_ecs_task_definition" {
            for instance in TerraformResources.instances(of: resource, in: module) {
                facts.merge(taskFacts(instance, module: module, loader: loader))
            }
        }
        return facts
    }

    static func taskFacts(_ instance: TerraformResources.Instance, module: TerraformModule, loader: Loader) -> Facts {
        let attributes = TerraformAttributes(body: instance.body, scope: instance.scope)
        var task = ECSTaskDefinition(path: module.path, owner: instance.address, location: instance.body.location(in: module.path))
        for volume in attributes.blocks("volume") {
            guard let name = volume.text("name")?.value, let source = volume.text("host_path") else { continue }
            task.hostVolumes[name] = ECSTaskDefinition.HostVolume(sourcePath: source.value, location: source.location, spelling: source.spelling)
        }
        func mode(_ name: String) -> Setting<Bool>? {
            guard let setting = attributes.text(name), !setting.value.hasPrefix("${") else { return nil }
            return Setting(setting.value == "host", at: setting.location, spelling: setting.spelling)
        }
        task.networkModeHost = mode("network_mode")
        task.pidModeHost = mode("pid_mode")
        task.ipcModeHost = mode("ipc_mode")
        task.taskMemory = TerraformDockerAdapter.positive(attributes.text("memory"))
        task.taskCPU = TerraformDockerAdapter.positive(attributes.text("cpu"))

        guard let raw = instance.body["container_definitions"], let key = attributes.key("container_definitions") else { return Facts() }
        let value = instance.scope.resolve(raw)
        if value.node.sequence != nil {
            let definitions = TerraformKubernetesAdapter.resolved(value.node, at: key, scope: instance.scope)
            return Facts(containers: task.containers(definitions))
        }
        guard let text = value.node.scalar?.text else { return Facts() }
        if let template = TerraformTemplateFile.source(of: text, in: module, scope: instance.scope) {
            guard let (filePath, fileText) = loader(template.file) else {
                return Facts(unscannable: [UnscannableFile(
                    location: key.location(in: module.path),
                    reason: "the container definitions file \(template.file) could not be read (missing, unreadable, or outside the scanned folders), so this task's containers are not judged",
                    extent: .part)])
            }
            do {
                let definitions = try JSONParser.parse(JSONPlaceholders.replacingBareInterpolations(Array(fileText.utf8)))
                return Facts(containers: task.containers(template.rendering(definitions), path: filePath))
            } catch {
                return Facts(unscannable: [UnscannableFile(
                    location: SourceLocation(path: filePath, line: error.line, column: error.column),
                    reason: TextSearch.contains(fileText, "%{")
                        ? "the container definitions template of \(instance.address) has %{…} directives, which the scan does not render, and is not JSON without them (\(error.message)), so this task's containers are not judged"
                        : "the container definitions of \(instance.address) are not JSON: \(error.message)",
                    extent: .part)])
            }
        }
        // A string of JSON: its positions cannot be mapped through the escapes, so every value is
        // placed at the attribute.
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }), first == "[" else { return Facts() }
        guard let parsed = try? JSONParser.parse(JSONPlaceholders.replacingBareInterpolations(Array(text.utf8))) else {
            return Facts(unscannable: [UnscannableFile(
                location: key.location(in: module.path),
                reason: "container_definitions of \(instance.address) is not JSON, so its containers are not judged", extent: .part)])
        }
        return Facts(containers: task.containers(placed(parsed, at: key)))
    }

    static func placed(_ node: Node, at key: Node) -> Node {
        var result = node
        (result.line, result.column) = (key.line, key.column)
        switch node.content {
        case .scalar: break
        case .sequence(let items): result.content = .sequence(items.map { placed($0, at: key) })
        case .mapping(let pairs): result.content = .mapping(pairs.map { Node.Pair(key: placed($0.key, at: key), value: placed($0.value, at: key)) })
        }
        return result
    }
}
