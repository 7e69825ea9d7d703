import SockAuditCore

/// A saved host snapshot (`*.sockaudit-host.json`, written by `sockaudit host --save-snapshot`)
/// -> facts. The snapshot keeps the Engine API's replies verbatim; this adapter is where Docker's
/// and Podman's shapes are told apart. Findings point at the key of the probed value.
public enum HostSnapshotAdapter {
    /// The top-level key that marks a snapshot document, and its format version.
    public static let formatKey = "sockauditHostSnapshot"
    public static let formatVersion = "1.0"
    public static let fileSuffix = ".sockaudit-host.json"

    public static func isSnapshot(_ document: Node) -> Bool {
        document[formatKey] != nil
    }

    public static func facts(from document: Node, path: String) -> Facts {
        var facts = Facts()
        func at(_ node: Node) -> SourceLocation { node.location(in: path) }
        func keyAt(_ object: Node?, _ key: String) -> SourceLocation? { object?.keyNode(key).map(at) }

        let root = document["root"]?.string ?? "/"
        var snapshot = HostSnapshot(location: at(document), root: root)

        // Any probe that failed says so under its own "error" key: SA901, never silence.
        func collectErrors(_ node: Node, probe: String) {
            guard let pairs = node.pairs else { return }
            for pair in pairs {
                if pair.key.string == "error", let message = pair.value.string {
                    facts.unscannable.append(UnscannableFile(
                        location: at(pair.key), reason: "the host probe \(probe) failed: \(message)", extent: .part))
                } else if pair.value.isMapping, let name = pair.key.string {
                    collectErrors(pair.value, probe: "\(probe) \(name)")
                }
            }
        }
        for pair in document.pairs ?? [] where pair.value.isMapping {
            guard let name = pair.key.string, !["engine", "daemonFiles"].contains(name) else { continue }
            collectErrors(pair.value, probe: name)
        }

        if let socket = document["socket"], let socketPath = socket["path"]?.string, socket["error"] == nil,
           socket["missing"]?.bool != true {
            var probe = HostSocket(path: socketPath, location: keyAt(document, "socket") ?? at(socket))
            probe.uid = socket["uid"]?.int
            probe.gid = socket["gid"]?.int
            if let owner = socket["owner"]?.string, let location = keyAt(socket, "owner") {
                probe.owner = Setting(owner, at: location, spelling: "owner \(owner)")
            }
            if let group = socket["group"]?.string, let location = keyAt(socket, "group") {
                probe.group = Setting(group, at: location, spelling: "group \(group)")
            }
            if let mode = socket["mode"]?.string, let bits = Int(mode, radix: 8), let location = keyAt(socket, "mode") {
                probe.mode = Setting(bits, at: location, spelling: "mode \(mode)")
            }
            snapshot.socket = probe
        }

        if let group = document["dockerGroup"], group["error"] == nil, group["missing"]?.bool != true {
            var probe = HostDockerGroup(location: keyAt(document, "dockerGroup") ?? at(group))
            probe.gid = group["gid"]?.int
            for member in group["members"]?.sequence ?? [] {
                guard let name = member.string, !name.isEmpty else { continue }
                probe.members.append(Setting(name, at: at(member), spelling: name))
            }
            snapshot.dockerGroup = probe
        }

        if let dataRoot = document["dataRoot"], let rootPath = dataRoot["path"]?.string {
            let pathSetting = Setting(rootPath, at: keyAt(dataRoot, "path") ?? at(dataRoot), spelling: rootPath)
            var mountPoint: Setting<String>?
            if let point = dataRoot["mountPoint"]?.string, let location = keyAt(dataRoot, "mountPoint") {
                mountPoint = Setting(point, at: location, spelling: point)
            }
            snapshot.dataRoot = HostDataRoot(
                path: pathSetting, mountPoint: mountPoint, source: dataRoot["source"]?.string ?? "the mount table")
        }

        if let audit = document["audit"], audit["error"] == nil {
            var probe = HostAudit(location: keyAt(document, "audit") ?? at(audit))
            probe.ruleFiles = audit["ruleFiles"]?.sequence?.compactMap(\.string) ?? []
            probe.watched = audit["watched"]?.sequence?.compactMap(\.string) ?? []
            probe.present = (audit["present"]?.sequence ?? []).compactMap { node in
                node.string.map { Setting($0, at: at(node), spelling: $0) }
            }
            snapshot.audit = probe
        }

        let engine = document["engine"]
        if let engine { collectErrors(engine, probe: "Engine API") }
        let version = engine?["version"]
        let info = engine?["info"]
        let engineLocation = keyAt(document, "engine") ?? at(document)
        snapshot.components = components(version: version, info: info, kernel: document["kernel"],
                                          engineReachable: version != nil, engineLocation: engineLocation, at: at, keyAt: keyAt)
        if let info {
            let options = info["SecurityOptions"]?.sequence ?? []
            snapshot.rootless = options.contains { $0.string?.contains("name=rootless") == true }
            snapshot.authorizationPlugins = info["Plugins"]?["Authorization"]?.sequence?.compactMap(\.string) ?? []
            facts.daemons.append(liveDaemon(info: info, infoKey: keyAt(engine, "info") ?? at(info), at: at, keyAt: keyAt))
        }

        if let endpoint = document["endpoint"], endpoint["transport"]?.string == "tcp",
           endpoint["answered"]?.bool == true, let address = endpoint["address"]?.string {
            var daemon = DaemonConfig(subject: "the daemon at \(address)", location: keyAt(document, "endpoint") ?? at(endpoint), isComplete: false)
            daemon.hosts.append(Setting(address, at: keyAt(endpoint, "address") ?? at(endpoint), spelling: "it answered /_ping over plain TCP"))
            facts.daemons.append(daemon)
        }

        let containers = document["containers"]?.sequence ?? []
        snapshot.containersCollected = containers.count
        let inspected = containers.compactMap { $0["inspect"] }
        facts.containers += HostContainers.specs(fromInspect: inspected, path: path)

        // The host's daemon.json, defaults file and units, scanned under their host paths and merged
        // into the configuration dockerd runs with, as for files scanned together.
        for file in document["daemonFiles"]?.sequence ?? [] {
            if let filePath = file["path"]?.string, let text = file["text"]?.string {
                facts.embeddedFiles.append(EmbeddedFile(path: filePath, text: text))
            }
        }

        facts.hosts.append(snapshot)
        return facts
    }

