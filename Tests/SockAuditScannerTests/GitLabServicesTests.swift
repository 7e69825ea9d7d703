import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// A GitLab service's capabilities, user and limits are the runner's to set, not the CI file's: no
/// advice it could not follow, but what the file states is still judged.
@Suite struct GitLabServicesTests {
    @Test func servicesAreJudgedOnlyOnWhatTheFileStates() {
        let ci = """
            variables:
              DOCKER_TLS_CERTDIR: ""
            test:
              image: python:3.12
              services:
                - postgres:16
                - name: docker:27-dind
                  alias: docker
              script:
                - pytest
            """
        let findings = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: ".gitlab-ci.yml", bytes: Array(ci.utf8))]).findings
        let missingSettingRules: Set<String> = ["SA303", "SA306", "SA307", "SA308", "SA501", "SA502", "SA503"]
        #expect(findings.filter { missingSettingRules.contains($0.ruleID) }.isEmpty, "\(findings.map(\.message))")
        #expect(findings.contains { $0.ruleID == "SA102" && $0.location.line == 2 })
    }
}
