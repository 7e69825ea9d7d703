/// A Kubernetes Pod around the part of its spec an example is about. The header lines are the
/// same in every pod example; written once here, the rule files keep only what differs.
enum PodDocument {
    /// `spec` is written as it sits under `spec:`, without its indentation.
    static func pod(name: String = "p", spec: String) -> String {
        let body = spec.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name)}\nspec:\n\(body)"
    }
}

extension PodDocument {
    /// A `DaemonSet` or `Deployment` whose pod template has `spec`, labelled and selected by its name.
    static func workload(_ kind: String, name: String, spec: String) -> String {
        let body = spec.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "      " + $0 }
            .joined(separator: "\n")
        return """
            apiVersion: apps/v1
            kind: \(kind)
            metadata: {name: \(name)}
            spec:
              selector: {matchLabels: {app: \(name)}}
              template:
                metadata: {labels: {app: \(name)}}
                spec:
            \(body)
            """
    }
}
