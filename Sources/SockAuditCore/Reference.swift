/// A framework mapping or further reading for a rule, kept as data so reporters can render it.
public enum Reference: Hashable, Sendable, Codable {
    /// A CIS Docker Benchmark item, with the benchmark version that numbers it that way.
    case cisDocker(String, benchmark: String)
    /// A Kubernetes Pod Security Standards control ("Baseline: Host Namespaces").
    case podSecurity(String)
    case url(String)

    public var text: String {
        switch self {
        case .cisDocker(let item, let version): "CIS Docker Benchmark v\(version) \(item)"
        case .podSecurity(let control): "Kubernetes Pod Security Standards: \(control)"
        case .url(let url): url
        }
    }
}
