import SockAuditCore

extension ScanResult {
    /// Findings in the documented order (path, line, column, rule ID) whatever order the result holds,
    /// ties kept in input order so equal inputs always give equal bytes.
    var reportOrder: [Finding] {
        findings.enumerated().sorted { a, b in
            if Finding.ordered(a.element, b.element) { return true }
            if Finding.ordered(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
