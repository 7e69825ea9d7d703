import SockAuditCore

/// `docker inspect` / Engine API container JSON -> input-neutral container facts, in every shape
/// users save: the array `docker inspect` prints, one `GET /containers/{id}/json` object, the
/// `GET /containers/json` (`docker container ls`) summaries, and the bare `{{json .Mounts}}` array.
/// dockerd's and Podman's compat spellings alike. Each setting points at the JSON key that sets it.
public enum InspectAdapter {
    /// Whether a parsed JSON document is one of the inspect shapes.
    public static func isInspectOutput(_ document: Node) -> Bool {
        if document.isMapping { return isContainerObject(document) }
        guard let items = document.sequence, !items.isEmpty, items.allSatisfy(\.isMapping) else { return false }
        return items.allSatisfy(isContainerObject) || items.allSatisfy(isMountObject)
    }

    public static func containers(in document: Node, path: String) -> [ContainerSpec] {
        if document.isMapping {
            return isContainerObject(document) ? [InspectedContainer(object: document, path: path).spec()] : []
        }
        let items = document.sequence ?? []
        if !items.isEmpty, items.allSatisfy(isMountObject) {
            return [mountsOnly(document, path: path)]
        }
        return items.filter(isContainerObject).map { InspectedContainer(object: $0, path: path).spec() }
    }

    /// A container: an `Id` (or a `Name`/`Names`) with container fields beside it.
    static func isContainerObject(_ node: Node) -> Bool {
        guard node.isMapping else { return false }
        let named = node["Id"] != nil || node["Name"] != nil || node["Names"] != nil
        let hasContainerFields = node["HostConfig"] != nil || node["Config"] != nil || node["Mounts"] != nil
        return named && hasContainerFields
    }

    /// An entry of `.Mounts`: `Destination` with `Source` or `Type`, and no container identity.
    static func isMountObject(_ node: Node) -> Bool {
        node.isMapping && node["Destination"] != nil && (node["Source"] != nil || node["Type"] != nil) && node["Id"] == nil
    }

    /// `docker inspect --format '{{json .Mounts}}'`: mounts and nothing else about the container.
    static func mountsOnly(_ document: Node, path: String) -> ContainerSpec {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var spec = ContainerSpec(
            name: name, subject: "container whose mounts are in \(name)",
            location: document.location(in: path), dialect: .inspect)
        spec.isComplete = false
        spec.mounts = (document.sequence ?? []).compactMap { InspectedContainer.runtimeMount($0, path: path) }
        return spec
    }
}

/// One container object being read into a `ContainerSpec`.
struct InspectedContainer {
    let object: Node
    let path: String

    var hostConfig: Node? { object["HostConfig"] }
    var config: Node? { object["Config"] }

    var name: String {
        if let name = object["Name"]?.string { return trimmedName(name) }
        if let first = object["Names"]?.sequence?.first?.string { return trimmedName(first) }
        return shortID ?? "(unnamed)"
    }

    var shortID: String? {
        guard let id = object["Id"]?.string, !id.isEmpty else { return nil }
        let bare = id.hasPrefix("sha256:") ? String(id.dropFirst(7)) : id
        return String(bare.prefix(12))
    }

    private func trimmedName(_ name: String) -> String {
        name.hasPrefix("/") ? String(name.dropFirst()) : name
    }

    /// Full inspect output carries `Config` and a `HostConfig` with its security fields; a list
    /// summary carries only `HostConfig.NetworkMode`.
    var isComplete: Bool {
        config?.isMapping == true && hostConfig?["Privileged"] != nil
    }

