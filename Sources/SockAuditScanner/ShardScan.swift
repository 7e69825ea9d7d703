import SockAuditCore

extension ScanOptions {
    /// A stable hash of every setting that changes what a scan reports (not the shard, not the
    /// worker count): the parts of one sweep must share it, or their merge would describe no
    /// single scan. Today's date is part of it, since suppressions expire by it
    /// (`SOCKAUDIT_TODAY` pins it for a sweep that may cross midnight).
    public var settingsFingerprint: String {
        let configuration = self.configuration
        var parts: [String] = [
            "excludes=" + excludes.joined(separator: "\u{1E}"),
            "max-file-size=\(maxFileSize)",
            "env-files=" + envFiles.joined(separator: "\u{1E}"),
            "follow-symlinks=\(followSymlinks)",
            "suppress=\(honoursSuppressions)",
            "today=" + today,
            "rules=" + rules.map(\.description.id).joined(separator: ","),
            "disabled=" + configuration.disabledRules.sorted().joined(separator: ","),
            "severities=" + configuration.severities.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.rawValue)" }
                .joined(separator: ","),
            "config-excludes=" + configuration.excludes.joined(separator: "\u{1E}"),
            "config=" + (configuration.source ?? ""),
        ]
        for suppression in configuration.suppressions {
            parts.append(
                "suppression=" + [
                    suppression.paths.joined(separator: ","), suppression.rules.joined(separator: ","), suppression.reason,
                    suppression.expires ?? "", suppression.location.description,
                ].joined(separator: "\u{1E}"))
        }
        parts.append("baseline=" + (baseline?.entries.map(\.fingerprint).joined(separator: ",") ?? "none"))
        return StableHash.hex(parts.joined(separator: "\u{1F}"))
    }
}
