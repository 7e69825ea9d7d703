import Foundation
import Testing

/// `libhelm_c` for the CLI tests: `SOCKAUDIT_TEST_HELM_LIB` (set by .ci/run), else where python3
/// says helm-python-sdk is. With `SOCKAUDIT_REQUIRE_HELM=1` (CI) a missing library fails the test.
enum HelmLibraryForCLI {
    static func path() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["SOCKAUDIT_TEST_HELM_LIB"], !path.isEmpty { return path }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import helm_python, os; print(os.path.dirname(helm_python.__file__))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) != nil {
            let folder = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            process.waitUntilExit()
            let library = folder + "/lib/libhelm_c.so"
            if process.terminationStatus == 0, FileManager.default.fileExists(atPath: library) { return library }
        }
        if environment["SOCKAUDIT_REQUIRE_HELM"] == "1" {
            Issue.record("libhelm_c is required here (SOCKAUDIT_REQUIRE_HELM=1) but was not found: set SOCKAUDIT_TEST_HELM_LIB")
        } else {
            print("note: skipped, no libhelm_c installed (pip install helm-python-sdk)")
        }
        return nil
    }
}
