#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests on UTF-8 bytes for the pre-parse checks every file goes through. Foundation's
/// `String.contains` goes through locale-aware CFString search and showed up as a tenth of a
/// sweep's CPU; a byte scan gives the same answer for the ASCII needles used here. The scan uses the
/// C library's `memchr` and `memcmp` (pure, no I/O): a byte loop with a needle array made per call
/// was still 2% of a sweep, most of it in input detection that asks several needles of every file.
public enum TextSearch {
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needleBytes in
                guard needleBytes.count > 0 else { return true }
                guard haystack.count >= needleBytes.count, let base = haystack.baseAddress,
                      let needleBase = needleBytes.baseAddress else { return false }
                let first = Int32(needleBytes[0])
                let rest = needleBytes.count - 1
                let last = haystack.count - needleBytes.count
                var index = 0
                while index <= last {
                    guard let found = memchr(base + index, first, last - index + 1) else { return false }
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if rest == 0 || memcmp(base + at + 1, needleBase + 1, rest) == 0 { return true }
                    index = at + 1
                }
                return false
            }
        }
    }
}
