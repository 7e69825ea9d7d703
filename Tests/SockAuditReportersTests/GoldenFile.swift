import Foundation
import Testing

/// Compares output with a file in `Golden/`. With `SOCKAUDIT_UPDATE_GOLDEN=1` it rewrites the file in
/// the source tree instead and fails, so a run that regenerates can never pass by itself.
enum GoldenFile {
    static func expect(
        _ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["SOCKAUDIT_UPDATE_GOLDEN"] == "1" {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(name)
            try Data(actual.utf8).write(to: url)
            Issue.record("Rewrote Golden/\(name); review the diff and run again without SOCKAUDIT_UPDATE_GOLDEN.",
                         sourceLocation: sourceLocation)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
            "Golden/\(name) is missing", sourceLocation: sourceLocation)
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, Comment(rawValue: firstDifference(expected, actual, name)),
                sourceLocation: sourceLocation)
    }

    private static func firstDifference(_ expected: String, _ actual: String, _ name: String) -> String {
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) {
            let wanted = index < want.count ? String(want[index]) : "<end of file>"
            let gotten = index < got.count ? String(got[index]) : "<end of file>"
            if wanted != gotten {
                return "Golden/\(name) differs at line \(index + 1):\n expected: \(wanted.debugDescription)\n   actual: \(gotten.debugDescription)"
            }
        }
        return "Golden/\(name) differs"
    }
}
