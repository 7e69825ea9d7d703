import SockAuditCore

/// Compose services -> input-neutral container facts. Every string read is interpolated first; a
/// value inherited through a merge key or `extends` is located where it is written, and reported
/// for each service that inherits it.
public enum ComposeAdapter {
    public struct Output: Sendable {
        public var containers: [ContainerSpec] = []
        /// The project's problems and those met reading its services (a value that cannot be
        /// interpolated), each once.
        public var problems: [UnscannableFile] = []
    }

    /// The containers of a loaded project.
    public static func read(_ project: ComposeProject) -> Output {
        let diagnostics = Diagnostics()
        var output = Output(containers: containers(of: project.services, diagnostics: diagnostics))
        var seen = Set<UnscannableFile>()
        for problem in project.problems + diagnostics.problems where seen.insert(problem).inserted {
            output.problems.append(problem)
        }
        return output
    }

    static func containers(of services: [ComposeProject.Service], diagnostics: Diagnostics) -> [ContainerSpec] {
        var readers = services.map { ServiceReader(service: $0, diagnostics: diagnostics) }
        var specs = readers.indices.map { readers[$0].spec() }
        // volumes_from: the host mounts of the services (transitively) named, located at the entry.
        for index in specs.indices {
            var visited: Set<String> = [services[index].name]
            specs[index].mounts += inheritedMounts(of: index, services: services, specs: specs, readers: &readers, visited: &visited)
        }
        return specs
    }

    private static func inheritedMounts(
        of index: Int, services: [ComposeProject.Service], specs: [ContainerSpec], readers: inout [ServiceReader],
        visited: inout Set<String>
    ) -> [HostMount] {
        var mounts: [HostMount] = []
        for entry in readers[index].volumesFrom() {
            let parts = entry.value.split(separator: ":").map(String.init)
            guard let first = parts.first, first != "container" else { continue }
            let readOnly = parts.count > 1 && parts[1] == "ro"
            guard let source = services.lastIndex(where: { $0.name == first }), !visited.contains(first) else { continue }
            visited.insert(first)
            let theirs = specs[source].mounts
                + inheritedMounts(of: source, services: services, specs: specs, readers: &readers, visited: &visited)
            for mount in theirs {
                mounts.append(HostMount(
                    source: mount.source, target: mount.target, readOnly: readOnly || mount.readOnly,
                    location: entry.location, spelling: "volumes_from: \(entry.value) (its \(mount.spelling))"))
            }
        }
        return mounts
    }
}

/// One service, being read into a `ContainerSpec`.
struct ServiceReader {
    let service: ComposeProject.Service
    let diagnostics: Diagnostics

    /// A value with the layer it was read from.
    struct Located {
        var node: Node
        var layer: ComposeProject.Layer
        var location: SourceLocation { node.location(in: layer.path) }
    }

    var subject: String { "service \"\(service.name)\"" }

    func spec() -> ContainerSpec {
        var spec = ContainerSpec(
            name: service.name, subject: subject,
            location: service.key.location(in: service.path), dialect: .compose,
            image: last("image").flatMap(text))
        // A service with neither `image` nor `build` (in any layer it extends) cannot run alone: it is
        // an override merged over another file's service (a dev container's extend file), so only
        // what it states is judged and the "missing setting" rules stay quiet on it.
        spec.isComplete = last("image") != nil || last("build") != nil
        spec.privileged = bool(last("privileged"), "privileged")
        spec.capabilitiesAdded = capabilities("cap_add")
        spec.capabilitiesDropped = capabilities("cap_drop")
        readSecurityOptions(into: &spec)
        spec.hostPID = namespace("pid")
        spec.hostIPC = namespace("ipc")
        spec.hostNetwork = namespace("network_mode") ?? namespace("net")
        spec.hostUserNamespace = namespace("userns_mode")
        if let user = last("user"), let value = text(user) {
            spec.user = Setting(value, at: user.location, spelling: "user: \(value)")
        }
        spec.readOnlyRootFilesystem = bool(last("read_only"), "read_only") ?? templatedSwitch(last("read_only"), "read_only")
        spec.memoryLimit = limit(["mem_limit"], deploy: "memory")
        spec.cpuLimit = limit(["cpus", "cpu_quota"], deploy: "cpus")
        spec.pidsLimit = limit(["pids_limit"], deploy: "pids")
        spec.environment = environment()
        spec.publishedPorts = ports()
        spec.command = words(last("entrypoint")) + words(last("command"))
        spec.mounts = mounts()
        return spec
    }

