import SockAuditCore

/// Kubernetes objects -> input-neutral container facts. Pod-level and container-level
/// securityContext are combined as the kubelet does: the container's value wins, and
/// `runAsNonRoot`, `runAsUser`, `seccompProfile`, `appArmorProfile` and `seLinuxOptions` fall back
/// to the pod's.
public enum KubernetesAdapter {
    public static func containers(in documents: [Node], path: String) -> [ContainerSpec] {
        documents.filter(KubernetesManifest.isObject).flatMap { object in
            KubernetesManifest.podSpecs(in: object).flatMap { containers(of: $0, path: path) }
                + NodeContainerMounts.containers(in: object, path: path)
        }
    }

    static func containers(of site: KubernetesManifest.PodSpecSite, path: String) -> [ContainerSpec] {
        var result: [ContainerSpec] = []
        // Indexed once per pod: a search per volumeMount was quadratic on thousands of volumes.
        var volumes: [String: Node] = [:]
        for volume in site.spec["volumes"]?.sequence ?? [] {
            if let name = volume["name"]?.string { volumes[name] = volume }  // the last one wins
        }
        for container in site.containers where container.node.isMapping {
            result.append(PodContainer(site: site, container: container.node, word: container.word, path: path, volumes: volumes).spec())
        }
        return result
    }
}

/// One container of one pod spec, being read into a `ContainerSpec`.
struct PodContainer {
    let site: KubernetesManifest.PodSpecSite
    let container: Node
    /// What the container is called in messages: `container`, `initContainer`, `step`, `sidecar`.
    let word: String
    let path: String
    /// The pod's volumes by name.
    let volumes: [String: Node]

    var name: String { container["name"]?.string ?? "(unnamed)" }
    var podContext: Node? { site.spec["securityContext"] }
    var context: Node? { container["securityContext"] }

    func spec() -> ContainerSpec {
        var spec = ContainerSpec(
            name: name, subject: "\(word) \"\(name)\" in \(site.owner)",
            location: container.location(in: path), dialect: .kubernetes, image: container["image"]?.string,
            pidsLimitApplies: false)
        spec.sharedSubject = site.owner
        spec.isComplete = site.isComplete
        spec.privileged = boolSetting(context?["privileged"], "securityContext.privileged")
        if let capabilities = context?["capabilities"] {
            spec.capabilitiesAdded = stringSettings(capabilities["add"], "securityContext.capabilities.add").map(canonicalCapability)
            spec.capabilitiesDropped = stringSettings(capabilities["drop"], "securityContext.capabilities.drop").map(canonicalCapability)
        }
        spec.seccomp = seccomp()
        spec.appArmor = appArmor()
        spec.seLinux = seLinux()
        if let escalation = context?["allowPrivilegeEscalation"], let allowed = escalation.bool {
            spec.noNewPrivileges = Setting(
                !allowed, at: escalation.location(in: path),
                spelling: "securityContext.allowPrivilegeEscalation: \(allowed)")
        }
        spec.readOnlyRootFilesystem = boolSetting(context?["readOnlyRootFilesystem"], "securityContext.readOnlyRootFilesystem")
        if let user = inherited("runAsUser"), let uid = user.node.int {
            spec.user = Setting(String(uid), at: user.node.location(in: path), spelling: "\(user.prefix).runAsUser: \(uid)")
        }
        if let nonRoot = inherited("runAsNonRoot"), let value = nonRoot.node.bool {
            spec.runAsNonRoot = Setting(value, at: nonRoot.node.location(in: path), spelling: "\(nonRoot.prefix).runAsNonRoot: \(value)")
        }
        spec.hostPID = boolSetting(site.spec["hostPID"], "hostPID")
        spec.hostNetwork = boolSetting(site.spec["hostNetwork"], "hostNetwork")
        spec.hostIPC = boolSetting(site.spec["hostIPC"], "hostIPC")
        spec.mounts = hostMounts()
        // Tekton v1 steps call it `computeResources`
        let limits = (container["resources"] ?? container["computeResources"])?["limits"]
        spec.memoryLimit = stringSetting(limits?["memory"], "resources.limits.memory")
        spec.cpuLimit = stringSetting(limits?["cpu"], "resources.limits.cpu")
        spec.environment = environment()
        spec.publishedPorts = hostPorts()
        spec.command = words(container["command"]) + words(container["args"])
        if !site.inheritedLines.isEmpty {
            // what the defaults state is reported on the defaults' own site; a mount counts as theirs
            // when the defaults wrote its volumeMount
            let inherited = { (line: Int) in site.inheritedLines.contains { $0.contains(line) } }
            let inheritedMounts = (container["volumeMounts"]?.sequence ?? []).filter { inherited($0.line) }.compactMap { mount in
                mount["name"]?.string.flatMap { volumes[$0]?["hostPath"]?["path"]?.location(in: path) }
            }
            // (a sidecar the defaults add is theirs whole, its missing settings too)
            spec.judgedElsewhere = Set((spec.settingLocations + [spec.location]).filter { inherited($0.line) } + inheritedMounts)
        }
        return spec
    }

