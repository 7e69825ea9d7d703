import SockAuditCore

extension ScanResult {
    /// Findings in the documented order (path, line, column, rule ID) whatever order the result holds,
    /// ties kept in input order so equal inputs always give equal bytes.
    public var reportOrder: [Finding] {
        findings.enumerated().sorted { a, b in
            if Finding.ordered(a.element, b.element) { return true }
            if Finding.ordered(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}

extension ScanResult {
    /// A result carries no flag for "a baseline was given"; a baselined finding or a fixed entry shows it was.
    public var wasComparedWithBaseline: Bool {
        !fixedSinceBaseline.isEmpty || findings.contains(where: \.isBaselined)
    }
}

extension Finding {
    /// `path:line:col: severity ID slug: message`, as the text reporter prints it without colour.
    var headline: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue) \(ruleID) \(slug): \(message)"
    }
}
