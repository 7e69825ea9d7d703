import SockAuditCore

/// GitLab CI: `.gitlab-ci.yml`, `*.gitlab-ci.yml` templates, and included YAML of that shape
/// (jobs with `script:`).
public struct GitLabCIInput: DocumentInput {
    public init() {}

    public let kind = InputKind.gitLabCI

    public func claims(_ file: SourceFile, text: String) -> Bool {
        let name = file.name.lowercased()
        return name.hasSuffix(".gitlab-ci.yml") || name.hasSuffix(".gitlab-ci.yaml") || name == ".gitlab-ci.yml"
            || (!TextSearch.contains(file.path, ".github/") && TextSearch.contains(text, "script:") && Self.jobKeys.contains { TextSearch.contains(text, $0) })
    }

    /// Keys that, next to `script:`, say a YAML file is a pipeline (an included CI file).
    static let jobKeys = ["stage:", "stages:", "image:", "services:", "rules:", "only:", "needs:", "extends:", "before_script:", "variables:"]

    public func facts(from documents: [Node], file: SourceFile, context: InputContext) -> Facts? {
        // A CI/CD component starts with a `spec:` header document; the jobs follow the `---`.
        // A file not named as a pipeline must have a pipeline's shape throughout.
        let named = claims(file, text: "")
        let pipelines = documents.filter { GitLabCIAdapter.isPipeline($0) && (named || !GitLabCIAdapter.hasForeignTopLevel($0)) }
        guard !pipelines.isEmpty, case .success(let text) = TextDecoding.decode(file.bytes) else { return nil }
        var facts = Facts()
        let lines = TextDecoding.unixLineEnds(text)
        for document in pipelines { facts.merge(GitLabCIAdapter.facts(from: document, path: file.path, text: lines)) }
        return facts
    }
}