    // MARK: layered lookup

    /// The value of a key in the most derived layer that sets it.
    func last(_ key: String) -> Located? {
        for layer in service.layers.reversed() {
            if let node = layer.node[key], !node.isNull { return Located(node: node, layer: layer) }
        }
        return nil
    }

    /// The value of a key in every layer that sets it, base first (Compose merges sequences).
    func all(_ key: String) -> [Located] {
        service.layers.compactMap { layer in layer.node[key].map { Located(node: $0, layer: layer) } }
    }

    /// The items of a sequence key, merged over layers.
    func items(_ key: String) -> [Located] {
        all(key).flatMap { value in (value.node.sequence ?? []).map { Located(node: $0, layer: value.layer) } }
    }

    /// An interpolated scalar. When interpolation fails (a malformed `${`) that is SA901 at the value,
    /// and the value is still read as written, so a socket path matches by basename.
    func text(_ value: Located) -> String? {
        guard let scalar = value.node.scalar, !value.node.isNull else { return nil }
        switch ComposeInterpolation.interpolate(scalar.text, variables: value.layer.variables) {
        case .success(let result):
            return result
        case .failure(let failure):
            let offset = scalar.isPlain && !scalar.text.contains("\n") ? failure.offset : 0
            diagnostics.report(
                "the value here cannot be interpolated (\(failure.message)), so it was left out; the rest of the file was scanned",
                at: value.node, in: value.layer.path, columnOffset: offset)
            return ComposeInterpolation.lenient(scalar.text, variables: value.layer.variables)
        }
    }

    // MARK: settings

    private func bool(_ value: Located?, _ key: String) -> Setting<Bool>? {
        guard let value, let raw = text(value) else { return nil }
        guard let flag = BooleanSpelling.compose(raw) else { return nil }
        return Setting(flag, at: value.location, spelling: "\(key): \(raw)")
    }

    /// A switch a template writes (`read_only: {{ tools_read_only }}` in a YAML template) is set
    /// to a value the scan cannot see, so it is not reported missing (counted as on, as an Ansible
    /// or CloudFormation expression is); nothing fires on it either.
    private func templatedSwitch(_ value: Located?, _ key: String) -> Setting<Bool>? {
        guard let value, let raw = value.node.string, raw.contains("{{") || raw.contains("{%") else { return nil }
        return Setting(true, at: value.location, spelling: "\(key): \(raw)")
    }

    private func strings(_ key: String) -> [Setting<String>] {
        items(key).compactMap { item in
            text(item).map { Setting($0, at: item.location, spelling: "\(key): \($0)") }
        }
    }

    /// `cap_add:`/`cap_drop:` entries, each under its canonical name.
    private func capabilities(_ key: String) -> [Setting<String>] {
        items(key).compactMap { item in
            text(item).map { Setting(CapabilityName.canonical($0), at: item.location, spelling: "\(key): \($0)") }
        }
    }

    /// `pid: host` and the like; any other value (`service:x`, `container:y`) is not the host's.
    private func namespace(_ key: String) -> Setting<Bool>? {
        guard let value = last(key), let raw = text(value) else { return nil }
        return Setting(raw.lowercased() == "host", at: value.location, spelling: "\(key): \(raw)")
    }

    /// A limit from the service key, else from `deploy.resources.limits`.
    private func limit(_ keys: [String], deploy field: String) -> Setting<String>? {
        for layer in service.layers.reversed() {
            for key in keys {
                if let node = layer.node[key], !node.isNull, let value = text(Located(node: node, layer: layer)) {
                    return Setting(value, at: node.location(in: layer.path), spelling: "\(key): \(value)")
                }
            }
            if let node = layer.node["deploy"]?["resources"]?["limits"]?[field], !node.isNull,
                let value = text(Located(node: node, layer: layer)) {
                return Setting(value, at: node.location(in: layer.path), spelling: "deploy.resources.limits.\(field): \(value)")
            }
        }
        return nil
    }

