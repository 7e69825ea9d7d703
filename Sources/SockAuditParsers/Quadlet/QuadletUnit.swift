import SockAuditCore

/// A Podman Quadlet unit (`*.container`, `*.pod`, `*.kube`) -> the container or pod it runs.
/// Each key is the `podman run` flag Quadlet turns it into (`Volume=` is `--volume`,
/// `SecurityLabelDisable=true` is `--security-opt label=disable`), read through the one run-flag
/// reader and spelled as the key (`PodmanArgs=--privileged`). `%t` is the unit's runtime folder:
/// `/run` for a system unit, `$XDG_RUNTIME_DIR` for a user unit, so `%t/podman/podman.sock` is the
/// rootless Podman socket.
public enum QuadletUnit {
    /// The section that describes the workload, by file extension.
    public static let sections = ["container": "Container", "pod": "Pod", "kube": "Kube"]

    /// Unit keys and the `podman run` flag each becomes (booleans are handled below).
    static let flags: [String: String] = [
        "Volume": "volume", "Mount": "mount", "Network": "network", "User": "user", "UserNS": "userns",
        "PublishPort": "publish", "PidsLimit": "pids-limit", "Memory": "memory", "SeccompProfile": "security-opt=seccomp",
        "AppArmor": "security-opt=apparmor",
    ]

    /// Keys whose value is a list of words, each one flag.
    static let listFlags: [String: String] = [
        "AddCapability": "cap-add", "DropCapability": "cap-drop", "Environment": "env",
    ]

    /// The workload a unit describes, or nil when the file has no section of its kind (a Perl
    /// `.pod` document, say). `userUnit` says `%t` is the user's runtime folder; a drop-in
    /// (`NAME.container.d/*.conf`) states only what it changes.
    public static func facts(_ text: String, path: String, fileExtension: String, userUnit: Bool, dropIn: Bool = false) -> Facts? {
        guard let section = sections[fileExtension] else { return nil }
        let allEntries = SystemdUnit.entries(text)
        guard allEntries.contains(where: { $0.section == section }) || text.contains("[\(section)]") else { return nil }
        let entries = allEntries.filter { $0.section == section }
        let components = path.split(separator: "/").map(String.init)
        let fileName = components.last ?? path
        // a drop-in changes the unit its folder is named for (`web.container.d/10-sock.conf`)
        let unitName = dropIn && components.count > 1
            ? "\(components[components.count - 2].dropLast(2)) (drop-in \(fileName))" : fileName
        let kind = section.lowercased()
        let headerLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.trimming(" \t\r") == "[\(section)]" }.map { $0 + 1 } ?? 1
        var spec = ContainerSpec(
            name: unitName, subject: "Quadlet \(kind) \(unitName)",
            location: SourceLocation(path: path, line: headerLine, column: 1), dialect: .quadlet)
        // A pod or a kube unit states only what it adds to the containers it holds.
        spec.isComplete = section == "Container" && !dropIn
        let runtimeFolder = userUnit ? "${XDG_RUNTIME_DIR}" : "/run"

