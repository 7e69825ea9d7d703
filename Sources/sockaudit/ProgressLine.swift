import Foundation
import SockAuditScanner

/// The progress line on a terminal's standard error: redrawn at most ten times a second, erased
/// before the summary. Never drawn into a pipe or a CI log.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A progress reporter when standard error is a terminal and the user did not ask for quiet.
    static func make(quiet: Bool) -> (ProgressLine, ScanProgress)? {
        guard !quiet, Terminal.isTTY(STDERR_FILENO), Terminal.allowsEscapes(ProcessInfo.processInfo.environment) else { return nil }
        let line = ProgressLine()
        return (line, ScanProgress { line.draw($0) })
    }

    func draw(_ snapshot: ScanProgress.Snapshot) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || snapshot.filesDone == snapshot.filesFound else { return }
        lastDraw = now
        drawn = true
        let text = "sockaudit: \(snapshot.filesDone)/\(snapshot.filesFound) files, \(snapshot.findings) findings"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func erase() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
