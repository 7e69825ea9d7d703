import SockAuditCore

extension InputKind {
    /// Amazon ECS task definitions as JSON (and Elastic Beanstalk's multi-container `Dockerrun.aws.json`).
    public static let ecs = InputKind("ecs", group: .infrastructure)
}

/// ECS task definitions in JSON: what `aws ecs register-task-definition` reads (`family`,
/// `containerDefinitions`, `volumes`), what `describe-task-definition` prints (under
/// `taskDefinition`), and Elastic Beanstalk's `Dockerrun.aws.json` version 2. Claimed by the usual
/// names (`task-definition.json`, `taskdef.json`, `Dockerrun.aws.json`, any JSON in `.aws/`) or by a
/// `"containerDefinitions"` key.
public struct ECSInput: DocumentInput {
    public init() {}

    public let kind = InputKind.ecs

    static let names: Set<String> = ["task-definition.json", "taskdef.json", "Dockerrun.aws.json"]

    public func claims(_ file: SourceFile, text: String) -> Bool {
        guard file.pathExtension == "json" || file.path == "-" else { return false }
        return Self.names.contains(file.name) || file.folderName == ".aws" || TextSearch.contains(text, "\"containerDefinitions\"")
    }

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        var facts = Facts()
        var found = false
        for document in documents {
            let definition = document["taskDefinition"] ?? document
            guard let containers = definition["containerDefinitions"], containers.sequence != nil else { continue }
            found = true
            let family = definition["family"]?.string
            let owner = family.map { "task definition \"\($0)\"" } ?? "task definition in \(file.name)"
            var task = ECSTaskDefinition(path: file.path, owner: owner, location: definition.location(in: file.path))
            task.readVolumes(definition["volumes"])
            task.readTaskSettings(definition)
            facts.containers += task.containers(containers)
        }
        return found ? facts : nil
    }
}
