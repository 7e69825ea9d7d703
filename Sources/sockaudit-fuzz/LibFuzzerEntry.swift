#if LIBFUZZER
import Foundation
import SockAuditFuzzing

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// libFuzzer calls back into a C function, which cannot capture: the target travels in the
/// environment and is read once, lazily, on the first input.
private let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SOCKAUDIT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.named(name) else { fatalError("SOCKAUDIT_FUZZ_TARGET=\(name) is no fuzz target") }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = selectedTarget.check(bytes)
    if !problems.isEmpty {
        // An invariant broken is a crash to libFuzzer: it saves the input and stops.
        fatalError("invariant broken: " + problems.prefix(5).joined(separator: "; "))
    }
    return 0
}

enum LibFuzzerEntry {
    static func run(target: FuzzTarget, arguments: [String]) -> Int32 {
        setenv("SOCKAUDIT_FUZZ_TARGET", target.name, 1)
        let all = [CommandLine.arguments[0]] + arguments
        var argc = Int32(all.count)
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: all.count + 1)
        for (index, argument) in all.enumerated() { argv[index] = strdup(argument) }
        argv[all.count] = nil
        var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&argc, &pointer, { data, size in fuzzOneInput(data, size) })
    }
}
#endif
