#if !LIBFUZZER
import Foundation
import SockAuditFuzzing

/// The current input, where a signal handler can reach it: a crash in the seeded loop kills the
/// process, so the input that caused it is written out from the handler with `write(2)` alone.
nonisolated(unsafe) private var crashBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
nonisolated(unsafe) private var crashLength = 0
nonisolated(unsafe) private var crashFile = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)

enum SeededEntry {
    static func run(target: FuzzTarget, arguments: [String]) -> Int32 {
        var seconds = 20.0
        var iterations = Int.max
        var seed: UInt64 = 1
        var corpusFolder = "Fuzz/corpus/\(target.name)"
        var crashFolder = "Fuzz/crashes/\(target.name)"
        var replay: [String] = []
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--seconds": seconds = Double(value()) ?? seconds
            case "--iterations": iterations = Int(value()) ?? iterations
            case "--seed": seed = UInt64(value()) ?? seed
            case "--corpus": corpusFolder = value()
            case "--crashes": crashFolder = value()
            case "--replay": replay = Array(arguments[(index + 1)...]); index = arguments.count
            default: fail("unknown option \(arguments[index])")
            }
            index += 1
        }
        if !replay.isEmpty { return replayFiles(replay, target: target) }

        let corpus = readFolder(corpusFolder)
        guard !corpus.isEmpty else { fail("no seed inputs in \(corpusFolder)") }
        try? FileManager.default.createDirectory(atPath: crashFolder, withIntermediateDirectories: true)
        let crashPath = "\(crashFolder)/crash-seed\(seed)"
        _ = crashPath.withCString { strncpy(crashFile, $0, 4095) }
        installCrashHandler()

        let fuzzer = SeededFuzzer(target: target, corpus: corpus, seed: seed)
        let report = fuzzer.run(iterations: iterations, duration: .milliseconds(Int(seconds * 1000))) { input in
            crashLength = min(input.count, 1 << 20)
            input.withUnsafeBufferPointer { crashBuffer.update(from: $0.baseAddress!, count: crashLength) }
        }
        for (number, failure) in report.failures.enumerated() {
            let path = "\(crashFolder)/failure-seed\(seed)-\(number)"
            let kept = FileManager.default.createFile(atPath: path, contents: Data(failure.input))
            print("\(kept ? path : "\(path) (could not be written)"): " + failure.problems.prefix(5).joined(separator: "; "))
        }
        print("sockaudit-fuzz \(target.name): \(report.executions) executions in \(seconds) s (seed \(seed)), "
              + "\(report.failures.count) failures, slowest input \(report.slowest)")
        return report.failures.isEmpty ? 0 : 1
    }

    static func replayFiles(_ paths: [String], target: FuzzTarget) -> Int32 {
        var failed = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            let problems = target.check(Array(data))
            print("\(path): " + (problems.isEmpty ? "ok" : problems.joined(separator: "; ")))
            failed = failed || !problems.isEmpty
        }
        return failed ? 1 : 0
    }

    static func readFolder(_ folder: String) -> [[UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { FileManager.default.contents(atPath: "\(folder)/\($0)").map { Array($0) } }
    }

    static func installCrashHandler() {
        for signal in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            Glibc.signal(signal) { number in
                let descriptor = open(crashFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if descriptor >= 0 {
                    _ = write(descriptor, crashBuffer, crashLength)
                    close(descriptor)
                }
                let message = "sockaudit-fuzz: crashed; the input is in the crashes folder\n"
                _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("sockaudit-fuzz: \(message)\n".utf8))
        exit(2)
    }
}
#endif
