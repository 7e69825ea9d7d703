import SockAuditCore

extension InputKind {
    /// CloudFormation templates (YAML or JSON), for the resources that declare containers.
    public static let cloudFormation = InputKind("cloudformation", group: .infrastructure)
}

/// CloudFormation templates: every `AWS::ECS::TaskDefinition` resource (`ContainerDefinitions`,
/// `Volumes[].Host.SourcePath`, `NetworkMode`, `PidMode`, `IpcMode`, `Memory`, `Cpu`). Intrinsic
/// functions, in the long form (`{"Ref": …}`) or the YAML short form (`!Ref Name`, kept on the node
/// as its tag), are read by `CloudFormationIntrinsic`: unresolved, never the text they contain.
public struct CloudFormationInput: DocumentInput {
    public init() {}

    public let kind = InputKind.cloudFormation

    public func claims(_ file: SourceFile, text: String) -> Bool {
        TextSearch.contains(text, "AWS::ECS::TaskDefinition")
    }

    /// A template (its format version or `Resources` at the top) that names a task definition
    /// (the claim above) and broke before its `Resources` could be read is still in scope.
    public func claimsUnparsed(surviving documents: [Node], file: SourceFile) -> Bool {
        documents.contains { $0["AWSTemplateFormatVersion"] != nil || $0["Resources"] != nil }
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        var facts = Facts()
        var found = false
        for document in documents {
            for resource in document["Resources"]?.pairs ?? [] {
                guard resource.value["Type"]?.string == "AWS::ECS::TaskDefinition", let name = resource.key.string else { continue }
                found = true
                guard let properties = resource.value["Properties"], let containers = properties["ContainerDefinitions"] else { continue }
                var task = ECSTaskDefinition(path: file.path, owner: name, location: resource.key.location(in: file.path))
                task.capitalized = true
                task.readVolumes(properties["Volumes"])
                task.readTaskSettings(properties)
                facts.containers += task.containers(containers)
            }
        }
        return found ? facts : nil
    }
}
