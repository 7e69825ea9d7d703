/// The template statements of a Jinja, Go-template or envsubst-style YAML file, neutralised so the
/// YAML around them parses at its own lines and columns:
/// - a line holding nothing but tags (`{% if %}`, `{{- end }}`, `{# note #}`, a `{{ toYaml … }}`
///   that writes lines of its own) is blanked to spaces: what it would write is not known;
/// - an expression among other text (`image: {{ image }}`, `- "${DIR}/docker.sock:/s"`) becomes a
///   placeholder of the same length, which `restore` turns back into the expression's own text after
///   the parse, so a value from a template reads as written and is unresolved;
/// - a control tag or comment among other text becomes spaces; one that opens a line with text after
///   it (`{% if x %}    privileged: true`) is taken out of the line, so the text is read at the
///   indentation the template writes it at (`ColumnShift` maps its columns back);
/// - `{% raw %}…{% endraw %}` holds literal text, which is kept as it is.
/// Line breaks are kept, and each line keeps its count of Unicode scalars. The branches of an
/// `if`/`else` written on lines of their own are recorded (`TemplateBranches`), so each can be read
/// on its own.
public enum TemplateTags {
    public struct Neutralized: Sendable {
        /// The text with every tag neutralised.
        public var text: String
        /// The original text of each expression a placeholder stands for, by its index.
        public var expressions: [String]
        /// How many tags were neutralised.
        public var tagCount: Int
        /// The lines whose text was moved left, past a control tag that opens them.
        public var shifts: [Int: ColumnShift] = [:]
        /// The `if`/`elif`/`else` chains whose tags stand on lines of their own: each branch's lines.
        public var chains: [[Range<Int>]] = []

        /// A parsed tree with every placeholder turned back into its expression and every node of a
        /// shifted line back at the column the template writes it at.
        public func restore(_ node: Node) -> Node {
            TemplateTags.restore(node, expressions, shifts: shifts)
        }

        /// A position of the neutralised text at the template's own column.
        public func column(_ column: Int, line: Int) -> Int {
            shifts[line]?.original(column) ?? column
        }
    }

    /// Text moved left on one line: from column `from` on (in the neutralised text), each column
    /// stands `by` columns to the right in the template.
    public struct ColumnShift: Sendable, Hashable {
        public var from: Int
        public var by: Int

        public func original(_ column: Int) -> Int { column >= from ? column + by : column }
    }

    /// A tag opened and never closed, with where it opens.
    public struct Unclosed: Error, Sendable {
        public var opener: String
        public var line: Int
        public var column: Int
    }

    enum Kind {
        /// `{{ … }}` and `${ … }`: text written in its place.
        case expression
        /// `{% … %}`: control flow.
        case statement
        /// `{# … #}`
        case comment
    }

    struct Tag {
        var start: Int
        /// Just past the closing delimiter.
        var end: Int
        var kind: Kind
        /// The first word inside the delimiters (`if`, `endfor`, `else`, `range`), for statements
        /// and Go template actions that write nothing.
        var keyword: String = ""
    }

    /// Go template actions that write nothing where they stand (`{{ if }}`, `{{- end }}`): control
    /// flow, as `{% %}` is in Jinja. `template` and `block` write text, so they stay expressions.
    static let goControlKeywords: Set<String> = ["if", "else", "end", "range", "with", "define", "break", "continue"]

    // Private-use scalars, accepted by YAML in plain and quoted scalars and never written by a file.
    static let marker: Unicode.Scalar = "\u{F8F0}"
    static let filler: Unicode.Scalar = "\u{F8FF}"
    static let digitBase: UInt32 = 0xE000
    static let digitCount: UInt32 = 4096
    /// A placeholder is the marker and three base-4096 digits (at least as short as `${X}`).
    static let placeholderMinimum = 4

