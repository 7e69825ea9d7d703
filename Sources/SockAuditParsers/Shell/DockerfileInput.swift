import SockAuditCore

/// `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*`:
/// `RUN` lines, and each stage's `ENTRYPOINT`/`CMD`, are commands.
public struct DockerfileInput: TextInput {
    public init() {}

    public let kind = InputKind.dockerfile

    public func claims(_ file: SourceFile) -> Bool {
        let name = file.name.lowercased()
        if name == "dockerfile" || name == "containerfile" || name.hasSuffix(".dockerfile") { return true }
        // `Dockerfile.prod`, `Dockerfile-dev`, `Dockerfile_arm64`, but not `dockerfile.go` or `Dockerfile.md`
        let named = ["dockerfile", "containerfile"].contains { stem in
            [".", "-", "_"].contains { name.hasPrefix(stem + $0) }
        }
        return named && !TextInputs.sourceOrDocument(file)
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        ShellFacts.facts(from: DockerfileInstructions.script(text), path: file.path)
    }
}
