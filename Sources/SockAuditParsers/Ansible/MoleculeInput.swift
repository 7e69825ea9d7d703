import SockAuditCore

/// Molecule scenarios (`molecule/NAME/molecule.yml`): with the docker or podman driver, each
/// `platforms` entry is a test container created from the entry's keys (`privileged`, `volumes`,
/// `capabilities`, `security_opts`, `command`, `user`, `memory`, …; the docker driver passes them to
/// `docker_container` unchanged). Another driver (delegated, a cloud, Vagrant) makes no containers.
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
        for platform in platforms where platform.isMapping {
            let name = platform["name"]?.string ?? "instance"
            containers.append(AnsibleContainerAdapter.container(
                platform, module: .moleculePlatform, name: name,
                subject: "platform \"\(name)\" of Molecule scenario \"\(scenario)\"", location: platform.location(in: file.path)))
        }
        return Facts(containers: containers)
    }
}
