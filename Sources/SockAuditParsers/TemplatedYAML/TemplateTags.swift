/// The template statements of a Jinja, Go-template or envsubst-style YAML file, neutralised so the
/// YAML around them parses at its own lines and columns:
/// - a line holding nothing but tags (`{% if %}`, `{{- end }}`, `{# note #}`, a `{{ toYaml … }}`
///   that writes lines of its own) is blanked to spaces: what it would write is not known;
/// - an expression among other text (`image: {{ image }}`, `- "${DIR}/docker.sock:/s"`) becomes a
///   placeholder of the same length, which `restore` turns back into the expression's own text after
///   the parse, so a value from a template reads as written and is unresolved;
/// - a control tag or comment among other text becomes spaces.
/// Line breaks are kept, and each tag keeps its count of Unicode scalars, so every column stays.
public enum TemplateTags {
    public struct Neutralized: Sendable {
        /// The text with every tag neutralised.
        public var text: String
        /// The original text of each expression a placeholder stands for, by its index.
        public var expressions: [String]
        /// How many tags were neutralised.
        public var tagCount: Int
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
    }

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
        return .success(Neutralized(text: String(String.UnicodeScalarView(scalars)), expressions: expressions, tagCount: tags.count))
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
            tags.append(Tag(start: index, end: end, kind: kind))
            for position in index..<end where scalars[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            index = end
        }
        return .success(tags)
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

    /// A parsed tree with every placeholder turned back into the expression it stands for.
    public static func restore(_ node: Node, _ expressions: [String]) -> Node {
        guard !expressions.isEmpty else { return node }
        switch node.content {
        case .scalar(let scalar):
            guard scalar.text.unicodeScalars.contains(marker) else { return node }
            return Node(.scalar(.init(restore(scalar.text, expressions), isPlain: scalar.isPlain)), line: node.line, column: node.column, tag: node.tag)
        case .sequence(let items):
            return Node(.sequence(items.map { restore($0, expressions) }), line: node.line, column: node.column, tag: node.tag)
        case .mapping(let pairs):
            let restored = pairs.map { Node.Pair(key: restore($0.key, expressions), value: restore($0.value, expressions)) }
            return Node(.mapping(restored), line: node.line, column: node.column, tag: node.tag)
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
