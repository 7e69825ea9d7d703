import SockAuditCore

/// A dev container (`devcontainer.json`, JSON with comments) -> the container it starts. Read:
/// `privileged`, `capAdd`, `securityOpt`, `mounts` (the `--mount` string form and the object
/// form), `workspaceMount`, `runArgs` (a `docker run` argument list, applied only to an image or
/// Dockerfile container, as the dev container CLI does), `containerEnv`, `containerUser`, and the
/// well-known `features` that add mounts or privileges by themselves. With `dockerComposeFile`, the
/// settings apply to the Compose service `service` names (the Compose file is scanned on its own).
///
/// A dev container is judged on what it states: the image, its features and the tool that starts
/// it decide the rest, so the "missing setting" rules stay quiet on it.
public enum DevContainerAdapter {
    /// Whether a parsed document looks like a dev container (an object with one of its keys).
    public static func isDevContainer(_ document: Node) -> Bool {
        guard let pairs = document.pairs else { return false }
        return pairs.contains { pair in pair.key.string.map(markerKeys.contains) ?? false }
    }

    static let markerKeys: Set<String> = [
        "image", "build", "dockerFile", "dockerfile", "dockerComposeFile", "service", "features", "runArgs", "mounts",
        "customizations", "remoteUser", "containerUser", "postCreateCommand", "forwardPorts", "privileged", "capAdd",
        "securityOpt", "workspaceFolder", "name",
    ]

    /// `composeFileReadable` says whether a Compose file named by `dockerComposeFile` (relative to
    /// the dev container's folder) can be read; one that cannot is reported, as its service is not judged.
    public static func facts(from document: Node, path: String, composeFileReadable: (String) -> Bool = { _ in true }) -> Facts {
        guard isDevContainer(document) else { return Facts() }
        var facts = Facts()
        let location = document.location(in: path)
        let composeFiles = stringList(document["dockerComposeFile"])
        let service = document["service"]?.string
        let image = document["image"]?.string
        let subject: String
        if !composeFiles.isEmpty {
            subject = "dev container service \"\(service ?? "?")\" of \(composeFiles.joined(separator: ", "))"
            for file in composeFiles where !composeFileReadable(file) {
                let at = (document["dockerComposeFile"]?.sequence?.first { $0.string == file } ?? document["dockerComposeFile"] ?? document)
                facts.unscannable.append(UnscannableFile(
                    location: at.location(in: path),
                    reason: "the Compose file \(file) that dockerComposeFile names could not be read (missing, unreadable, or outside the scanned folders), so the dev container's service is judged only on this file's settings",
                    extent: .part))
            }
        } else {
            let name = document["name"]?.string
            subject = "dev container" + (name.map { " \"\($0)\"" } ?? "") + (image.map { " (\($0))" } ?? "")
        }
        var spec = ContainerSpec(
            name: service ?? document["name"]?.string ?? image ?? "devcontainer",
            subject: subject, location: location, dialect: .devContainer, image: image)
        spec.isComplete = false

        // Features first: what the file states itself is what a finding should quote.
        for pair in document["features"]?.pairs ?? [] {
            guard let reference = pair.key.string, let feature = DevContainerFeatures.feature(named: reference) else { continue }
            applyFeature(feature, reference: reference, at: pair.key.location(in: path), to: &spec)
        }
        let featurePrivileged = spec.privileged?.value == true ? spec.privileged : nil
        if let node = document["privileged"], let value = node.bool {
            spec.privileged = Setting(value, at: keyLocation(document, "privileged", path), spelling: "\"privileged\": \(value)")
        }
        for entry in document["capAdd"]?.sequence ?? [] {
            guard let value = entry.string else { continue }
            RunArgumentList.apply(flag: "cap-add", value: value, at: entry, to: &spec, path: path, spelling: "capAdd: \(value)")
        }
        for entry in document["securityOpt"]?.sequence ?? [] {
            guard let value = entry.string else { continue }
            RunArgumentList.apply(flag: "security-opt", value: value, at: entry, to: &spec, path: path, spelling: "securityOpt: \(value)")
        }
        for entry in document["mounts"]?.sequence ?? [] {
            applyMount(entry, key: "mounts", to: &spec, path: path)
        }
        if let workspaceMount = document["workspaceMount"] {
            applyMount(workspaceMount, key: "workspaceMount", to: &spec, path: path)
        }
        if composeFiles.isEmpty {
            RunArgumentList.apply(RunArgumentList.words(document["runArgs"]), to: &spec, path: path) { "runArgs: \($0)" }
        }
        for pair in document["containerEnv"]?.pairs ?? [] {
            guard let name = pair.key.string, let value = pair.value.string else { continue }
            spec.environment.append(Setting(
                "\(name)=\(value)", at: pair.key.location(in: path), spelling: "containerEnv: \"\(name)\": \"\(value)\""))
        }
        if let user = document["containerUser"], let value = user.string {
            spec.user = Setting(value, at: keyLocation(document, "containerUser", path), spelling: "\"containerUser\": \"\(value)\"")
        }
        // A feature's `privileged` is merged as "true if any source says so": `"privileged": false`
        // or `--privileged=false` in the file does not take back what a feature turned on.
        if spec.privileged?.value != true, let featurePrivileged {
            spec.privileged = featurePrivileged
        }
        facts.containers.append(spec)
        return facts
    }

