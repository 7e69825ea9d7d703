import Foundation
import SockAuditFuzzing

// sockaudit-fuzz TARGET [options]
//   built with -DLIBFUZZER: the remaining arguments go to libFuzzer (corpus folders, -max_total_time=…)
//   sockaudit-fuzz --list: the targets, one a line
//   otherwise: --seconds S, --iterations N, --seed N, --corpus DIR, --crashes DIR, or --replay FILE...
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--list" {
    print(FuzzTargets.all.map(\.name).joined(separator: "\n"))
    exit(0)
}
guard let name = arguments.first, let target = FuzzTargets.named(name) else {
    let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: sockaudit-fuzz TARGET [options]; targets: \(names)\n".utf8))
    exit(2)
}

#if LIBFUZZER
exit(LibFuzzerEntry.run(target: target, arguments: Array(arguments.dropFirst())))
#else
exit(SeededEntry.run(target: target, arguments: Array(arguments.dropFirst())))
#endif