    /// runc, containerd, Docker Engine and the kernel, from `/version` (Docker: `Components`
    /// named `Engine`, `containerd`, `runc`; Podman: `Podman Engine`, `OCI Runtime (runc)`), then
    /// `/info`, then the local kernel probe.
    static func components(
        version: Node?, info: Node?, kernel: Node?, engineReachable: Bool, engineLocation: SourceLocation,
        at: (Node) -> SourceLocation, keyAt: (Node?, String) -> SourceLocation?
    ) -> [HostComponent] {
        var result: [HostComponent] = []
        let parts = version?["Components"]?.sequence ?? []
        func component(named predicate: (String) -> Bool) -> Node? {
            parts.first { ($0["Name"]?.string).map(predicate) ?? false }
        }
        func located(_ object: Node?, _ key: String) -> Setting<String>? {
            guard let object, let value = object[key]?.string, !value.isEmpty, let location = keyAt(object, key) else { return nil }
            return Setting(value, at: location, spelling: value)
        }
        let isPodman = component(named: { $0.lowercased().contains("podman") }) != nil
        let unread = engineReachable ? "the Engine API's /version does not report it" : "the Engine API was not reached"

        if !isPodman {
            let engineVersion = located(component(named: { $0 == "Engine" }), "Version") ?? located(version, "Version")
            result.append(HostComponent(kind: .engine, version: engineVersion, location: engineLocation,
                                        unreadReason: engineVersion == nil ? unread : nil))
            let containerd = located(component(named: { $0.lowercased() == "containerd" }), "Version")
            result.append(HostComponent(kind: .containerd, version: containerd, location: engineLocation,
                                        unreadReason: containerd == nil ? unread : nil))
        }
        let runcNode = component(named: { $0.lowercased() == "runc" || $0.lowercased() == "oci runtime (runc)" })
        let otherRuntime = component(named: { $0.lowercased().hasPrefix("oci runtime") && !$0.lowercased().contains("runc") })
        if otherRuntime == nil || runcNode != nil {
            let runc = located(runcNode, "Version")
            result.append(HostComponent(kind: .runc, version: runc, location: engineLocation,
                                        unreadReason: runc == nil ? unread : nil))
        }
        let kernelVersion = located(version, "KernelVersion") ?? located(info, "KernelVersion") ?? located(kernel, "osrelease")
        result.append(HostComponent(kind: .kernel, version: kernelVersion, location: engineLocation,
                                    unreadReason: kernelVersion == nil ? "neither the Engine API nor the host's files report it" : nil))
        return result
    }

    /// The running daemon's effective state from `/info`. Not complete (icc, userland-proxy are not
    /// in `/info`), so rules about missing settings stay quiet; explicit values are judged.
    static func liveDaemon(info: Node, infoKey: SourceLocation, at: (Node) -> SourceLocation,
                           keyAt: (Node?, String) -> SourceLocation?) -> DaemonConfig {
        var daemon = DaemonConfig(subject: "the running daemon (Engine API /info)", location: infoKey, isComplete: false)
        for option in info["SecurityOptions"]?.sequence ?? [] {
            guard let text = option.string else { continue }
            let fields = Dictionary(text.split(separator: ",").map { field -> (String, String) in
                let parts = field.split(separator: "=", maxSplits: 1)
                return (String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { first, _ in first })
            switch fields["name"] {
            case "rootless": daemon.rootless = Setting(true, at: at(option), spelling: text)
            case "userns": daemon.usernsRemap = Setting("userns", at: at(option), spelling: text)
            case "seccomp": if let profile = fields["profile"] { daemon.seccompProfile = Setting(profile, at: at(option), spelling: text) }
            default: break
            }
        }
        if let live = info["LiveRestoreEnabled"]?.bool, let location = keyAt(info, "LiveRestoreEnabled") {
            daemon.liveRestore = Setting(live, at: location, spelling: "LiveRestoreEnabled: \(live)")
        }
        return daemon
    }
}

/// Containers collected from the Engine API, judged by the container rules exactly like
/// `docker inspect` JSON.
public enum HostContainers {
    /// Each node is one container's `/containers/{id}/json` reply, as kept in the snapshot, so the
    /// findings point into the snapshot file.
    public static func specs(fromInspect nodes: [Node], path: String) -> [ContainerSpec] {
        nodes.flatMap { InspectAdapter.containers(in: $0, path: path) }
    }
}
