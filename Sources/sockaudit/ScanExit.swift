import ArgumentParser
import SockAuditCore

/// The exit code of a scan, from its result. An incomplete scan is never reported as a clean one.
enum ScanExit {
    static let incomplete = ExitCode(3)
    static let unscannable = "SA901"

    /// nil for success (0); 1 when a finding other than SA901 reaches the threshold; else 3 when
    /// an active SA901 says a file in scope was not scanned.
    static func code(_ result: ScanResult, threshold: Severity) -> ExitCode? {
        code(result.summary.tally, threshold: threshold)
    }

    static func code(_ tally: FindingTally, threshold: Severity) -> ExitCode? {
        if let worst = tally.worstActive, worst >= threshold { return ExitCode(1) }
        if tally.activeUnscannable > 0 { return incomplete }
        return nil
    }
}
