import ArgumentParser
import SockAuditCore

/// The exit code of a scan, from its result. An incomplete scan is never reported as a clean one.
enum ScanExit {
    static let incomplete = ExitCode(3)
    static let unscannable = "SA901"

    /// nil for success (0); 1 when a finding other than SA901 reaches the threshold; else 3 when
    /// an active SA901 says a file in scope was not scanned.
    static func code(_ result: ScanResult, threshold: Severity) -> ExitCode? {
        let active = result.activeFindings
        if active.contains(where: { $0.ruleID != unscannable && $0.severity >= threshold }) { return ExitCode(1) }
        if active.contains(where: { $0.ruleID == unscannable }) { return incomplete }
        return nil
    }
}
