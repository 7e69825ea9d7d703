import SockAuditCore

/// A host volume a Nomad client declares in its agent configuration
/// (`client { host_volume "docker-sock" { path = "/var/run/docker.sock" read_only = false } }`): a
/// job names it (`volume "v" { type = "host" source = "docker-sock" }`), and only the client says
/// which host path that is.
public struct NomadHostVolume: Hashable, Sendable {
    public var name: String
    /// The host path, at the `path` attribute of the client's file.
    public var path: Setting<String>
    public var readOnly: Bool

    public init(name: String, path: Setting<String>, readOnly: Bool) {
        self.name = name
        self.path = path
        self.readOnly = readOnly
    }
}

/// Nomad agent configuration files (`/etc/nomad.d/client.hcl`, `nomad/agent.hcl`, `nomad.hcl`):
/// HCL files whose path says Nomad, or named `client*.hcl`, with a top-level `client` block.
public enum NomadAgentConfig {
    /// Claimed by the path alone, so the scanner can read these first: an `.hcl` file (not a job
    /// file, a Packer template or a Terragrunt file) under a folder or with a name that says
    /// `nomad`, or named `client*.hcl`.
    public static func isConfigPath(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        guard name.hasSuffix(".hcl"), !name.hasSuffix(".nomad.hcl"), !name.hasSuffix(".pkr.hcl"), name != "terragrunt.hcl" else { return false }
        return TextSearch.contains(path.lowercased(), "nomad") || name.hasPrefix("client")
    }

    /// Whether the file's path says Nomad, so a file that does not parse is one (SA901).
    static func saysNomad(_ path: String) -> Bool {
        TextSearch.contains(path.lowercased(), "nomad")
    }

    /// Whether the file has a block only a Nomad agent configuration has (`client { }`,
    /// `server { }`, `plugin "docker" { }`); a Consul or Vault `client.hcl` has none (Consul's
    /// `server = true` is an attribute), nor has a Nomad file of only shared settings.
    static func isAgentConfig(_ root: Node) -> Bool {
        ["client", "server", "plugin"].contains { !TerraformBlocks.bodies($0, in: root).isEmpty }
    }

    /// Every `client { host_volume "NAME" { path, read_only } }` of the file.
    public static func hostVolumes(in root: Node, path: String) -> [NomadHostVolume] {
        let scope = TerraformScope(module: TerraformModule(path: path, root: root))
        var volumes: [NomadHostVolume] = []
        for client in TerraformBlocks.bodies("client", in: root) {
            for volume in TerraformBlocks.labeled("host_volume", labels: 1, in: client) {
                let attributes = TerraformAttributes(body: volume.body, scope: scope)
                guard let hostPath = attributes.text("path"), hostPath.value.hasPrefix("/") else { continue }
                volumes.append(NomadHostVolume(
                    name: volume.labels[0], path: hostPath, readOnly: attributes.bool("read_only")?.value ?? false))
            }
        }
        return volumes
    }

    /// The host volumes of the agent configuration files among `files` (path, bytes), by name,
    /// read before the jobs so a job's `volume_mount` is judged with its file. A file that cannot
    /// be read, decoded or parsed declares nothing (its own scan reports it).
    public static func catalogue(_ files: [(path: String, bytes: [UInt8])]) -> [String: [NomadHostVolume]] {
        var byName: [String: [NomadHostVolume]] = [:]
        for file in files {
            guard case .success(let text) = TextDecoding.decode(file.bytes),
                  let root = try? TerraformModule.tree(hcl: TextDecoding.unixLineEnds(text)) else { continue }
            for volume in hostVolumes(in: root, path: file.path) { byName[volume.name, default: []].append(volume) }
        }
        return byName.mapValues { $0.sorted { ($0.path.location.path, $0.path.location.line) < ($1.path.location.path, $1.path.location.line) } }
    }
}

extension InputKind {
    /// Nomad agent (client) configurations: read for the host volumes jobs mount.
    public static let nomadAgent = InputKind("nomad-agent", group: .infrastructure)
}

/// A Nomad agent configuration, claimed by path (`NomadAgentConfig.isConfigPath`). It holds no
/// container of its own; its `host_volume`s are joined to the jobs that mount them.
public struct NomadAgentInput: TextInput {
    public init() {}

    public let kind = InputKind.nomadAgent

    public func claims(_ file: SourceFile) -> Bool {
        NomadAgentConfig.isConfigPath(file.path)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        do {
            let root = try TerraformModule.tree(hcl: text)
            return NomadAgentConfig.isAgentConfig(root) ? Facts() : nil
        } catch {
            return NomadAgentConfig.saysNomad(file.path) ? Facts(unscannable: [UnscannableFile(error.in(file.path))]) : nil
        }
    }
}
