/// The branches of a template's conditionals, so each is read on its own. A template that writes
/// the same key in its `if` and its `else` (`volumes:` with the socket in one branch, a data folder
/// in the other) renders one or the other, never both: read together, the later would hide the
/// earlier. Each branch of an `if`/`elif`/`else` chain (Jinja `{% %}`, Go `{{ if }}`/`{{ else }}`,
/// and the `else` of a `for`, `range` or `with`) whose tags stand on lines of their own is read in
/// a rendering of its own: rendering `k` keeps branch `k` of every chain (its last branch when it
/// has fewer) and blanks the lines of the others, so every branch is read once, at its own lines.
/// An `if` without `else` is kept in every rendering, as before (what it writes may be rendered).
public enum TemplateBranches {
    /// At most this many renderings of one file; a chain with more branches keeps its later ones
    /// together in the last rendering, so the work stays linear in the file.
    public static let renderingLimit = 16

    /// Openers whose blocks can hold an `else`.
    static let branching: Set<String> = ["if", "for", "range", "with"]
    /// Every opener of a block that some `end`/`endX` closes (Jinja and Go).
    static let openers: Set<String> = [
        "if", "for", "range", "with", "define", "block", "macro", "call", "filter", "autoescape", "raw", "trans", "set",
    ]

    private struct Frame {
        var keyword: String
        /// The line of the opener and of each `else`/`elif`.
        var boundaries: [Int]
        var onLinesOfTheirOwn: Bool
    }

    /// The chains of `tags` that have more than one branch, each branch as its lines (1-based,
    /// between the tags' lines).
    static func chains(_ tags: [TemplateTags.Tag], alone: [Bool], in scalars: [Unicode.Scalar]) -> [[Range<Int>]] {
        var chains: [[Range<Int>]] = []
        var stack: [Frame] = []
        var line = 1
        var scanned = 0
        for (index, tag) in tags.enumerated() {
            for position in scanned..<tag.start where scalars[position] == "\n" { line += 1 }
            scanned = tag.start
            let word = tag.keyword
            guard tag.kind == .statement || word == "block" else { continue }
            if openers.contains(word) {
                // `{% set x = 1 %}` assigns; only `{% set x %}…{% endset %}` is a block.
                if word == "set", scalars[tag.start..<tag.end].contains("=") { continue }
                stack.append(Frame(keyword: word, boundaries: [line], onLinesOfTheirOwn: alone[index]))
            } else if word == "else" || word == "elif" {
                guard var frame = stack.popLast() else { continue }
                frame.boundaries.append(line)
                frame.onLinesOfTheirOwn = frame.onLinesOfTheirOwn && alone[index]
                stack.append(frame)
            } else if word == "end" || (word.hasPrefix("end") && openers.contains(String(word.dropFirst(3)))) {
                let opener = String(word.dropFirst(3))
                guard let position = word == "end" ? stack.indices.last : stack.lastIndex(where: { $0.keyword == opener }) else { continue }
                let frame = stack[position]
                stack.removeSubrange(position...)
                guard branching.contains(frame.keyword), frame.boundaries.count > 1, frame.onLinesOfTheirOwn, alone[index] else { continue }
                let ends = frame.boundaries.dropFirst() + [line]
                chains.append(zip(frame.boundaries, ends).map { ($0 + 1)..<max($0 + 1, $1) })
            }
        }
        return chains
    }
}

extension TemplateTags.Neutralized {
    /// The texts to read: the neutralised text once per rendering of the branches (just the text
    /// when no chain has two branches on lines of their own).
    public var renderings: [String] {
        let count = min(chains.map(\.count).max() ?? 1, TemplateBranches.renderingLimit)
        guard count > 1 else { return [text] }
        let scalars = Array(text.unicodeScalars)
        var lineStarts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(index + 1) }
        return (0..<count).map { rendering in
            var copy = scalars
            for chain in chains {
                let kept = min(rendering, chain.count - 1)
                for (branch, lines) in chain.enumerated() where branch != kept {
                    // Past the limit, the last rendering keeps every later branch.
                    if rendering == count - 1, branch > kept { continue }
                    for line in lines where line - 1 < lineStarts.count {
                        var index = lineStarts[line - 1]
                        while index < copy.count, copy[index] != "\n" {
                            if copy[index] != "\r" { copy[index] = " " }
                            index += 1
                        }
                    }
                }
            }
            return String(String.UnicodeScalarView(copy))
        }
    }
}
