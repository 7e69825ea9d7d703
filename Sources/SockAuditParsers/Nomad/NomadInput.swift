import SockAuditCore

extension InputKind {
    /// Nomad job specifications in HCL.
    public static let nomad = InputKind("nomad", group: .infrastructure)
}

/// Nomad job files, read by the HCL parser: `*.nomad` and `*.nomad.hcl` by name; nomad-pack's
/// `*.nomad.tpl` and Levant templates with their `[[ … ]]` actions (and a Terraform template's
/// `%{ if }` lines) set aside; and any other `.hcl`
/// file that opens a top-level `job` block (`nomad/jobs/web.hcl`), which the agent-configuration
/// input would otherwise take for a configuration by its path.
public struct NomadInput: TextInput {
    public init() {}

    public let kind = InputKind.nomad

    public func claims(_ file: SourceFile) -> Bool {
        if NomadJobFile.isJobName(file) { return true }
        return file.pathExtension == "hcl" && !NomadJobFile.isOtherToolHCL(file.name) && NomadJobFile.opensJob(file.bytes)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        do {
            let root = try NomadJobFile.tree(text, path: file.path)
            let module = NomadJobFile.module(path: file.path, root: root)
            // A dev setup may declare the client's host volumes in the job's own file.
            let hostVolumes = NomadAgentConfig.merging(
                NomadAgentConfig.hostVolumes(in: root, path: file.path), into: context.nomadHostVolumes)
            return Facts(containers: NomadJobAdapter.containers(in: module, hostVolumes: hostVolumes))
        } catch {
            return Facts(unscannable: [UnscannableFile(error.in(file.path))])
        }
    }
}

/// What marks a file as a Nomad job, and how its text becomes a tree.
public enum NomadJobFile {
    /// `*.nomad`, `*.nomad.hcl`, and nomad-pack's `*.nomad.tpl`.
    static func isJobName(_ file: SourceFile) -> Bool {
        file.pathExtension == "nomad" || file.name.hasSuffix(".nomad.hcl") || file.name.hasSuffix(".nomad.tpl")
    }

    /// `.hcl` files of other tools, never a Nomad job: Packer templates and Terragrunt.
    static func isOtherToolHCL(_ name: String) -> Bool {
        name.hasSuffix(".pkr.hcl") || name == "terragrunt.hcl" || name == ".terraform.lock.hcl"
    }

    /// Whether a line of the file opens a top-level `job` block: `job "web" {` at the start of a
    /// line (a template's `job [[ template "job_name" . ]] {` too).
    static func opensJob(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 4 < bytes.count {
            if bytes[index] == UInt8(ascii: "j"), bytes[index + 1] == UInt8(ascii: "o"), bytes[index + 2] == UInt8(ascii: "b"),
               index == 0 || bytes[index - 1] == UInt8(ascii: "\n") {
                var next = index + 3
                var spaced = false
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
                    next += 1
                    spaced = true
                }
                if next < bytes.count, bytes[next] == UInt8(ascii: "\"") || (spaced && bytes[next] == UInt8(ascii: "[")) { return true }
            }
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            index = newline + 1
        }
        return false
    }

    /// The file's tree. A template's `[[ … ]]` actions are set aside first for `*.nomad.tpl`; any
    /// other file is read as written, and set aside only when it does not parse (in HCL `[[` also
    /// opens a nested list), with the first error reported when neither reads.
    static func tree(_ text: String, path: String) throws(ParseError) -> Node {
        if path.hasSuffix(".tpl"), let plain = NomadTemplateActions.setAside(text) {
            return try TerraformModule.tree(hcl: plain)
        }
        do {
            return try TerraformModule.tree(hcl: text)
        } catch {
            guard let plain = NomadTemplateActions.setAside(text), plain != text,
                  let root = try? TerraformModule.tree(hcl: plain) else { throw error }
            return root
        }
    }

    /// The job's module: `variable "x" { default }` as in Terraform, and Nomad's own
    /// `variables { x = default }` block.
    static func module(path: String, root: Node) -> TerraformModule {
        var module = TerraformModule(path: path, root: root)
        for body in TerraformBlocks.bodies("variables", in: root) {
            for pair in body.pairs ?? [] {
                guard let name = pair.key.string, module.variables[name] == nil else { continue }
                module.variables[name] = pair.value
            }
        }
        return module
    }
}