    /// `"source=/var/run/docker.sock,target=/var/run/docker.sock,type=bind"` or
    /// `{"source": …, "target": …, "type": "bind"}`: the `--mount` grammar either way.
    static func applyMount(_ entry: Node, key: String, to spec: inout ContainerSpec, path: String) {
        if let text = entry.string {
            RunArgumentList.apply(flag: "mount", value: text, at: entry, to: &spec, path: path, spelling: "\(key): \"\(text)\"")
            return
        }
        guard let pairs = entry.pairs else { return }
        var fields: [String] = []
        for pair in pairs {
            guard let name = pair.key.string, let value = pair.value.string else { continue }
            fields.append("\(name)=\(value)")
        }
        // An object mount without `type` is a volume to the dev container CLI, as `--mount` is.
        let written = "{" + pairs.compactMap { pair in
            pair.key.string.flatMap { name in pair.value.string.map { "\"\(name)\": \"\($0)\"" } }
        }.joined(separator: ", ") + "}"
        let at = entry["source"] ?? entry
        RunArgumentList.apply(
            flag: "mount", value: fields.joined(separator: ","), at: at, to: &spec, path: path, spelling: "\(key): \(written)")
    }

    static func applyFeature(_ feature: DevContainerFeature, reference: String, at location: SourceLocation, to spec: inout ContainerSpec) {
        let spelling = "feature \"\(reference)\", \(feature.does)"
        if let mount = feature.mount {
            spec.mounts.append(HostMount(source: mount.source, target: mount.target, readOnly: false, location: location, spelling: spelling))
        }
        if feature.privileged {
            spec.privileged = Setting(true, at: location, spelling: spelling)
        }
        for option in feature.securityOptions {
            let node = Node(.scalar(Node.Scalar(option, isPlain: false)), line: location.line, column: location.column)
            RunArgumentList.apply(
                flag: "security-opt", value: option, at: node, to: &spec, path: location.path,
                spelling: "feature \"\(reference)\", which sets securityOpt \(option)")
        }
    }

    static func keyLocation(_ document: Node, _ key: String, _ path: String) -> SourceLocation {
        (document.keyNode(key) ?? document).location(in: path)
    }

    /// A string or a list of strings (`dockerComposeFile` takes either).
    public static func stringList(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let text = node.string, !node.isNull { return [text] }
        return (node.sequence ?? []).compactMap(\.string)
    }
}

extension ContainerDialect {
    /// `devcontainer.json` keys.
    public static let devContainer = ContainerDialect(
        dropAllCapabilities: "\"runArgs\": [\"--cap-drop=ALL\"]",
        noNewPrivileges: "\"securityOpt\": [\"no-new-privileges\"]",
        readOnlyRoot: "\"runArgs\": [\"--read-only\"]",
        nonRootUser: "\"containerUser\": a non-root user",
        memoryLimit: "\"runArgs\": [\"--memory=4g\"]",
        cpuLimit: "\"runArgs\": [\"--cpus=2\"]",
        pidsLimit: "\"runArgs\": [\"--pids-limit=1024\"]")
}
