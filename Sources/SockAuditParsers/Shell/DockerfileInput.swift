import SockAuditCore

/// `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*`: `RUN` lines are commands.
public struct DockerfileInput: TextInput {
    public init() {}

    public let kind = InputKind.dockerfile

    public func claims(_ file: SourceFile) -> Bool {
        let name = file.name.lowercased()
        if name == "dockerfile" || name == "containerfile" || name.hasSuffix(".dockerfile") { return true }
        // `Dockerfile.prod`, but not `dockerfile.go` or `Dockerfile.md`
        return (name.hasPrefix("dockerfile.") || name.hasPrefix("containerfile.")) && !TextInputs.sourceOrDocument(file)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        ShellFacts.facts(from: DockerfileInstructions.script(text), path: file.path)
    }
}
