import SockAuditCore
import SockAuditParsers

/// `Makefile`, `makefile`, `GNUmakefile`, `*.mk`: recipe lines are shell.
struct MakefileInput: TextInput {
    let kind = "makefile"

    func mayClaim(_ file: SourceFile) -> Bool {
        ["Makefile", "makefile", "GNUmakefile"].contains(file.name) || file.pathExtension == "mk"
    }

    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let (source, variables) = MakefileRecipes.script(text)
        return ShellFacts.facts(from: source, path: file.path, variables: variables)
    }
}
