/// Shell text where every character remembers the line and column it has in the ORIGINAL file, so
/// a script embedded in YAML, a Dockerfile or a Jenkinsfile string reports findings where the user
/// wrote them. Built from one or more pieces; a piece's newlines move to the next line at the
/// piece's continuation column (the indentation of a YAML block scalar, say).
public struct ShellSource: Hashable, Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var lines: [Int] = []
    public private(set) var columns: [Int] = []

    public init() {}

    /// Text that starts at `line`:`column`; after each newline, columns start at `continuationColumn`.
    public init(_ text: String, line: Int = 1, column: Int = 1, continuationColumn: Int = 1) {
        append(text, line: line, column: column, continuationColumn: continuationColumn)
    }

    public var isEmpty: Bool { scalars.isEmpty }
    public var count: Int { scalars.count }

    public mutating func append(_ text: String, line: Int, column: Int, continuationColumn: Int = 1) {
        var line = line
        var column = column
        for scalar in text.unicodeScalars {
            append(scalar, line: line, column: column)
            if scalar == "\n" {
                line += 1
                column = continuationColumn
            } else {
                column += 1
            }
        }
    }

    public mutating func append(_ scalar: Unicode.Scalar, line: Int, column: Int) {
        scalars.append(scalar)
        lines.append(line)
        columns.append(column)
    }

    public mutating func append(_ other: ShellSource) {
        scalars += other.scalars
        lines += other.lines
        columns += other.columns
    }

    /// The characters in `range`, positions kept.
    public func slice(_ range: Range<Int>) -> ShellSource {
        var result = ShellSource()
        result.scalars = Array(scalars[range])
        result.lines = Array(lines[range])
        result.columns = Array(columns[range])
        return result
    }

    /// The plain text.
    public var text: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Where the character at `index` was written (the end of the text for an index past it).
    func position(_ index: Int) -> (line: Int, column: Int) {
        if index < scalars.count { return (lines[index], columns[index]) }
        guard let lastLine = lines.last, let lastColumn = columns.last else { return (1, 1) }
        return (lastLine, lastColumn + 1)
    }
}