    public static func neutralize(_ text: String) -> Result<Neutralized, Unclosed> {
        var scalars = Array(text.unicodeScalars)
        let tags: [Tag]
        switch findTags(scalars) {
        case .success(let found): tags = found
        case .failure(let unclosed): return .failure(unclosed)
        }
        guard !tags.isEmpty else { return .success(Neutralized(text: text, expressions: [], tagCount: 0)) }
        let alone = tagsAloneOnTheirLines(scalars, tags)
        let chains = TemplateBranches.chains(tags, alone: alone, in: scalars)
        let leading = lineOpeningTags(scalars, tags, alone: alone)
        var expressions: [String] = []
        for (index, tag) in tags.enumerated() {
            let firstLineEnd = scalars[tag.start..<tag.end].firstIndex { $0 == "\n" || $0 == "\r" } ?? tag.end
            if alone[index] || tag.kind != .expression || firstLineEnd - tag.start < placeholderMinimum
                || expressions.count >= Int(digitCount) * Int(digitCount) * Int(digitCount) {
                blank(&scalars, tag.start..<tag.end)
                continue
            }
            expressions.append(String(String.UnicodeScalarView(scalars[tag.start..<tag.end])))
            let code = UInt32(expressions.count - 1)
            var placeholder: [Unicode.Scalar] = [marker]
            for shift in [UInt32(2), 1, 0] {
                let digit = (code / power(digitCount, shift)) % digitCount
                placeholder.append(Unicode.Scalar(digitBase + digit)!)
            }
            // A tag that spans lines keeps its line breaks; the placeholder sits whole on its first line.
            var position = tag.start
            for scalar in placeholder {
                scalars[position] = scalar
                position += 1
            }
            while position < firstLineEnd {
                scalars[position] = filler
                position += 1
            }
            blank(&scalars, firstLineEnd..<tag.end)
        }
        let shifts = shiftLines(&scalars, leading)
        return .success(Neutralized(
            text: String(String.UnicodeScalarView(scalars)), expressions: expressions, tagCount: tags.count,
            shifts: shifts, chains: chains))
    }

    /// A line that opens with control tags or comments (blanks between them allowed) and has text
    /// after them: where that text starts, and the line's number, its start and the first tag's start.
    struct LeadingTags {
        var line: Int
        var lineStart: Int
        var tagStart: Int
        var textStart: Int
    }

