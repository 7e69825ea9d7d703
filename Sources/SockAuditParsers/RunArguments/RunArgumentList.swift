import SockAuditCore

/// A `docker run` argument list written as data rather than as a command line: a dev container's
/// `runArgs`, a Quadlet `PodmanArgs=`, a runner's `--docker-*` flags. The words go through the one
/// `docker run` flag reader, and each setting's spelling names the input's own key, so a message
/// reads `runArgs: --privileged` rather than a bare flag.
public enum RunArgumentList {
    /// Reads `words` (flags only, no program or image) into `spec`; settings the words make replace
    /// the spec's, lists are appended. `spelling` turns the flag as written into the message text.
    /// Returns the words left after the flags (an image or a stray word), which callers may ignore.
    @discardableResult
    public static func apply(
        _ words: [ShellWord], to spec: inout ContainerSpec, path: String, spelling: (String) -> String
    ) -> [ShellWord] {
        var read = ContainerSpec(
            name: "", subject: spec.subject, location: spec.location, dialect: spec.dialect)
        let rest = DockerRunCommand.apply(words, to: &read, path: path)
        merge(read, into: &spec, spelling: spelling)
        return rest
    }

    /// One flag with its value as one word (`--security-opt=seccomp=unconfined`) located at
    /// `location`: how a key that holds a flag's value (`securityOpt`, `capAdd`) is read.
    public static func apply(
        flag: String, value: String, at node: Node, to spec: inout ContainerSpec, path: String, spelling: String
    ) {
        apply([ShellWord("--\(flag)=\(value)", line: node.line, column: node.column)], to: &spec, path: path) { _ in spelling }
    }

    static func merge(_ read: ContainerSpec, into spec: inout ContainerSpec, spelling: (String) -> String) {
        func respelled<Value>(_ setting: Setting<Value>?) -> Setting<Value>? {
            setting.map { Setting($0.value, at: $0.location, spelling: spelling($0.spelling)) }
        }
        func respelled<Value>(_ settings: [Setting<Value>]) -> [Setting<Value>] {
            settings.map { Setting($0.value, at: $0.location, spelling: spelling($0.spelling)) }
        }
        if let value = respelled(read.privileged) { spec.privileged = value }
        spec.capabilitiesAdded += respelled(read.capabilitiesAdded)
        spec.capabilitiesDropped += respelled(read.capabilitiesDropped)
        if let value = respelled(read.seccomp) { spec.seccomp = value }
        if let value = respelled(read.appArmor) { spec.appArmor = value }
        if let value = respelled(read.seLinux) { spec.seLinux = value }
        if let value = respelled(read.noNewPrivileges) { spec.noNewPrivileges = value }
        if let value = respelled(read.readOnlyRootFilesystem) { spec.readOnlyRootFilesystem = value }
        if let value = respelled(read.user) { spec.user = value }
        if let value = respelled(read.hostPID) { spec.hostPID = value }
        if let value = respelled(read.hostNetwork) { spec.hostNetwork = value }
        if let value = respelled(read.hostIPC) { spec.hostIPC = value }
        if let value = respelled(read.hostUserNamespace) { spec.hostUserNamespace = value }
        if let value = respelled(read.memoryLimit) { spec.memoryLimit = value }
        if let value = respelled(read.cpuLimit) { spec.cpuLimit = value }
        if let value = respelled(read.pidsLimit) { spec.pidsLimit = value }
        spec.mounts += read.mounts.map { mount in
            var mount = mount
            mount.spelling = spelling(mount.spelling)
            return mount
        }
        spec.environment += respelled(read.environment)
        spec.publishedPorts += respelled(read.publishedPorts)
        spec.command += read.command
        if !read.name.isEmpty { spec.name = read.name }
    }

    /// The string items of a JSON or YAML sequence as words, each at its node.
    public static func words(_ node: Node?) -> [ShellWord] {
        (node?.sequence ?? []).compactMap { item in
            guard let text = item.string, !item.isNull else { return nil }
            return ShellWord(text, line: item.line, column: item.column)
        }
    }
}
