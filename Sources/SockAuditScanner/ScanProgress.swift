import Foundation

/// Counts files and findings while a scan runs, for a progress line; reports through a callback
/// that the CLI throttles and draws only on a terminal.
public final class ScanProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var filesDone: Int
        public var filesFound: Int
        public var findings: Int
    }

    private let lock = NSLock()
    private var snapshot = Snapshot(filesDone: 0, filesFound: 0, findings: 0)
    private let report: @Sendable (Snapshot) -> Void

    public init(report: @escaping @Sendable (Snapshot) -> Void) {
        self.report = report
    }

    func found(_ files: Int) {
        update { $0.filesFound += files }
    }

    func done(findings: Int) {
        update {
            $0.filesDone += 1
            $0.findings += findings
        }
    }

    private func update(_ change: (inout Snapshot) -> Void) {
        lock.lock()
        change(&snapshot)
        let current = snapshot
        lock.unlock()
        report(current)
    }
}