    /// `security_opt`, read by Docker's grammar (`SecurityOption`).
    private func readSecurityOptions(into spec: inout ContainerSpec) {
        for item in items("security_opt") {
            guard let raw = text(item) else { continue }
            let option = raw.trimming(" \t\r")
            SecurityOption.apply(option, at: item.location, spelling: "security_opt: \(option)", to: &spec)
        }
    }

    /// `environment:` as a list (`NAME=value`) or a map, over layers; an entry without a value takes
    /// it from the shell of whoever runs Compose, which a scanner does not know, so it is left out.
    private func environment() -> [Setting<String>] {
        var result: [Setting<String>] = []
        for value in all("environment") {
            if let list = value.node.sequence {
                for item in list {
                    let located = Located(node: item, layer: value.layer)
                    guard let entry = text(located), entry.contains("=") else { continue }
                    result.append(Setting(entry, at: located.location, spelling: "environment \(entry)"))
                }
            } else if let pairs = value.node.pairs {
                for pair in pairs {
                    guard let name = pair.key.string, !pair.value.isNull else { continue }
                    let located = Located(node: pair.value, layer: value.layer)
                    guard let entry = text(located) else { continue }
                    result.append(Setting("\(name)=\(entry)", at: located.location, spelling: "environment \(name)=\(entry)"))
                }
            }
        }
        return result
    }

    /// `ports:` short (`[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]`) and long syntax.
    private func ports() -> [Setting<PublishedPort>] {
        items("ports").compactMap { item in
            if item.node.isMapping {
                let layer = item.layer
                guard let target = item.node["target"].flatMap({ text(Located(node: $0, layer: layer)) }) else { return nil }
                let publishedNode = item.node["published"]
                let published = publishedNode.flatMap { text(Located(node: $0, layer: layer)) }
                let hostIP = item.node["host_ip"].flatMap { text(Located(node: $0, layer: layer)) }
                let port = PublishedPort(hostIP: hostIP, hostPort: published, containerPort: target)
                let at = publishedNode.map { Located(node: $0, layer: layer).location } ?? item.location
                return Setting(port, at: at, spelling: "ports: {published: \(published ?? "(random)"), target: \(target)}")
            }
            guard let raw = text(item) else { return nil }
            guard let port = PortSpec.parse(raw) else { return nil }
            return Setting(port, at: item.location, spelling: "ports: \"\(raw)\"")
        }
    }

    /// `command:`/`entrypoint:` as a list, or a string split into words as a shell would.
    private func words(_ value: Located?) -> [Setting<String>] {
        guard let value else { return [] }
        if let list = value.node.sequence {
            return list.compactMap { item in
                let located = Located(node: item, layer: value.layer)
                return text(located).map { Setting($0, at: located.location, spelling: $0) }
            }
        }
        guard let scalar = value.node.scalar, let raw = text(value) else { return [] }
        // A plain one-line scalar without interpolation: each word is located at its own column.
        let exact = scalar.isPlain && !scalar.text.contains("\n") && raw == scalar.text
        return ComposeCommand.split(raw).map { word in
            var location = value.location
            if exact { location.column += word.offset }
            return Setting(word.text, at: location, spelling: word.text)
        }
    }

    /// `, with ${NAME} required (set when Compose runs)` for the required variables a value leaves
    /// unresolved, so a message says the path depends on them.
    private func requiredNote(_ value: Located) -> String {
        guard let text = value.node.string else { return "" }
        let names = ComposeInterpolation.requiredUnset(text, variables: value.layer.variables)
        guard !names.isEmpty else { return "" }
        let list = names.map { "${\($0)}" }.joined(separator: ", ")
        return " (\(list) required: set by whoever runs Compose, unknown at scan time)"
    }

    func volumesFrom() -> [Setting<String>] {
        items("volumes_from").compactMap { item in
            text(item).map { Setting($0, at: item.location, spelling: "volumes_from: \($0)") }
        }
    }

    // MARK: volumes

    /// Host mounts from `volumes:`, base layers first; an entry of a derived layer replaces the
    /// base's entry for the same target, as Compose merges them.
    private func mounts() -> [HostMount] {
        var result: [HostMount] = []
        var byLayer: [[(target: String?, mount: HostMount?)]] = []
        for value in all("volumes") {
            byLayer.append((value.node.sequence ?? []).map { volume(Located(node: $0, layer: value.layer)) })
        }
        for (index, entries) in byLayer.enumerated() {
            let laterTargets = Set(byLayer[(index + 1)...].flatMap { $0.compactMap(\.target) })
            for entry in entries where entry.target.map({ !laterTargets.contains($0) }) ?? true {
                if let mount = entry.mount { result.append(mount) }
            }
        }
        return result
    }

