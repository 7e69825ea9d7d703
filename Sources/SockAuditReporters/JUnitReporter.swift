import SockAuditCore

/// JUnit XML for GitLab (`artifacts:reports:junit`) and Jenkins (`junit`): one test case per finding.
///
/// One `<testsuite>` holds every case and `classname` carries the path: Jenkins builds its tree from
/// `classname` and GitLab merges all suites of a report into the job's, so suites per file would add
/// nothing either tool shows, while one suite keeps the totals in one place.
///
/// A test's name is its rule and subject, never its line: GitLab and Jenkins track a test by class
/// and name, so a moved line must not make a "new failure", and two services sharing a YAML anchor
/// must not collide. The attributes are the ones the Jenkins xUnit plugin's JUnit schema allows
/// (`skipped` only on `testsuite`, no `file` on `testcase`).
public struct JUnitReporter: Reporter {
    public static let suiteName = "sockaudit"

    public init() {}

    public func render(_ result: ScanResult) -> String {
        let findings = result.reportOrder
        let failures = findings.filter(\.isActive).count
        let skipped = findings.count - failures
        var names = UniqueNames()
        var cases = findings.map { testCase($0, name: names.next(for: $0)) }
        // Jenkins' junit step fails a build on a report without test cases: a clean scan is one passed case.
        if findings.isEmpty {
            cases = [Self.noFindings]
        }
        return Self.head(tests: cases.count, failures: failures, skipped: skipped) + cases.joined() + Self.tail
    }

    /// Jenkins' junit step fails a build on a report without test cases: a clean scan is one passed case.
    static let noFindings = "    <testcase classname=\"\(suiteName)\" name=\"no findings\"/>\n"
    static let tail = "  </testsuite>\n</testsuites>\n"

    static func head(tests: Int, failures: Int, skipped: Int) -> String {
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(Self.suiteName)\" \(counts)>\n"
            + "  <testsuite name=\"\(Self.suiteName)\" \(counts) skipped=\"\(skipped)\">\n"
    }

    func testCase(_ finding: Finding, name: String) -> String {
        let open = "    <testcase classname=\"\(XML.escaped(finding.location.path))\" name=\"\(XML.escaped(name))\">\n"
        let body: String
        if let suppression = finding.suppression {
            body = "      <skipped message=\"\(XML.escaped("suppressed: " + suppression.reason))\"/>\n"
        } else if finding.isBaselined {
            body = "      <skipped message=\"in baseline\"/>\n"
        } else {
            // The message for Jenkins' "Error Message"; the text, with subject and evidence, for GitLab,
            // which shows only the element's content.
            var details = [finding.headline]
            if !finding.subject.isEmpty { details.append("subject: " + finding.subject) }
            if !finding.evidence.isEmpty { details.append("evidence: " + finding.evidence) }
            if let written = finding.written, written != finding.evidence { details.append("written: " + written) }
            body = "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XML.escaped(finding.headline))\">"
                + XML.escaped(details.joined(separator: "\n"), inAttribute: false) + "</failure>\n"
        }
        return open + body + "    </testcase>\n"
    }
}

/// Test names unique within a file: `SA101 runtime-socket-mount: container "agent" in Pod/x`, then
/// the offending value when two findings share rule and subject, then a number. Findings arrive in
/// report order (path first), so only the current file's names are remembered.
struct UniqueNames {
    private var path: String?
    private var used: Set<String> = []

    mutating func next(for finding: Finding) -> String {
        if finding.location.path != path {
            path = finding.location.path
            used = []
        }
        let base = "\(finding.ruleID) \(finding.slug)"
        let described = finding.subject.isEmpty ? base : "\(base): \(finding.subject)"
        var candidates = [described]
        if !finding.evidence.isEmpty { candidates.append("\(described) (\(finding.evidence))") }
        if let free = candidates.first(where: { !used.contains($0) }) {
            used.insert(free)
            return free
        }
        var number = 2
        while used.contains("\(candidates[candidates.count - 1]) #\(number)") { number += 1 }
        let numbered = "\(candidates[candidates.count - 1]) #\(number)"
        used.insert(numbered)
        return numbered
    }
}

enum XML {
    /// Escapes markup characters and drops what XML 1.0 cannot carry at all (C0 controls other than
    /// tab, newline and CR; U+FFFE and U+FFFF), so hostile paths and values cannot break the document.
    /// In attributes, tab, newline and CR become references, which attribute normalisation would
    /// otherwise turn into spaces; in text only CR does, which line-end normalisation would fold.
    static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
