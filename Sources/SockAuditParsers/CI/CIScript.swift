import SockAuditCore

/// What GitHub Actions and GitLab CI share: scripts held in YAML scalars, environment mappings,
/// and containers described by image, options, volumes and environment.
struct CIDocument {
    let path: String
    let lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.lines = TextSplitting.lines(text)
    }

    /// What a step with `commands` runs (Drone, Woodpecker): its commands as a shell script in
    /// place of the image's entrypoint, so a `docker:dind` step runs no daemon.
    static func commandsShell(at location: SourceLocation) -> Setting<String> {
        Setting("/bin/sh", at: location, spelling: "commands")
    }

    /// A script: one scalar, or a list of them run in one shell (a GitLab `script:` list).
    func source(_ node: Node?) -> ShellSource? {
        guard let node else { return nil }
        if node.scalar != nil { return YAMLScalarSource.source(node, fileLines: lines) }
        guard let items = node.sequence else { return nil }
        var source = ShellSource()
        for item in items.flatMap({ $0.sequence ?? [$0] }) {
            guard let itemSource = YAMLScalarSource.source(item, fileLines: lines) else { continue }
            source.append(itemSource)
            let (line, column) = itemSource.position(itemSource.count)
            source.append("\n", line: line, column: column)
        }
        return source
    }

    /// `NAME: value` (or GitLab's `NAME: {value: …}`) entries with their value nodes.
    func environment(_ node: Node?) -> [(name: String, value: String, node: Node)] {
        guard let pairs = node?.pairs else { return [] }
        return pairs.compactMap { pair in
            guard let name = pair.key.string else { return nil }
            let valueNode = pair.value["value"] ?? pair.value
            guard let value = valueNode.string else { return nil }
            return (name, value, valueNode)
        }
    }

    func environmentSettings(_ entries: [(name: String, value: String, node: Node)], key: String) -> [Setting<String>] {
        entries.map { entry in
            let shown = entry.value.isEmpty ? "\"\"" : entry.value
            return Setting("\(entry.name)=\(entry.value)", at: entry.node.location(in: path), spelling: "\(key): \(entry.name): \(shown)")
        }
    }

    /// A client pointed at `DOCKER_HOST` in an environment mapping. `DOCKER_TLS_VERIFY`, or a
    /// `DOCKER_TLS_CERTDIR` with a port other than 2375, means TLS.
    func clients(_ entries: [(name: String, value: String, node: Node)], key: String, subject: String) -> [ClientEndpoint] {
        guard let host = entries.last(where: { $0.name == "DOCKER_HOST" }), !host.value.isEmpty else { return [] }
        let verify = entries.last(where: { $0.name == "DOCKER_TLS_VERIFY" })?.value ?? ""
        let certDir = entries.last(where: { $0.name == "DOCKER_TLS_CERTDIR" })?.value ?? ""
        let usesTLS = (!verify.isEmpty && verify != "0" && verify.lowercased() != "false")
            || (!certDir.isEmpty && !host.value.hasSuffix(":2375"))
        return [ClientEndpoint(
            address: Setting(host.value, at: host.node.location(in: path), spelling: "\(key): DOCKER_HOST: \(host.value)"),
            usesTLS: usesTLS, subject: subject)]
    }
}
