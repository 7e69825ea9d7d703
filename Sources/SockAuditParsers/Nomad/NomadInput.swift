import SockAuditCore

extension InputKind {
    /// Nomad job specifications in HCL.
    public static let nomad = InputKind("nomad", group: .infrastructure)
}

/// Nomad job files: `*.nomad` and `*.nomad.hcl`, claimed by name, read by the HCL parser.
public struct NomadInput: TextInput {
    public init() {}

    public let kind = InputKind.nomad

    public func claims(_ file: SourceFile) -> Bool {
        file.pathExtension == "nomad" || file.name.hasSuffix(".nomad.hcl")
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        do {
            let module = TerraformModule(path: file.path, root: try TerraformModule.tree(hcl: text))
            return Facts(containers: NomadJobAdapter.containers(in: module, hostVolumes: context.nomadHostVolumes))
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
    }
}
