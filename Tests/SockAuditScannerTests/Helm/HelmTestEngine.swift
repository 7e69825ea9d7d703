import Foundation
import Testing
@testable import SockAuditScanner

/// The real Helm engine for the tests: `libhelm_c` at `SOCKAUDIT_TEST_HELM_LIB` (set by .ci/run
/// after it pip-installs helm-python-sdk), else the one discovery finds. With
/// `SOCKAUDIT_REQUIRE_HELM=1` (CI) a missing engine fails the test instead of skipping it.
enum HelmTestEngine {
    static let library: HelmLibraryRenderer? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SOCKAUDIT_TEST_HELM_LIB"], !path.isEmpty { return try? HelmLibraryRenderer(path: path) }
        var discovery = environment
        discovery["SOCKAUDIT_HELM_ENGINE"] = nil
        for candidate in HelmEngineDiscovery.libraryCandidates(environment: discovery, prefixes: HelmSettings.systemPrefixes)
        where HelmEngineDiscovery.isFile(candidate) {
            if let renderer = try? HelmLibraryRenderer(path: candidate) { return renderer }
        }
        return nil
    }()

    /// The library, or nil (the test returns early) where none is installed and none is required.
    static func required(_ comment: Comment = "") -> HelmLibraryRenderer? {
        if let library { return library }
        if ProcessInfo.processInfo.environment["SOCKAUDIT_REQUIRE_HELM"] == "1" {
            Issue.record("libhelm_c is required here (SOCKAUDIT_REQUIRE_HELM=1) but was not found: set SOCKAUDIT_TEST_HELM_LIB")
        } else {
            print("note: skipped, no libhelm_c installed (pip install helm-python-sdk) \(comment)")
        }
        return nil
    }
}
