import Foundation
import SockAuditFuzzing
import Testing

/// Every input a fuzzer ever broke, replayed through its parser and the whole scanner; and a short
/// seeded run per target, so the harness itself cannot rot.
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz").standardized.path

    static func files(_ kind: String, _ target: FuzzTarget) -> [String] {
        let folder = "\(fuzzFolder)/\(kind)/\(target.name)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func regressionsAndCorpusStillPass(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let inputs = Self.files("regressions", target) + Self.files("corpus", target)
        #expect(!Self.files("corpus", target).isEmpty, "every target has seed inputs")
        for path in inputs {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            // No stopwatch here: on a loaded machine it fails at random. Superlinear paths are
            // caught by scripts/scaling-probe.py, which compares a 4x input with a 1x one.
            let problems = target.check(Array(bytes))
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func shortSeededRunFindsNothing(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let corpus = try Self.files("corpus", target).map { Array(try #require(FileManager.default.contents(atPath: $0))) }
        var fuzzer = SeededFuzzer(target: target, corpus: corpus, seed: 7)
        // Invariants only: a stopwatch fails at random on a loaded machine (the CI fuzz loop and
        // scripts/scaling-probe.py time inputs instead).
        fuzzer.slowLimit = nil
        let report = fuzzer.run(iterations: 150, duration: .seconds(20))
        #expect(report.executions > 0)
        #expect(report.failures.map(\.problems).isEmpty)
    }

    @Test func mutatorIsDeterministic() {
        let mutator = Mutator(corpus: [Array("a: [b, c]\n".utf8)], tokens: ["[", ": "])
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let one = (0..<50).map { _ in mutator.input(&first) }
        let two = (0..<50).map { _ in mutator.input(&second) }
        #expect(one == two)
    }
}
