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

/// Nomad agent configuration files (`/etc/nomad.d/client.hcl`, `nomad/agent.hcl`, `nomad.hcl`,
/// and the same in HCL's JSON syntax, `/etc/nomad.d/client.json`): HCL files whose path says Nomad,
/// or named `client*.hcl`, and JSON files whose path says Nomad, with a top-level `client` block.
public enum NomadAgentConfig {
    /// Claimed by the path alone, so the scanner can read these first: an `.hcl` file (not a job
    /// file, a Packer template or a Terragrunt file) under a folder or with a name that says
    /// `nomad`, or named `client*.hcl`; a `.json` file (not a job file) whose path says `nomad`.
    public static func isConfigPath(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if name.hasSuffix(".json") {
            return !name.hasSuffix(".nomad.json") && TextSearch.contains(path.lowercased(), "nomad")
        }
        guard name.hasSuffix(".hcl"), !name.hasSuffix(".nomad.hcl"), !NomadJobFile.isOtherToolHCL(name) else { return false }
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

    /// Every `client { host_volume "NAME" { path, read_only } }` of the file. A path is absolute,
    /// or led by a variable a template fills in (`${data_dir}/docker.sock`): unresolved, so it is
    /// judged by its basename only.
    public static func hostVolumes(in root: Node, path: String) -> [NomadHostVolume] {
        let scope = TerraformScope(module: TerraformModule(path: path, root: root))
        var volumes: [NomadHostVolume] = []
        for client in TerraformBlocks.bodies("client", in: root) {
            for volume in TerraformBlocks.labeled("host_volume", labels: 1, in: client) {
                let attributes = TerraformAttributes(body: volume.body, scope: scope)
                guard let hostPath = attributes.text("path"), hostPath.value.hasPrefix("/") || hostPath.value.hasPrefix("$") else { continue }
                volumes.append(NomadHostVolume(
                    name: volume.labels[0], path: hostPath, readOnly: attributes.bool("read_only")?.value ?? false))
            }
        }
        return volumes
    }

    /// The Nomad client is itself a Docker client: the docker plugin's `endpoint` (the older
    /// `client { options { "docker.endpoint" } }`), on `tcp://` without the plugin's `tls` block
    /// (`docker.tls.*` options), talks to the daemon over plain TCP (SA104). Without an endpoint the
    /// plugin uses the local socket.
    public static func dockerEndpoints(in root: Node, path: String) -> [ClientEndpoint] {
        let scope = TerraformScope(module: TerraformModule(path: path, root: root))
        var endpoints: [ClientEndpoint] = []
        for plugin in TerraformBlocks.labeled("plugin", labels: 1, in: root) where plugin.labels[0] == "docker" {
            for config in TerraformAttributes(body: plugin.body, scope: scope).blocks("config") {
                guard let endpoint = config.text("endpoint"), endpoint.value.lowercased().hasPrefix("tcp://") else { continue }
                let tls = config.blocks("tls").contains { block in ["cert", "key", "ca"].contains { block.body.keyNode($0) != nil } }
                endpoints.append(ClientEndpoint(address: endpoint, usesTLS: tls, subject: "the Nomad client's plugin \"docker\""))
            }
        }
        for client in TerraformBlocks.bodies("client", in: root) {
            for options in TerraformAttributes(body: client, scope: scope).blocks("options") {
                guard let endpoint = options.text("docker.endpoint"), endpoint.value.lowercased().hasPrefix("tcp://") else { continue }
                let tls = ["docker.tls.cert", "docker.tls.key", "docker.tls.ca"].contains { options.body.keyNode($0) != nil }
                endpoints.append(ClientEndpoint(address: endpoint, usesTLS: tls, subject: "the Nomad client's options"))
            }
        }
        return endpoints
    }

    /// The host volumes of the agent configuration files among `files` (path, bytes), by name,
    /// read before the jobs so a job's `volume_mount` is judged with its file. A file that cannot
    /// be read, decoded or parsed declares nothing (its own scan reports it).
    public static func catalogue(_ files: [(path: String, bytes: [UInt8])]) -> [String: [NomadHostVolume]] {
        var byName: [String: [NomadHostVolume]] = [:]
        for file in files {
            guard case .success(let text) = TextDecoding.decode(file.bytes), let root = tree(text, path: file.path) else { continue }
            byName = merging(hostVolumes(in: root, path: file.path), into: byName)
        }
        return byName
    }

    /// A configuration's tree: HCL (a template's actions set aside when it does not parse as
    /// written, as for jobs), or HCL's JSON syntax for a `.json` file.
    static func tree(_ text: String, path: String) -> Node? {
        if path.lowercased().hasSuffix(".json") { return try? JSONParser.parse(text) }
        return try? NomadJobFile.tree(TextDecoding.unixLineEnds(text), path: path)
    }

    /// `volumes` added to a catalogue, each declaration once (a file both read first as a
    /// configuration and then as a job is counted once), sorted by where it is declared.
    public static func merging(_ volumes: [NomadHostVolume], into catalogue: [String: [NomadHostVolume]]) -> [String: [NomadHostVolume]] {
        var byName = catalogue
        for volume in volumes where !(byName[volume.name] ?? []).contains(where: { $0.path.location == volume.path.location }) {
            byName[volume.name, default: []].append(volume)
            byName[volume.name]?.sort { ($0.path.location.path, $0.path.location.line) < ($1.path.location.path, $1.path.location.line) }
        }
        return byName
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
        // Asked of every file of a sweep: the extension first, the path's words only after it.
        (file.pathExtension == "hcl" || file.pathExtension == "json") && NomadAgentConfig.isConfigPath(file.path)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        do {
            let root = try NomadJobFile.tree(text, path: file.path)
            return NomadAgentConfig.isAgentConfig(root) ? Facts(clients: NomadAgentConfig.dockerEndpoints(in: root, path: file.path)) : nil
        } catch {
            return NomadAgentConfig.saysNomad(file.path) ? Facts(unscannable: [UnscannableFile(error.in(file.path))]) : nil
        }
    }
}

/// A Nomad agent configuration in HCL's JSON syntax (`/etc/nomad.d/client.json`:
/// `{"client": {"host_volume": {"docker-sock": {"path": "/var/run/docker.sock"}}}}`), claimed by a
/// path that says Nomad; like the HCL one it holds no container of its own.
public struct NomadAgentJSONInput: DocumentInput {
    public init() {}

    public let kind = InputKind.nomadAgent

    public func claims(_ file: SourceFile, text: String) -> Bool {
        file.pathExtension == "json" && NomadAgentConfig.isConfigPath(file.path)
            && (TextSearch.contains(text, "\"client\"") || TextSearch.contains(text, "\"server\"") || TextSearch.contains(text, "\"plugin\""))
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        let configurations = documents.filter { $0.isMapping && $0["Job"] == nil && $0["job"] == nil && NomadAgentConfig.isAgentConfig($0) }
        guard !configurations.isEmpty else { return nil }
        return Facts(clients: configurations.flatMap { NomadAgentConfig.dockerEndpoints(in: $0, path: file.path) })
    }
}
