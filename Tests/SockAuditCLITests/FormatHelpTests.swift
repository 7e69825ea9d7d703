import Testing
import SockAuditReporters
@testable import sockaudit

@Suite struct FormatHelpTests {
    /// The help is built from `ReporterName`, so a new reporter is offered without touching the CLI.
    @Test func formatHelpListsEveryReporter() {
        let help = Scan.helpMessage(columns: 400)
        #expect(help.contains("Output format: " + ReporterName.allCases.map(\.rawValue).joined(separator: ", ") + "."))
        for name in ["junit", "github", "markdown"] {
            #expect(help.contains(name))
        }
    }
}