    // MARK: security profiles

    private func seccomp() -> Setting<SecurityProfile>? {
        if let profile = profileField(context?["seccompProfile"], "securityContext.seccompProfile") { return profile }
        if let annotation = annotation("container.seccomp.security.alpha.kubernetes.io/\(name)") { return annotation }
        if let profile = profileField(podContext?["seccompProfile"], "pod securityContext.seccompProfile") { return profile }
        return annotation("seccomp.security.alpha.kubernetes.io/pod")
    }

    private func appArmor() -> Setting<SecurityProfile>? {
        if let profile = profileField(context?["appArmorProfile"], "securityContext.appArmorProfile") { return profile }
        if let annotation = annotation("container.apparmor.security.beta.kubernetes.io/\(name)") { return annotation }
        return profileField(podContext?["appArmorProfile"], "pod securityContext.appArmorProfile")
    }

    private func seLinux() -> Setting<SELinuxLabel>? {
        for (options, prefix) in [(context?["seLinuxOptions"], "securityContext"), (podContext?["seLinuxOptions"], "pod securityContext")] {
            if let type = options?["type"], let text = type.string {
                return Setting(.type(text), at: type.location(in: path), spelling: "\(prefix).seLinuxOptions.type: \(text)")
            }
        }
        return nil
    }

    /// `seccompProfile: {type: Unconfined}` and the like; the finding points at `type`.
    private func profileField(_ node: Node?, _ spelling: String) -> Setting<SecurityProfile>? {
        guard let type = node?["type"], let text = type.string else { return nil }
        let profile: SecurityProfile
        switch text {
        case "Unconfined": profile = .unconfined
        case "RuntimeDefault": profile = .runtimeDefault
        default: profile = .custom(node?["localhostProfile"]?.string ?? text)
        }
        return Setting(profile, at: type.location(in: path), spelling: "\(spelling).type: \(text)")
    }

    /// The legacy annotations (`unconfined`, `runtime/default`, `localhost/NAME`).
    private func annotation(_ key: String) -> Setting<SecurityProfile>? {
        guard let node = site.metadata?["annotations"]?[key], let text = node.string else { return nil }
        let profile: SecurityProfile
        switch text {
        case "unconfined": profile = .unconfined
        case "runtime/default", "docker/default": profile = .runtimeDefault
        default: profile = .custom(text)
        }
        return Setting(profile, at: node.location(in: path), spelling: "annotation \(key): \(text)")
    }

    // MARK: mounts