    func spec() -> ContainerSpec {
        var subject = "container \"\(name)\""
        if let shortID, shortID != name { subject += " (\(shortID))" }
        let image = config?["Image"]?.string ?? object["Image"]?.string
        var spec = ContainerSpec(
            name: name, subject: subject, location: object.location(in: path),
            dialect: .inspect, image: image)
        spec.isComplete = isComplete
        let host = hostConfig

        spec.privileged = bool(host, "Privileged")
        spec.capabilitiesAdded = strings(host, "CapAdd").map { Setting(CapabilityName.canonical($0.value), at: $0.location, spelling: $0.spelling) }
        spec.capabilitiesDropped = strings(host, "CapDrop").map { Setting(CapabilityName.canonical($0.value), at: $0.location, spelling: $0.spelling) }
        readSecurityOptions(into: &spec)
        spec.readOnlyRootFilesystem = bool(host, "ReadonlyRootfs")
        if let (key, value) = entry(config, "User"), let user = value.string, !user.isEmpty {
            spec.user = Setting(user, at: key.location(in: path), spelling: "Config.User: \"\(user)\"")
        }
        spec.hostPID = mode(host, "PidMode")
        spec.hostNetwork = mode(host, "NetworkMode")
        spec.hostIPC = mode(host, "IpcMode")
        spec.hostUserNamespace = mode(host, "UsernsMode")

        spec.mounts = mounts()
        spec.memoryLimit = positive(host, "Memory")
        spec.cpuLimit = positive(host, "NanoCpus") ?? positive(host, "CpuQuota")
        spec.pidsLimit = positive(host, "PidsLimit")
        spec.environment = (config?["Env"]?.sequence ?? []).compactMap { item in
            item.string.map { Setting($0, at: item.location(in: path), spelling: "Config.Env: \($0)") }
        }
        spec.publishedPorts = ports()
        spec.command = command()
        return spec
    }

    // MARK: fields

    /// The key and value of a field.
    private func entry(_ node: Node?, _ key: String) -> (Node, Node)? {
        node?.pairs?.last(where: { $0.key.string == key }).map { ($0.key, $0.value) }
    }

    private func prefix(_ node: Node?) -> String {
        guard let node else { return "" }
        if node == hostConfig { return "HostConfig." }
        if node == config { return "Config." }
        return ""
    }

    private func bool(_ node: Node?, _ key: String) -> Setting<Bool>? {
        guard let (keyNode, value) = entry(node, key), let flag = value.bool else { return nil }
        return Setting(flag, at: keyNode.location(in: path), spelling: "\(prefix(node))\(key): \(flag)")
    }

    /// `CapAdd: ["SYS_ADMIN"]`: each entry points at the key when the array shares its line, else
    /// at its own line (dockerd indents arrays one entry per line).
    private func strings(_ node: Node?, _ key: String) -> [Setting<String>] {
        guard let (keyNode, value) = entry(node, key) else { return [] }
        return (value.sequence ?? []).compactMap { item in
            guard let text = item.string else { return nil }
            let location = item.line == keyNode.line ? keyNode.location(in: path) : item.location(in: path)
            return Setting(text, at: location, spelling: "\(prefix(node))\(key): \(text)")
        }
    }

    /// `PidMode: "host"` is true; any other mode (`""`, `private`, `container:ID`) is false.
    private func mode(_ node: Node?, _ key: String) -> Setting<Bool>? {
        guard let (keyNode, value) = entry(node, key), let text = value.string, !value.isNull else { return nil }
        return Setting(text == "host", at: keyNode.location(in: path), spelling: "\(prefix(node))\(key): \"\(text)\"")
    }

    /// A positive number is a limit; `0`, `-1` and `null` mean none.
    private func positive(_ node: Node?, _ key: String) -> Setting<String>? {
        guard let (keyNode, value) = entry(node, key), let text = value.string, value.scalar?.isPlain == true,
            let number = Double(text), number > 0
        else { return nil }
        return Setting(text, at: keyNode.location(in: path), spelling: "\(prefix(node))\(key): \(text)")
    }

    // MARK: security options

    /// `SecurityOpt`, read by Docker's grammar (`SecurityOption`).
    private func readSecurityOptions(into spec: inout ContainerSpec) {
        let host = hostConfig
        // dockerd itself adds `label=disable` to privileged and `--pid host` containers; those
        // settings are reported on their own, so the added label is not reported a second time.
        let labelAddedByDaemon = spec.privileged?.value == true || host?["PidMode"]?.string == "host"
        for option in strings(host, "SecurityOpt") {
            if labelAddedByDaemon, SecurityOption.parse(option.value) == .label(.disabled) { continue }
            SecurityOption.apply(
                option.value, at: option.location, spelling: "HostConfig.SecurityOpt: \(option.value)", to: &spec)
        }
    }

    // MARK: mounts

