import SockAuditCore

/// Molecule scenarios (`molecule/NAME/molecule.yml`): with the docker or podman driver, each
/// `platforms` entry is a test container created from the entry's keys (`privileged`, `volumes`,
/// `capabilities`, `security_opts`, `command`, `user`, `memory`, …; the docker driver passes them to
/// `docker_container` unchanged, the podman driver to `podman_container`, each only the keys it
/// knows; the podman driver also passes `extra_opts` to `podman run` as flags). Another driver (delegated, a cloud, Vagrant) makes no containers.
public struct MoleculeInput: DocumentInput {
    public init() {}

    public let kind = InputKind.ansible

    public func claims(_ file: SourceFile, text: String) -> Bool {
        file.name == "molecule.yml" || file.name == "molecule.yaml"
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        guard let document = documents.first, let platforms = document["platforms"]?.sequence else { return nil }
        let driver = document["driver"]?["name"]?.string
        guard driver == "docker" || driver == "podman" || (driver == nil && platforms.contains { $0["image"] != nil }) else {
            return Facts()
        }
        let scenario = document["scenario"]?["name"]?.string ?? file.folderName
        var containers: [ContainerSpec] = []
        let passed = driver == "podman" ? Self.podmanKeys : Self.dockerKeys
        for platform in platforms where platform.isMapping {
            let name = platform["name"]?.string ?? "instance"
            var spec = AnsibleContainerAdapter.container(
                Self.keeping(passed, of: platform), module: .moleculePlatform, name: name,
                subject: "platform \"\(name)\" of Molecule scenario \"\(scenario)\"", location: platform.location(in: file.path))
            if driver == "podman" {
                // the podman driver appends `extra_opts` to `podman run` as they are (its `cmd_args`)
                RunArgumentList.apply(RunArgumentList.words(platform["extra_opts"]), to: &spec, path: file.path) { "extra_opts: \($0)" }
            }
            containers.append(spec)
        }
        return Facts(containers: containers)
    }

    /// The platform keys each driver hands to its container module (molecule-plugins' docker and
    /// podman `create.yml`). A key the driver does not pass on (Molecule 1's `cap_add` and
    /// `volume_mounts`, `read_only`, `ipc_mode`) changes nothing in the test container, so it is not read.
    static let dockerKeys: Set<String> = [
        "name", "image", "hostname", "command", "user", "memory", "privileged", "capabilities", "security_opts",
        "volumes", "mounts", "pid_mode", "network_mode", "published_ports", "env", "docker_host", "tls_verify",
        "cacert_path", "cert_path", "key_path",
    ]
    static let podmanKeys: Set<String> = [
        "name", "image", "hostname", "command", "privileged", "capabilities", "security_opts", "volumes", "pid_mode",
        "network", "published_ports", "env",
    ]

    static func keeping(_ keys: Set<String>, of platform: Node) -> Node {
        var result = platform
        result.content = .mapping((platform.pairs ?? []).filter { pair in pair.key.string.map(keys.contains) ?? false })
        return result
    }
}
