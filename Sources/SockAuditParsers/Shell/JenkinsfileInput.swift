import SockAuditCore

/// `Jenkinsfile` (any case), `Jenkinsfile.*`, `*.jenkinsfile`, and `*.groovy` files that hold a
/// pipeline: `sh` steps and docker agents as command lines, and the pod YAML of Kubernetes agents
/// as Kubernetes manifests.
public struct JenkinsfileInput: TextInput {
    public init() {}

    public let kind = InputKind.jenkinsfile

    public func claims(_ file: SourceFile) -> Bool {
        // `JenkinsFile` and `jenkinsfile` are as common in real repositories as `Jenkinsfile`
        let name = file.name.lowercased()
        return name == "jenkinsfile" || (name.hasPrefix("jenkinsfile.") && !TextInputs.sourceOrDocument(file))
            || file.pathExtension == "jenkinsfile"
            || file.pathExtension == "groovy"
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        if file.pathExtension == "groovy" && !(TextSearch.contains(text, "pipeline") || TextSearch.contains(text, "node")
            || TextSearch.contains(text, "podTemplate")) { return nil }
        var facts = Facts()
        for source in JenkinsfileSteps.sources(text) {
            facts.merge(ShellFacts.facts(from: source, path: file.path))
        }
        for yaml in JenkinsfileSteps.podYAML(text) {
            facts.merge(EmbeddedPodYAML.facts(yaml, path: file.path))
        }
        return facts
    }
}
