import SockAuditCore

/// Small judgements several rules share.
enum RuleSupport {
    /// Whether a user as written (`0`, `root`, `0:0`, `root:wheel`) is root.
    static func isRoot(_ user: String) -> Bool {
        let name = user.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? user
        return name == "0" || name == "root" || name.isEmpty
    }

    /// The usual CIS Docker Benchmark reference: section 5 numbers agree in v1.6.0 and v1.8.0.
    static func cis(_ item: String) -> [Reference] {
        [.cisDocker(item, benchmark: "1.6.0"), .cisDocker(item, benchmark: "1.8.0")]
    }
}