    /// One `volumes:` entry: its target, and a host mount when it binds a host path.
    private func volume(_ item: Located) -> (target: String?, mount: HostMount?) {
        if item.node.isMapping {
            let layer = item.layer
            let read = { (key: String) in item.node[key].flatMap { self.text(Located(node: $0, layer: layer)) } }
            let type = read("type") ?? "volume"
            let target = read("target")
            guard let sourceNode = item.node["source"], let source = text(Located(node: sourceNode, layer: layer)) else {
                return (target, nil)
            }
            let readOnly = item.node["read_only"].flatMap { bool(Located(node: $0, layer: layer), "read_only") }?.value ?? false
            let at = sourceNode.location(in: layer.path)
            switch (type, ComposeVolumeSource.kind(of: source)) {
            case ("bind", .hostPath), ("volume", .hostPath):
                return (target, HostMount(
                    source: source, target: target, readOnly: readOnly, location: at,
                    spelling: "volumes: {type: \(type), source: \(source)}" + requiredNote(Located(node: sourceNode, layer: layer))))
            case ("volume", .named):
                return (target, namedVolumeMount(source, target: target, readOnly: readOnly, at: at))
            default:
                return (target, nil)
            }
        }
        guard let raw = text(item) else { return (nil, nil) }
        let short = VolumeSpec.parse(raw)
        guard let source = short.source else { return (short.target, nil) }
        switch ComposeVolumeSource.kind(of: source) {
        case .hostPath:
            return (short.target, HostMount(
                source: source, target: short.target, readOnly: short.readOnly, location: item.location,
                spelling: "volumes: \"\(raw)\"" + requiredNote(item)))
        case .named:
            return (short.target, namedVolumeMount(source, target: short.target, readOnly: short.readOnly, at: item.location))
        case .projectPath:
            return (short.target, nil)
        }
    }

    /// A named volume whose `local` driver binds a host folder (`driver_opts: {o: bind, device: …}`).
    private func namedVolumeMount(_ name: String, target: String?, readOnly: Bool, at location: SourceLocation) -> HostMount? {
        let layer = service.layers.last!
        guard let declaration = service.file["volumes"]?[name], declaration.isMapping else { return nil }
        let read = { (node: Node?) in node.flatMap { self.text(Located(node: $0, layer: layer)) } }
        let driver = read(declaration["driver"]) ?? "local"
        guard driver == "local", let options = declaration["driver_opts"],
            let o = read(options["o"]), o.split(separator: ",").map({ String($0).trimming(" \t\r") }).contains(where: { $0 == "bind" || $0 == "rbind" }),
            let device = read(options["device"]), ComposeVolumeSource.kind(of: device) == .hostPath
        else { return nil }
        return HostMount(
            source: device, target: target, readOnly: readOnly, location: location,
            spelling: "named volume \"\(name)\" (its local driver binds \(device))")
    }
}

/// Splitting a `command:` string into words: whitespace separates, single and double quotes group,
/// a backslash escapes the next character outside single quotes.
enum ComposeCommand {
    struct Word: Hashable {
        var text: String
        /// Offset in Unicode scalars of the word's first character.
        var offset: Int
    }

    static func split(_ raw: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start: Int?
        var quote: Unicode.Scalar?
        var escaped = false
        for (offset, scalar) in raw.unicodeScalars.enumerated() {
            if escaped {
                current.append(scalar)
                escaped = false
                continue
            }
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(scalar)
                }
                continue
            }
            switch scalar {
            case " ", "\t", "\n":
                if let begin = start {
                    words.append(Word(text: String(current), offset: begin))
                    current = String.UnicodeScalarView()
                    start = nil
                }
            case "'", "\"":
                if start == nil { start = offset }
                quote = scalar
            case "\\":
                if start == nil { start = offset }
                escaped = true
            default:
                if start == nil { start = offset }
                current.append(scalar)
            }
        }
        if let begin = start { words.append(Word(text: String(current), offset: begin)) }
        return words
    }
}
