import SockAuditCore

/// A version reduced to its upstream part: `1.1.12-0ubuntu3` -> 1.1.12, `v1.7.29` -> 1.7.29,
/// `20.10.24+dfsg1` -> 20.10.24, `1.0.0-rc95` -> 1.0.0 pre-release rc95.
public struct RuntimeVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var numbers: [Int]
    /// `rc95`, `rc.3`; empty for a release. A pre-release sorts before its release.
    public var preRelease: String

    public init(numbers: [Int], preRelease: String = "") {
        self.numbers = numbers
        self.preRelease = preRelease
    }

    public var description: String {
        numbers.map(String.init).joined(separator: ".") + (preRelease.isEmpty ? "" : "-" + preRelease)
    }

    /// The release line (`1.1`, `5.15`) a fix is published for.
    public var line: [Int] { Array(padded.prefix(2)) }

    private var padded: [Int] { numbers + Array(repeating: 0, count: max(0, 3 - numbers.count)) }

    public static func < (lhs: RuntimeVersion, rhs: RuntimeVersion) -> Bool {
        let left = lhs.padded, right = rhs.padded
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            if a != b { return a < b }
        }
        if lhs.preRelease.isEmpty != rhs.preRelease.isEmpty { return !lhs.preRelease.isEmpty }
        return comparePreRelease(lhs.preRelease, rhs.preRelease) < 0
    }

    public static func == (lhs: RuntimeVersion, rhs: RuntimeVersion) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    public func hash(into hasher: inout Hasher) {
        var trimmed = padded
        while trimmed.count > 3, trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
        hasher.combine(preRelease)
    }

    /// `rc95` vs `rc6` compares the numbers: runc's pre-releases are not zero-padded.
    static func comparePreRelease(_ a: String, _ b: String) -> Int {
        let left = tokens(a), right = tokens(b)
        for index in 0..<min(left.count, right.count) {
            switch (left[index], right[index]) {
            case (.number(let x), .number(let y)) where x != y: return x < y ? -1 : 1
            case (.text(let x), .text(let y)) where x != y: return x < y ? -1 : 1
            case (.number, .text): return -1
            case (.text, .number): return 1
            default: continue
            }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    enum Token: Equatable { case number(Int), text(String) }

    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            result.append(currentIsDigit ? .number(Int(current) ?? Int.max) : .text(current.lowercased()))
            current = ""
        }
        for character in text {
            if character == "." || character == "-" || character == "_" { flush(); continue }
            let isDigit = character.isASCII && character.isNumber
            if !current.isEmpty, isDigit != currentIsDigit { flush() }
            currentIsDigit = isDigit
            current.append(character)
        }
        flush()
        return result
    }
}

/// How a reported version string reads.
public enum VersionReading: Equatable, Sendable {
    /// An upstream version (distribution suffixes removed, which the note says).
    case upstream(RuntimeVersion, distributionSuffix: String?)
    /// A distribution kernel (`5.15.0-91-generic`, `6.1.0-27-amd64`): its number is the
    /// distribution's ABI, not an upstream stable release, so it cannot be compared.
    case distributionKernel(base: RuntimeVersion, suffix: String)
    case unreadable
}

public enum VersionReader {
    /// Reads a component's version. Kernels keep only `X.Y.Z` and `X.Y.Z-rcN` as upstream.
    public static func read(_ raw: String, kernel: Bool = false) -> VersionReading {
        var text = Substring(raw.trimming(" \t\n\r"))
        // runc's own output: "runc version 1.1.12"; Podman components: "crun version 1.8".
        if let range = text.firstRange(of: "version ") { text = text[range.upperBound...] }
        if text.hasPrefix("v") || text.hasPrefix("V") { text = text.dropFirst() }
        // Debian epochs: 1:1.1.5 -> 1.1.5.
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy(\.isNumber), !text[..<colon].isEmpty {
            text = text[text.index(after: colon)...]
        }
        let core = text.prefix { $0.isNumber || $0 == "." }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !core.isEmpty, !core.hasSuffix("."), numbers.allSatisfy({ $0 != nil }), numbers.count >= 2 else {
            return .unreadable
        }
        let base = RuntimeVersion(numbers: numbers.compactMap { $0 })
        var rest = text[core.endIndex...]
        guard !rest.isEmpty else { return .upstream(base, distributionSuffix: nil) }

        // A pre-release: -rc95, -rc.3, -beta.1 (letters right after the dash), or ~rc1.
        var preRelease = ""
        if rest.first == "-" || rest.first == "~",
           let next = rest.dropFirst().first, next.isLetter,
           rest.dropFirst().lowercased().hasPrefix("rc") || rest.dropFirst().lowercased().hasPrefix("alpha")
            || rest.dropFirst().lowercased().hasPrefix("beta") {
            let body = rest.dropFirst()
            let tag = body.prefix { $0.isLetter || $0.isNumber || $0 == "." }
            preRelease = String(tag.hasSuffix(".") ? tag.dropLast() : tag)
            rest = body[tag.endIndex...]
        }
        let version = RuntimeVersion(numbers: base.numbers, preRelease: preRelease)
        guard !rest.isEmpty else { return .upstream(version, distributionSuffix: nil) }
        if kernel { return .distributionKernel(base: version, suffix: String(rest)) }
        // +dfsg1, ~ds1, -0ubuntu3, -1+deb12u1: a distribution's packaging of the upstream version.
        return .upstream(version, distributionSuffix: String(rest))
    }
}
