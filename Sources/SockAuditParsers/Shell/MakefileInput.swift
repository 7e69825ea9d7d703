import SockAuditCore

/// `Makefile`, `makefile`, `GNUmakefile`, `*.mk`: recipe lines are shell, after make's own expansion.
public struct MakefileInput: TextInput {
    public init() {}

    public let kind = InputKind.makefile

    public func claims(_ file: SourceFile) -> Bool {
        ["Makefile", "makefile", "GNUmakefile"].contains(file.name) || file.pathExtension == "mk"
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let (source, variables) = MakefileRecipes.script(text)
        return ShellFacts.facts(from: ShellScript.parse(source, alternatives: variables), path: file.path)
    }
}