    /// Host sources this container mounts: `hostPath` volumes named by one of its `volumeMounts`,
    /// with `subPath` followed into the host folder.
    private func hostMounts() -> [HostMount] {
        var mounts: [HostMount] = []
        let volumeMounts = container["volumeMounts"]?.sequence ?? []
        // read once per container, and only when some mount needs it
        let environment = volumeMounts.contains { $0["subPathExpr"] != nil } ? literalEnvironment() : [:]
        for mount in volumeMounts {
            guard let volumeName = mount["name"]?.string,
                let volume = volumes[volumeName],
                let pathNode = volume["hostPath"]?["path"], let hostPath = pathNode.string
            else { continue }
            var source = hostPath
            var spelling = "hostPath volume \"\(volumeName)\" (\(hostPath))"
            if let subPath = mount["subPath"]?.string, !subPath.isEmpty {
                source = hostPath + "/" + subPath
                spelling += " with subPath \(subPath)"
            } else if let expression = mount["subPathExpr"]?.string, !expression.isEmpty {
                let expanded = SubPathExpression.expand(expression, environment: environment)
                source = hostPath + "/" + expanded.value
                if expanded.unresolved.isEmpty {
                    spelling += " with subPathExpr \(expression)"
                } else {
                    let names = expanded.unresolved.map { "$(\($0))" }.joined(separator: ", ")
                    spelling += " with subPathExpr \(expression) (\(names) not known at scan time: only the rest of the path is judged)"
                }
            }
            mounts.append(HostMount(
                source: source, target: mount["mountPath"]?.string, readOnly: mount["readOnly"]?.bool ?? false,
                location: pathNode.location(in: path), spelling: spelling))
        }
        return mounts
    }

    /// The container's `env` entries with a literal `value` (a `valueFrom` is known only when the
    /// pod runs).
    private func literalEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for entry in container["env"]?.sequence ?? [] {
            guard let name = entry["name"]?.string, let value = entry["value"]?.string, entry["valueFrom"] == nil else { continue }
            environment[name] = SubPathExpression.expand(value, environment: environment).value
        }
        return environment
    }

    // MARK: small readers

    /// The container's securityContext field, else the pod's, with the prefix that says which.
    private func inherited(_ key: String) -> (node: Node, prefix: String)? {
        if let node = context?[key], !node.isNull { return (node, "securityContext") }
        if let node = podContext?[key], !node.isNull { return (node, "pod securityContext") }
        return nil
    }

    private func boolSetting(_ node: Node?, _ spelling: String) -> Setting<Bool>? {
        guard let node, let value = node.bool else { return nil }
        return Setting(value, at: node.location(in: path), spelling: "\(spelling): \(value)")
    }

    private func stringSetting(_ node: Node?, _ spelling: String) -> Setting<String>? {
        guard let node, let text = node.string, !node.isNull else { return nil }
        return Setting(text, at: node.location(in: path), spelling: "\(spelling): \(text)")
    }

    private func canonicalCapability(_ setting: Setting<String>) -> Setting<String> {
        Setting(CapabilityName.canonical(setting.value), at: setting.location, spelling: setting.spelling)
    }

    private func stringSettings(_ node: Node?, _ spelling: String) -> [Setting<String>] {
        (node?.sequence ?? []).compactMap { item in
            item.string.map { Setting($0, at: item.location(in: path), spelling: "\(spelling): \($0)") }
        }
    }

    /// `ports[].hostPort`: the container port is published on the node's address (every interface
    /// unless `hostIP` says otherwise).
    private func hostPorts() -> [Setting<PublishedPort>] {
        (container["ports"]?.sequence ?? []).compactMap { port in
            guard let hostPort = port["hostPort"], let hostText = hostPort.string else { return nil }
            let containerPort = port["containerPort"]?.string ?? hostText
            let published = PublishedPort(hostIP: port["hostIP"]?.string, hostPort: hostText, containerPort: containerPort)
            return Setting(published, at: hostPort.location(in: path), spelling: "hostPort: \(hostText)")
        }
    }

    private func words(_ node: Node?) -> [Setting<String>] {
        (node?.sequence ?? []).compactMap { item in
            item.string.map { Setting($0, at: item.location(in: path), spelling: $0) }
        }
    }

    private func environment() -> [Setting<String>] {
        (container["env"]?.sequence ?? []).compactMap { entry in
            guard let name = entry["name"]?.string else { return nil }
            let value = entry["value"]?.string ?? ""
            let located = entry["value"] ?? entry
            return Setting("\(name)=\(value)", at: located.location(in: path), spelling: "env \(name)=\(value)")
        }
    }
}
