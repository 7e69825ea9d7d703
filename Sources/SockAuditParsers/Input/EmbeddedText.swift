import SockAuditCore

/// A document held in a string of another file (pod YAML in a Jenkinsfile, a runner's TOML in a
/// Helm values file): the string's text, and where each of its positions is in the file, so the
/// document is parsed on its own and its nodes moved back to the lines the user wrote.
struct EmbeddedText {
    let source: ShellSource
    let text: String
    private let lineStarts: [Int]

    init(_ source: ShellSource) {
        self.source = source
        text = source.text
        var starts = [0]
        for (offset, scalar) in source.scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The file position of line `line`, column `column` (1-based, in Unicode scalars) of the text.
    func place(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
        let start = line - 1 < lineStarts.count ? lineStarts[max(line - 1, 0)] : source.count
        return source.position(start + column - 1)
    }

    /// Where the file position `line`:`column` is in the text: the inverse of `place`, nil for a
    /// position the text does not cover.
    func textPosition(ofFileLine line: Int, column: Int) -> (line: Int, column: Int)? {
        guard let offset = source.lines.indices.first(where: { source.lines[$0] == line && source.columns[$0] == column }) else { return nil }
        var textLine = 1
        while textLine < lineStarts.count, lineStarts[textLine] <= offset { textLine += 1 }
        return (textLine, offset - lineStarts[textLine - 1] + 1)
    }

    /// A source located in the text, moved to the file's positions.
    func placed(_ inner: ShellSource) -> ShellSource {
        var moved = ShellSource()
        for offset in 0..<inner.count {
            let (line, column) = place(inner.lines[offset], inner.columns[offset])
            moved.append(inner.scalars[offset], line: line, column: column)
        }
        return moved
    }

    func location(_ line: Int, _ column: Int, path: String) -> SourceLocation {
        let (fileLine, fileColumn) = place(line, column)
        return SourceLocation(path: path, line: fileLine, column: fileColumn)
    }

    /// The tree with every node at its place in the file.
    func relocated(_ node: Node) -> Node {
        let (line, column) = place(node.line, node.column)
        switch node.content {
        case .scalar:
            return Node(node.content, line: line, column: column)
        case .sequence(let items):
            return Node(.sequence(items.map(relocated)), line: line, column: column)
        case .mapping(let pairs):
            return Node(.mapping(pairs.map { Node.Pair(key: relocated($0.key), value: relocated($0.value)) }), line: line, column: column)
        }
    }
}