    /// What the container mounts from the host: `HostConfig.Binds` and `HostConfig.Mounts` (what
    /// was asked for), then runtime `Mounts[]` entries for targets neither names (Podman, summaries).
    private func mounts() -> [HostMount] {
        var result: [HostMount] = []
        for bind in strings(hostConfig, "Binds") {
            if let mount = Self.bindMount(bind, path: path) { result.append(mount) }
        }
        for item in hostConfig?["Mounts"]?.sequence ?? [] {
            guard item["Type"]?.string == "bind", let (key, value) = entry(item, "Source"), let source = value.string else { continue }
            result.append(HostMount(
                source: source, target: item["Target"]?.string, readOnly: item["ReadOnly"]?.bool ?? false,
                location: key.location(in: path), spelling: "HostConfig.Mounts bind \(source)"))
        }
        let configured = Set(result.compactMap { $0.target.map(Self.normalizedTarget) })
        for item in object["Mounts"]?.sequence ?? [] {
            guard let mount = Self.runtimeMount(item, path: path) else { continue }
            if let target = mount.target, configured.contains(Self.normalizedTarget(target)) { continue }
            result.append(mount)
        }
        return result
    }

    static func normalizedTarget(_ target: String) -> String {
        HostPath.droppingTrailingSlashes(target)
    }

    /// `SRC:DST[:opts]`; a named volume (`data:/data`) is not a host source.
    static func bindMount(_ bind: Setting<String>, path: String) -> HostMount? {
        let volume = VolumeSpec.parse(bind.value)
        guard let source = volume.source, VolumeSpec.kind(of: source) == .absolute else { return nil }
        return HostMount(
            source: source, target: volume.target, readOnly: volume.readOnly, location: bind.location,
            spelling: "HostConfig.Binds: \(bind.value)")
    }

    /// A `Mounts[]` entry of type `bind` (entries without `Type`, from older daemons, count when
    /// their source is an absolute path and they name no volume).
    static func runtimeMount(_ item: Node, path: String) -> HostMount? {
        guard let sourcePair = item.pairs?.last(where: { $0.key.string == "Source" }), let source = sourcePair.value.string,
            source.hasPrefix("/")
        else { return nil }
        if let type = item["Type"]?.string, type != "bind" { return nil }
        if item["Type"] == nil, item["Name"]?.string?.isEmpty == false { return nil }
        let readOnly = item["RW"]?.bool.map { !$0 } ?? false
        return HostMount(
            source: source, target: item["Destination"]?.string, readOnly: readOnly,
            location: sourcePair.key.location(in: path), spelling: "Mounts[].Source: \(source)")
    }

    // MARK: ports and command

    /// `HostConfig.PortBindings` (`{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`) and the
    /// summaries' `Ports` (`[{"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080}]`).
    private func ports() -> [Setting<PublishedPort>] {
        var result: [Setting<PublishedPort>] = []
        for pair in hostConfig?["PortBindings"]?.pairs ?? [] {
            let containerPort = (pair.key.string ?? "").split(separator: "/").first.map(String.init) ?? ""
            for binding in pair.value.sequence ?? [] {
                let hostIP = binding["HostIp"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                let hostPort = binding["HostPort"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                let anchor = binding.keyNode("HostPort") ?? pair.key
                let published = PublishedPort(hostIP: hostIP, hostPort: hostPort, containerPort: containerPort)
                result.append(Setting(published, at: anchor.location(in: path), spelling: "HostConfig.PortBindings \(pair.key.string ?? ""): \(hostIP ?? "")\(hostIP == nil ? "" : ":")\(hostPort ?? "")"))
            }
        }
        if result.isEmpty {
            for port in object["Ports"]?.sequence ?? [] {
                guard let publicPort = port["PublicPort"]?.string else { continue }
                let anchor = port.keyNode("PublicPort") ?? port
                let published = PublishedPort(hostIP: port["IP"]?.string, hostPort: publicPort, containerPort: port["PrivatePort"]?.string ?? publicPort)
                result.append(Setting(published, at: anchor.location(in: path), spelling: "Ports: \(port["IP"]?.string ?? ""):\(publicPort)"))
            }
        }
        return result
    }

    /// What the container runs: `Path` + `Args` (what dockerd resolved), else `Config.Entrypoint`
    /// + `Config.Cmd`.
    private func command() -> [Setting<String>] {
        func words(_ node: Node?, _ spelling: String) -> [Setting<String>] {
            (node?.sequence ?? []).compactMap { item in
                item.string.map { Setting($0, at: item.location(in: path), spelling: $0) }
            }
        }
        if let pathNode = object["Path"], let executable = pathNode.string, !executable.isEmpty {
            return [Setting(executable, at: pathNode.location(in: path), spelling: executable)] + words(object["Args"], "Args")
        }
        return words(config?["Entrypoint"], "Entrypoint") + words(config?["Cmd"], "Cmd")
    }
}
