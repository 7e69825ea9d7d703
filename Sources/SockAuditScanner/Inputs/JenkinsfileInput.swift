import SockAuditCore
import SockAuditParsers

/// `Jenkinsfile`, `Jenkinsfile.*`, `*.jenkinsfile`, and `*.groovy` files that hold a pipeline.
struct JenkinsfileInput: TextInput {
    let kind = "jenkinsfile"

    func mayClaim(_ file: SourceFile) -> Bool {
        file.name == "Jenkinsfile" || (file.name.hasPrefix("Jenkinsfile.") && !TextInputs.sourceOrDocument(file))
            || file.pathExtension == "jenkinsfile"
            || file.pathExtension == "groovy"
    }

    func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        if file.pathExtension == "groovy" && !(TextSearch.contains(text, "pipeline") || TextSearch.contains(text, "node")) { return nil }
        var facts = Facts()
        for source in JenkinsfileSteps.sources(text) {
            facts.merge(ShellFacts.facts(from: source, path: file.path))
        }
        return facts
    }
}
