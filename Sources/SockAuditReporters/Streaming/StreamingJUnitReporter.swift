#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SockAuditCore

/// JUnit written as the scan goes. Its counts sit on the opening tags, which JUnit readers take
/// them from, and are known only at the end: the test cases go to an anonymous temporary file as
/// they come (disk, not memory), and follow the header once the counts are known.
struct StreamingJUnitReporter: StreamingReporter {
    private let reporter = JUnitReporter()
    private var spool: UnsafeMutablePointer<FILE>?
    private var cases = 0
    private var failures = 0
    /// Where the cases wait when no temporary file can be made.
    private var held: [String] = []
    private var names = UniqueNames()

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        spool = tmpfile()
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        cases += 1
        if finding.isActive { failures += 1 }
        let text = reporter.testCase(finding, name: names.next(for: finding))
        guard let spool else {
            held.append(text)
            return
        }
        var bytes = Array(text.utf8)
        _ = fwrite(&bytes, 1, bytes.count, spool)
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        let head = JUnitReporter.head(tests: max(cases, 1), failures: failures, skipped: cases - failures)
        out.write(head)
        if cases == 0 { out.write(JUnitReporter.noFindings) }
        for text in held { out.write(text) }
        guard let spool else {
            out.write(JUnitReporter.tail)
            return
        }
        defer { fclose(spool) }
        rewind(spool)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = fread(&chunk, 1, chunk.count, spool)
            if read <= 0 { break }
            out.write(bytes: chunk[..<read])
        }
        out.write(JUnitReporter.tail)
    }
}
