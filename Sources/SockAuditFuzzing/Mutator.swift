/// A deterministic generator (SplitMix64): the same seed gives the same inputs on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutations of realistic inputs: the shapes that break parsers (structure in the wrong place,
/// truncation, deep nesting, long lines, odd line ends and encodings), not only random bytes.
public struct Mutator {
    public var corpus: [[UInt8]]
    public var tokens: [[UInt8]]
    public var maxSize: Int

    public init(corpus: [[UInt8]], tokens: [String], maxSize: Int = 256 * 1024) {
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.tokens = tokens.map { Array($0.utf8) }
        self.maxSize = maxSize
    }

    /// One input: a corpus entry with one to four mutations stacked.
    public func input(_ random: inout SplitMix64) -> [UInt8] {
        var bytes = corpus[Int(random.next() % UInt64(corpus.count))]
        for _ in 0...Int(random.next() % 4) {
            mutate(&bytes, &random)
        }
        if bytes.count > maxSize { bytes.removeSubrange(maxSize...) }
        return bytes
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }
        let at = below(bytes.count + 1)
        switch below(12) {
        case 0 where !bytes.isEmpty:
            bytes[below(bytes.count)] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:
            let odd: [UInt8] = [0x00, 0x0A, 0x0D, 0x09, 0x20, 0x7F, 0x80, 0xBF, 0xC2, 0xE2, 0xF0, 0xFE, 0xFF]
            bytes[below(bytes.count)] = odd[below(odd.count)]
        case 2, 3:
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: at)
        case 4 where !bytes.isEmpty:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(64)))
        case 5:
            bytes.removeSubrange(at...)
        case 6:
            let other = corpus[below(corpus.count)]
            let from = below(other.count + 1)
            bytes = Array(bytes[..<at]) + other[from...]
        case 7 where !bytes.isEmpty:
            let start = below(bytes.count)
            let chunk = bytes[start..<min(bytes.count, start + 1 + below(256))]
            bytes.insert(contentsOf: chunk, at: at)
        case 8:
            // Deep nesting: flow openers, block sequences, or indented mappings.
            let depth = 1 + below(3_000)
            let shapes: [(Int) -> [UInt8]] = [
                { _ in Array("[".utf8) }, { _ in Array("{\"a\":".utf8) }, { _ in Array("- ".utf8) },
                { level in Array(("\n" + String(repeating: " ", count: level % 200) + "a:").utf8) },
            ]
            let shape = shapes[below(shapes.count)]
            var nest: [UInt8] = []
            for level in 0..<depth { nest += shape(level) }
            bytes.insert(contentsOf: nest, at: at)
        case 9:
            let fill: [UInt8] = [0x61, 0x20, 0x22, 0x5C, 0x2D, 0x3A][below(6)...].prefix(1).map { $0 }
            bytes.insert(contentsOf: [UInt8](repeating: fill[0], count: 1 + below(100_000)), at: at)
        case 10:
            // One token many times over: nested `${A:-`, a run of `\\` continuations, a wall of `&a`.
            let token = tokens[below(tokens.count)]
            var run: [UInt8] = []
            for _ in 0..<(1 + below(20_000 / max(token.count, 1))) { run += token }
            bytes.insert(contentsOf: run, at: at)
        default:
            // Line ends: CRLF or lone CR for every LF in a stretch.
            let replacement: [UInt8] = below(2) == 0 ? [0x0D, 0x0A] : [0x0D]
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            for byte in bytes {
                if byte == 0x0A { out += replacement } else { out.append(byte) }
            }
            bytes = out
        }
    }
}
