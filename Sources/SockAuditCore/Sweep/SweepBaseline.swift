/// A sweep's comparison with its baseline, settled over all its parts. Each part matched the
/// baseline against its own findings only, so an entry whose fingerprint several repositories share
/// may have been matched in several parts, and each part lists as fixed every entry it did not
/// match itself (a baseline's paths do not say which repository an entry came from).
struct SweepBaseline {
    private let format: String?
    /// What the baseline recorded under each key: what any one part matched plus what it did not.
    private var recorded: [String: Int] = [:]
    private var matched: [String: Int] = [:]
    private let parts: [SweepMerge.Survey]

    /// `parts` with the baseline's format in their identity, nil without a baseline.
    init(parts: [SweepMerge.Survey]) {
        self.parts = parts
        format = parts.first?.identity.baselineFormat
        guard format != nil, let first = parts.first else { return }
        for entry in first.summary.fixedSinceBaseline { recorded[entry.fingerprint, default: 0] += 1 }
        recorded.merge(first.baselined, uniquingKeysWith: +)
    }

    /// Un-marks a match a single scan would not have made: it marks, per fingerprint, the first
    /// findings in report order, as many as the baseline recorded. Called in report order.
    mutating func settle(_ finding: inout Finding) {
        guard let format, finding.isBaselined else { return }
        let key = Baseline.key(of: finding, format: format)
        matched[key, default: 0] += 1
        if matched[key, default: 0] > recorded[key, default: 0] { finding.isBaselined = false }
    }

    /// The entries no part matched, once every finding is settled.
    func fixed() -> [BaselineEntry] {
        guard format != nil else { return [] }
        // The entries a key left unmatched are the last of its entries, as the matcher leaves them;
        // the part that matched least lists the most of them.
        var unmatched: [String: [BaselineEntry]] = [:]
        for part in parts {
            for (key, entries) in Dictionary(grouping: part.summary.fixedSinceBaseline, by: \.fingerprint)
            where entries.count > unmatched[key]?.count ?? -1 {
                unmatched[key] = entries.sorted()
            }
        }
        var fixed: [BaselineEntry] = []
        for (key, entries) in unmatched {
            let total = recorded[key, default: 0]
            fixed += entries.suffix(total - min(total, matched[key, default: 0]))
        }
        return fixed.sorted()
    }
}