    private static func lineOpeningTags(_ scalars: [Unicode.Scalar], _ tags: [Tag], alone: [Bool]) -> [LeadingTags] {
        var result: [LeadingTags] = []
        var line = 1
        var lineStart = 0
        var scanned = 0
        var index = 0
        while index < tags.count {
            let tag = tags[index]
            for position in scanned..<tag.start where scalars[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            scanned = tag.start
            let opensLine = scalars[lineStart..<tag.start].allSatisfy { $0 == " " || $0 == "\t" }
            guard opensLine, !alone[index], tag.kind != .expression, !spansLines(scalars, tag) else {
                index += 1
                continue
            }
            // The run of control tags and comments that opens the line.
            var last = index
            var end = tag.end
            while last + 1 < tags.count, tags[last + 1].kind != .expression, !spansLines(scalars, tags[last + 1]),
                  scalars[end..<tags[last + 1].start].allSatisfy({ $0 == " " || $0 == "\t" }) {
                last += 1
                end = tags[last].end
            }
            // The blanks after the tags stay: with those before them, they are the text's indentation
            // as the template writes it (a `-%}` that trims them would join it to the tag's).
            result.append(LeadingTags(line: line, lineStart: lineStart, tagStart: tag.start, textStart: end))
            index = last + 1
        }
        return result
    }

    private static func spansLines(_ scalars: [Unicode.Scalar], _ tag: Tag) -> Bool {
        scalars[tag.start..<tag.end].contains { $0 == "\n" || $0 == "\r" }
    }

    /// Each line's text moved left over the tags that open it (the blanks before the tags kept, as
    /// the template writes them), the line padded back to its length with blanks at its end.
    private static func shiftLines(_ scalars: inout [Unicode.Scalar], _ leading: [LeadingTags]) -> [Int: ColumnShift] {
        var shifts: [Int: ColumnShift] = [:]
        for item in leading {
            var lineEnd = item.textStart
            while lineEnd < scalars.count, scalars[lineEnd] != "\n", scalars[lineEnd] != "\r" { lineEnd += 1 }
            let by = item.textStart - item.tagStart
            guard by > 0 else { continue }
            let text = Array(scalars[item.textStart..<lineEnd])
            for (offset, scalar) in text.enumerated() { scalars[item.tagStart + offset] = scalar }
            for position in (item.tagStart + text.count)..<lineEnd { scalars[position] = " " }
            shifts[item.line] = ColumnShift(from: item.tagStart - item.lineStart + 1, by: by)
        }
        return shifts
    }

    private static func power(_ base: UInt32, _ exponent: UInt32) -> UInt32 {
        var result: UInt32 = 1
        for _ in 0..<exponent { result *= base }
        return result
    }

    private static func blank(_ scalars: inout [Unicode.Scalar], _ range: Range<Int>) {
        for index in range where scalars[index] != "\n" && scalars[index] != "\r" { scalars[index] = " " }
    }

    /// The tags in order. `${` is a tag only when a name-like character follows (`${VAR}`,
    /// `${ var }`), so a shell `${#}` or a literal `$` in a value is left alone; `{{` inside a tag
    /// does not open another.
    static func findTags(_ scalars: [Unicode.Scalar]) -> Result<[Tag], Unclosed> {
        var tags: [Tag] = []
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            let next = scalars[index + 1]
            var closing: (Unicode.Scalar, Unicode.Scalar)?
            var kind = Kind.expression
            var opener = ""
            if scalar == "{" {
                switch next {
                case "{": closing = ("}", "}"); opener = "{{"
                case "%": closing = ("%", "}"); kind = .statement; opener = "{%"
                case "#": closing = ("#", "}"); kind = .comment; opener = "{#"
                default: break
                }
            } else if scalar == "$", next == "{", index + 2 < scalars.count, isNameStart(scalars[index + 2]) {
                opener = "${"
            }
            guard !opener.isEmpty else {
                index += 1
                continue
            }
            let end: Int?
            if let (first, second) = closing {
                end = find(first, second, in: scalars, from: index + 2)
            } else {
                end = closingBrace(in: scalars, from: index + 2)
            }
            guard let end else {
                return .failure(Unclosed(opener: opener, line: line, column: index - lineStart + 1))
            }
            var tag = Tag(start: index, end: end, kind: kind)
            if closing != nil {
                tag.keyword = keyword(scalars, tag)
                if kind == .expression, goControlKeywords.contains(tag.keyword) { tag.kind = .statement }
                if kind == .expression, isGoComment(scalars, tag) { tag.kind = .comment }
            }
            tags.append(tag)
            var resume = end
            if tag.kind == .statement, opener == "{%", tag.keyword == "raw" {
                // Literal text up to `{% endraw %}`, which is then found as a tag of its own.
                guard let endRaw = endRaw(in: scalars, from: end) else {
                    return .failure(Unclosed(opener: "{% raw %}", line: line, column: index - lineStart + 1))
                }
                resume = endRaw
            }
            for position in index..<resume where scalars[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            index = resume
        }
        return .success(tags)
    }

    /// The first word inside a tag's delimiters, past a whitespace-control `-` or `+`.
    private static func keyword(_ scalars: [Unicode.Scalar], _ tag: Tag) -> String {
        var index = tag.start + 2
        if index < tag.end, scalars[index] == "-" || scalars[index] == "+" { index += 1 }
        while index < tag.end, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" || scalars[index] == "\r" {
            index += 1
        }
        var word = String.UnicodeScalarView()
        while index < tag.end, scalars[index] == "_" || scalars[index].properties.isAlphabetic {
            word.append(scalars[index])
            index += 1
        }
        return String(word)
    }