        for entry in entries {
            let written = entry.value.text.trimming(" \t")
            let (line, column) = entry.value.position(0)
            let spelling = "\(entry.key)=\(written)"
            func flag(_ name: String, _ value: String) -> ShellWord {
                ShellWord("--\(name)=\(value)", line: line, column: column)
            }
            func apply(_ words: [ShellWord], spelling: @escaping (String) -> String) {
                RunArgumentList.apply(words, to: &spec, path: path, spelling: spelling)
            }
            switch entry.key {
            case "Image", "Yaml", "Rootfs":
                if spec.image == nil || entry.key == "Image" { spec.image = written }
            case "ContainerName", "PodName":
                spec.name = written
                spec.subject = "Quadlet \(kind) \(unitName) (\(written))"
            case "PodmanArgs":
                apply(ShellScript.words(entry.value)) { "PodmanArgs=\($0)" }
            case "Exec":
                spec.command += ShellScript.words(entry.value).map { $0.setting(in: path) }
            case "SecurityLabelType":
                apply([flag("security-opt", "label=type:\(written)")]) { _ in spelling }
            case "SecurityLabelDisable":
                if isTrue(written) { apply([flag("security-opt", "label=disable")]) { _ in spelling } }
            case "NoNewPrivileges":
                apply([flag("security-opt", "no-new-privileges=\(isTrue(written))")]) { _ in spelling }
            case "ReadOnly":
                apply([flag("read-only", String(isTrue(written)))]) { _ in spelling }
            case let key where flags[key] != nil:
                let value = written.replacingRuntimeFolder(with: runtimeFolder)
                apply([flag(flags[key]!, value)]) { _ in spelling }
            case let key where listFlags[key] != nil:
                for word in ShellScript.words(entry.value) {
                    apply([ShellWord("--\(listFlags[key]!)=\(word.text)", line: word.line, column: word.column)]) { _ in
                        "\(key)=\(word.text)"
                    }
                }
            default:
                break
            }
        }
        if section == "Container" {
            applyServiceLimits(allEntries.filter { $0.section == "Service" }, to: &spec, path: path)
        }
        if spec.image == nil, section == "Container", !dropIn { return Facts() }
        spec.sharedSubject = spec.subject
        return Facts(containers: [spec])
    }

    /// systemd resource controls of the unit and the limit each is: Quadlet runs the container with
    /// `--cgroups=split`, inside the service's own cgroup, so the service's limits bound it.
    static func serviceLimit(_ key: String) -> WritableKeyPath<ContainerSpec, Setting<String>?>? {
        switch key {
        case "MemoryMax", "MemoryLimit": \.memoryLimit
        case "CPUQuota": \.cpuLimit
        case "TasksMax": \.pidsLimit
        default: nil
        }
    }

    /// A `[Service]` `MemoryMax=`, `CPUQuota=` or `TasksMax=` is the container's limit, unless it is
    /// `infinity` or empty (no limit); a limit the `[Container]` section sets itself is kept.
    static func applyServiceLimits(_ entries: [SystemdUnit.Entry], to spec: inout ContainerSpec, path: String) {
        for entry in entries {
            guard let keyPath = serviceLimit(entry.key), spec[keyPath: keyPath] == nil else { continue }
            let written = entry.value.text.trimming(" \t")
            guard !written.isEmpty, written.lowercased() != "infinity" else { continue }
            let (line, column) = entry.value.position(0)
            spec[keyPath: keyPath] = Setting(
                written, at: SourceLocation(path: path, line: line, column: column), spelling: "[Service] \(entry.key)=\(written)")
        }
    }

    /// systemd's boolean spellings.
    static func isTrue(_ value: String) -> Bool {
        ["1", "yes", "y", "true", "t", "on"].contains(value.lowercased())
    }
}

extension String {
    /// `%t` (the unit's runtime folder) expanded; `%%` is a literal `%`.
    fileprivate func replacingRuntimeFolder(with folder: String) -> String {
        guard contains("%") else { return self }
        var result = ""
        var iterator = makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "t": result += folder
            case "%": result.append("%")
            case let other?: result += "%" + String(other)
            case nil: result.append("%")
            }
        }
        return result
    }
}

extension ContainerDialect {
    /// Quadlet `[Container]` keys.
    public static let quadlet = ContainerDialect(
        dropAllCapabilities: "DropCapability=all",
        noNewPrivileges: "NoNewPrivileges=true",
        readOnlyRoot: "ReadOnly=true",
        nonRootUser: "User=1000 (any non-zero UID)",
        memoryLimit: "Memory=512M (Podman 5.5 and later), PodmanArgs=--memory=512m or [Service] MemoryMax=512M",
        cpuLimit: "PodmanArgs=--cpus=1 or [Service] CPUQuota=100%",
        pidsLimit: "PidsLimit= or [Service] TasksMax=")
}
