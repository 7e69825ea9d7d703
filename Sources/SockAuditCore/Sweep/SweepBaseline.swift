/// A sweep's comparison with its baseline, settled over all its parts. Each part matched the
/// baseline against its own findings only, so an entry whose fingerprint several repositories share
/// may have been matched in several parts, and each part lists as fixed every entry it did not
/// match itself (a baseline's paths do not say which repository an entry came from).
enum SweepBaseline {
    /// Un-marks the matches a single scan would not have made (it marks, per fingerprint, the first
    /// findings in report order, as many as the baseline recorded) and returns the entries no part
    /// matched. `findings` are the merged findings in report order; `format` the baseline's, nil
    /// without one.
    static func settle(_ findings: inout [Finding], parts: [SweepMerge.Part], format: String?) -> [BaselineEntry] {
        guard let format, let first = parts.first else { return [] }
        // What the baseline recorded under each key: what any one part matched plus what it did not.
        var recorded: [String: Int] = [:]
        for entry in first.summary.fixedSinceBaseline { recorded[entry.fingerprint, default: 0] += 1 }
        for finding in first.findings where finding.isBaselined { recorded[Baseline.key(of: finding, format: format), default: 0] += 1 }

        var matched: [String: Int] = [:]
        for index in findings.indices where findings[index].isBaselined {
            let key = Baseline.key(of: findings[index], format: format)
            matched[key, default: 0] += 1
            if matched[key, default: 0] > recorded[key, default: 0] { findings[index].isBaselined = false }
        }

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
