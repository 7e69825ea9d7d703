import SockAuditCore

/// The one summary line printed on standard error at the end of a scan.
enum Summary {
    static func line(_ result: ScanResult) -> String {
        line(result.summary)
    }

    static func line(_ result: ScanSummary) -> String {
        let total = result.filesScanned.values.reduce(0, +)
        let kinds = result.filesScanned.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        var text = "sockaudit: " + (result.shard.map { "shard \($0) of a sweep: " } ?? "") + "scanned \(total) file\(total == 1 ? "" : "s")"
        if !kinds.isEmpty { text += " (\(kinds.joined(separator: ", ")))" }
        for (engine, count) in result.chartsRendered.sorted(by: { $0.key < $1.key }) {
            text += ", \(count) Helm chart\(count == 1 ? "" : "s") rendered by \(engine)"
        }
        for (engine, count) in result.overlaysBuilt.sorted(by: { $0.key < $1.key }) {
            text += ", \(count) Kustomize overlay\(count == 1 ? "" : "s") built by \(engine)"
        }
        text += ", \(result.filesSkipped) not in scope; " + findings(result)
        return text
    }

    /// `findings: 0 critical, 1 high, ...` with suppressed, baselined and fixed counts.
    static func findings(_ result: ScanResult) -> String {
        findings(result.summary)
    }

    static func findings(_ result: ScanSummary) -> String {
        var text = "findings:"
        let counts = Severity.allCases.reversed().map { "\(result.tally.active($0)) \($0.rawValue)" }
        text += " " + counts.joined(separator: ", ")
        let suppressed = result.tally.suppressed
        let baselined = result.tally.baselined
        var notes: [String] = []
        if suppressed > 0 { notes.append("\(suppressed) suppressed") }
        if baselined > 0 { notes.append("\(baselined) in baseline") }
        if !result.fixedSinceBaseline.isEmpty { notes.append("\(result.fixedSinceBaseline.count) fixed since baseline") }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        let links = result.linksNotFollowed.count
        if links > 0 { text += "; \(links) symbolic link\(links == 1 ? "" : "s") not followed" }
        let patches = result.patchesNotJudged
        if !patches.isEmpty {
            let shown = patches.prefix(3).joined(separator: ", ") + (patches.count > 3 ? ", ..." : "")
            text += "; \(patches.count) Kustomize patch\(patches.count == 1 ? "" : "es") not judged on \(patches.count == 1 ? "its" : "their") own (\(shown))"
        }
        let unscanned = result.tally.activeUnscannable
        if unscanned > 0 { text += "; scan incomplete: \(unscanned) not scanned (SA901)" }
        return text
    }
}
