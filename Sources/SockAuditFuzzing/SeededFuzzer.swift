#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzzer that needs no sanitizer runtime: a seeded mutation loop over the corpus, for CI and
/// for toolchains without libFuzzer. Deterministic for a given seed and iteration count.
public struct SeededFuzzer {
    public var target: FuzzTarget
    public var mutator: Mutator
    public var seed: UInt64
    /// An input that costs more CPU time than this (twice in a row) is a failure; nil times nothing
    /// (unit tests). CPU time, not wall time, so a busy machine does not make inputs "slow"; a debug
    /// build runs about four times slower than the release build the limit is meant for.
    public var slowLimit: Duration? = SeededFuzzer.defaultSlowLimit

    #if DEBUG
    public static let defaultSlowLimit = Duration.seconds(4)
    #else
    public static let defaultSlowLimit = Duration.seconds(1)
    #endif

    public struct Failure {
        public var input: [UInt8]
        public var problems: [String]
    }

    public struct Report {
        public var executions = 0
        public var failures: [Failure] = []
        public var slowest: Duration = .zero
    }

    public init(target: FuzzTarget, corpus: [[UInt8]], seed: UInt64) {
        self.target = target
        self.mutator = Mutator(corpus: corpus, tokens: target.tokens)
        self.seed = seed
    }

    /// Runs until `iterations` inputs or `duration` have passed, whichever is first. `before` sees
    /// each input before it runs (the caller keeps it for a crash report).
    public func run(iterations: Int, duration: Duration, before: ([UInt8]) -> Void = { _ in }) -> Report {
        var random = SplitMix64(seed: seed)
        var report = Report()
        let clock = ContinuousClock()
        let deadline = clock.now + duration
        let cpu = ProcessCPUClock()
        // The corpus itself first, then mutants.
        var queue = mutator.corpus
        while report.executions < iterations && clock.now < deadline {
            let input = queue.popLast() ?? mutator.input(&random)
            before(input)
            var problems: [String] = []
            let elapsed = cpu.measure { problems = target.check(input) }
            report.executions += 1
            report.slowest = max(report.slowest, elapsed)
            if let slowLimit, elapsed > slowLimit, cpu.measure({ _ = target.check(input) }) > slowLimit {
                problems.append("took \(elapsed) of CPU time, over the \(slowLimit) limit")
            }
            if !problems.isEmpty { report.failures.append(Failure(input: input, problems: problems)) }
        }
        return report
    }
}

/// CPU time of the whole process (every thread the scanner starts), from `clock_gettime`.
struct ProcessCPUClock {
    func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }

    func measure(_ work: () -> Void) -> Duration {
        let start = now()
        work()
        return now() - start
    }
}