    /// `{{/* … */}}` and `{{- /* … */ -}}`: a Go template comment.
    private static func isGoComment(_ scalars: [Unicode.Scalar], _ tag: Tag) -> Bool {
        var index = tag.start + 2
        if index < tag.end, scalars[index] == "-" { index += 1 }
        while index < tag.end, scalars[index] == " " { index += 1 }
        return index + 1 < tag.end && scalars[index] == "/" && scalars[index + 1] == "*"
    }

    /// Where the `{% endraw %}` (`{%- endraw -%}`) after a `{% raw %}` opens, or nil.
    private static func endRaw(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == "{", scalars[index + 1] == "%",
               let end = find("%", "}", in: scalars, from: index + 2),
               keyword(scalars, Tag(start: index, end: end, kind: .statement)) == "endraw" {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == " " || scalar == "{" || scalar.properties.isAlphabetic
    }

    /// Just past `first second`, or nil.
    private static func find(_ first: Unicode.Scalar, _ second: Unicode.Scalar, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + 1 < scalars.count {
            if scalars[index] == first, scalars[index + 1] == second { return index + 2 }
            index += 1
        }
        return nil
    }

    /// Just past the `}` that closes a `${`, counting nested braces (`${A:-${B}}`), on one line.
    private static func closingBrace(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 1
        var index = start
        while index < scalars.count, scalars[index] != "\n" {
            if scalars[index] == "{" { depth += 1 }
            if scalars[index] == "}" {
                depth -= 1
                if depth == 0 { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// For each tag: whether every line it touches holds nothing but tags and blanks.
    private static func tagsAloneOnTheirLines(_ scalars: [Unicode.Scalar], _ tags: [Tag]) -> [Bool] {
        var covered = [Bool](repeating: false, count: scalars.count)
        for tag in tags { for index in tag.start..<tag.end { covered[index] = true } }
        return tags.map { tag in
            var start = tag.start
            while start > 0, scalars[start - 1] != "\n" { start -= 1 }
            var end = tag.end
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            for index in start..<end where !covered[index] {
                let scalar = scalars[index]
                if scalar != " " && scalar != "\t" && scalar != "\r" && scalar != "\n" { return false }
            }
            return true
        }
    }

    /// A parsed tree with every placeholder turned back into the expression it stands for, and
    /// every node on a shifted line back at its column in the template.
    public static func restore(_ node: Node, _ expressions: [String], shifts: [Int: ColumnShift] = [:]) -> Node {
        guard !expressions.isEmpty || !shifts.isEmpty else { return node }
        let column = shifts[node.line]?.original(node.column) ?? node.column
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text.unicodeScalars.contains(marker) else {
                return column == node.column ? node : Node(node.content, line: node.line, column: column, tag: node.tag)
            }
            return Node(.scalar(.init(restore(scalar.text, expressions), isPlain: scalar.isPlain)), line: node.line, column: column, tag: node.tag)
        case .sequence(let items):
            return Node(.sequence(items.map { restore($0, expressions, shifts: shifts) }), line: node.line, column: column, tag: node.tag)
        case .mapping(let pairs):
            let restored = pairs.map {
                Node.Pair(key: restore($0.key, expressions, shifts: shifts), value: restore($0.value, expressions, shifts: shifts))
            }
            return Node(.mapping(restored), line: node.line, column: column, tag: node.tag)
        }
    }

    /// Placeholders in a text turned back into their expressions (the fillers dropped; a folded
    /// scalar may have joined a placeholder's parts with a space, which is dropped too).
    public static func restore(_ text: String, _ expressions: [String]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == filler {
                index += 1
                continue
            }
            guard scalar == marker, index + 3 < scalars.count else {
                output.append(scalar)
                index += 1
                continue
            }
            var code = 0
            var valid = true
            for offset in 1...3 {
                let digit = scalars[index + offset].value
                guard digit >= digitBase, digit < digitBase + digitCount else { valid = false; break }
                code = code * Int(digitCount) + Int(digit - digitBase)
            }
            guard valid, code < expressions.count else {
                output.append(scalar)
                index += 1
                continue
            }
            output.append(contentsOf: expressions[code].unicodeScalars)
            index += 4
        }
        return String(output)
    }
}
