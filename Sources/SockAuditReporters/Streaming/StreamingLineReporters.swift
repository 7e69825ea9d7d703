import SockAuditCore

/// Text, one line per finding as it comes; grouped, a header whenever the file changes.
struct StreamingTextReporter: StreamingReporter {
    let reporter: TextReporter
    private var currentPath: String?

    init(_ reporter: TextReporter) {
        self.reporter = reporter
    }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {}

    mutating func write(_ finding: Finding, to out: ReportStream) {
        guard reporter.grouped else {
            out.write(reporter.line(for: finding, showingPath: true) + "\n")
            return
        }
        if finding.location.path != currentPath {
            // Blocks are separated by one empty line.
            if currentPath != nil { out.write("\n") }
            currentPath = finding.location.path
            out.write(reporter.paint(Terminal.printable(finding.location.path), ANSI.bold) + "\n")
        }
        out.write("  " + reporter.line(for: finding, showingPath: false) + "\n")
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {}
}

/// GitHub workflow commands: the annotations wait in a bounded selection (GitHub shows only a few,
/// most severe first) and are written at the end, after the notice of what was left out.
struct StreamingGitHubReporter: StreamingReporter {
    let reporter: GitHubReporter
    private var selection: AnnotationSelection

    init(_ reporter: GitHubReporter) {
        self.reporter = reporter
        selection = AnnotationSelection(maxAnnotations: reporter.maxAnnotations)
    }

    var cut: ReportCut? { selection.finished().1 }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {}

    mutating func write(_ finding: Finding, to out: ReportStream) {
        selection.offer(finding)
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        out.write(reporter.commands(selection))
    }
}

/// The Markdown summary: counts and the most severe rows of each table are gathered as findings
/// come (at most `maxRows` per table are kept), and the summary is written at the end, verdict first.
struct StreamingMarkdownReporter: StreamingReporter {
    private let reporter: MarkdownReporter
    private var digest: MarkdownReporter.Digest
    private var compared = false

    init(_ reporter: MarkdownReporter) {
        self.reporter = reporter
        digest = MarkdownReporter.Digest(maxRows: reporter.maxRows)
    }

    var cut: ReportCut? { digest.cut }

    mutating func begin(_ start: ReportStart, to out: ReportStream) {
        compared = start.comparedWithBaseline
    }

    mutating func write(_ finding: Finding, to out: ReportStream) {
        digest.add(finding)
    }

    mutating func end(_ summary: ScanSummary, to out: ReportStream) {
        out.write(reporter.render(digest, compared: compared, fixed: summary.fixedSinceBaseline.count))
    }
}
