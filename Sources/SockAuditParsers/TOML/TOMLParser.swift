import SockAuditCore

/// TOML (1.0, plus 1.1's newlines and trailing commas in inline tables) -> a located `Node` tree:
/// tables are mappings, arrays and arrays of tables are sequences, values are scalars. Strings are
/// quoted scalars holding their decoded text; integers, floats, booleans and dates are plain
/// scalars holding their text as written. Every key and value keeps the line and column (in
/// Unicode scalars) where it starts; a table is located at its `[header]`. Bad input is a
/// `ParseError` at the offending character.
public enum TOMLParser {
    /// Arrays, inline tables and dotted keys nested deeper than this are refused: the tree is
    /// walked and compared recursively later, and no real configuration comes near it.
    static let maximumDepth = 100

    public static func parse(_ text: String) throws(ParseError) -> Node {
        var reader = TOMLReader(TextDecoding.unixLineEnds(text))
        let root = TOMLTable(line: 1, column: 1, origin: .header)
        var current = root
        while true {
            reader.skipBlankLinesAndComments()
            guard let scalar = reader.peek() else { break }
            if scalar == "[" {
                current = try header(&reader, root: root)
            } else {
                try keyValue(&reader, into: current)
            }
            try reader.expectLineEnd()
        }
        return root.node()
    }

    /// `[a.b]` or `[[a.b]]`: the table that the following key/value pairs go into.
    private static func header(_ reader: inout TOMLReader, root: TOMLTable) throws(ParseError) -> TOMLTable {
        let (line, column) = reader.position
        reader.advance()
        let isArray = reader.peek() == "["
        if isArray { reader.advance() }
        reader.skipSpaces()
        let keys = try self.keys(&reader)
        reader.skipSpaces()
        guard reader.peek() == "]" else { throw reader.error("expected ] to close the table header") }
        reader.advance()
        if isArray {
            guard reader.peek() == "]" else { throw reader.error("expected ]] to close the array-of-tables header") }
            reader.advance()
        }
        var table = root
        for key in keys.dropLast() {
            table = try table.descend(key, creating: .implicit, throughArrays: true)
        }
        let last = keys[keys.count - 1]
        return isArray
            ? try table.appendToArray(last, line: line, column: column)
            : try table.defineHeader(last, line: line, column: column)
    }

    /// `key = value`, the key possibly dotted (`a.b = 1` makes table `a`).
    private static func keyValue(_ reader: inout TOMLReader, into table: TOMLTable) throws(ParseError) {
        let keys = try self.keys(&reader)
        reader.skipSpaces()
        guard reader.peek() == "=" else { throw reader.error("expected = after the key \"\(keys.last!.text)\"") }
        reader.advance()
        reader.skipSpaces()
        let value = try self.value(&reader, depth: keys.count)
        var target = table
        for key in keys.dropLast() {
            target = try target.descend(key, creating: .dotted, throughArrays: false)
        }
        try target.set(keys[keys.count - 1], to: value)
    }

    /// A dotted key: bare (`A-Za-z0-9_-`), "basic" or 'literal' parts joined by dots.
    private static func keys(_ reader: inout TOMLReader) throws(ParseError) -> [TOMLKey] {
        var keys: [TOMLKey] = []
        while true {
            let (line, column) = reader.position
            let text: String
            switch reader.peek() {
            case "\""?, "'"?:
                text = try TOMLStrings.string(&reader, multiLine: false)
            case let scalar? where TOMLReader.isBareKey(scalar):
                text = reader.take(while: TOMLReader.isBareKey)
            case let scalar?:
                throw reader.error("expected a key, found \(TOMLReader.describe(scalar))")
            case nil:
                throw reader.error("expected a key, found the end of the file")
            }
            keys.append(TOMLKey(text: text, line: line, column: column))
            guard keys.count <= maximumDepth else { throw reader.error("a key of more than \(maximumDepth) parts") }
            reader.skipSpaces()
            guard reader.peek() == "." else { return keys }
            reader.advance()
            reader.skipSpaces()
        }
    }

    /// One value: a string, number, boolean, date, array or inline table.
    static func value(_ reader: inout TOMLReader, depth: Int) throws(ParseError) -> Node {
        guard depth <= maximumDepth else { throw reader.error("values nested more than \(maximumDepth) deep") }
        let (line, column) = reader.position
        func scalar(_ text: String, plain: Bool) -> Node {
            Node(.scalar(Node.Scalar(text, isPlain: plain)), line: line, column: column)
        }
        switch reader.peek() {
        case "\""?, "'"?:
            return scalar(try TOMLStrings.string(&reader), plain: false)
        case "["?:
            return try array(&reader, depth: depth)
        case "{"?:
            return try inlineTable(&reader, depth: depth)
        case nil:
            throw reader.error("expected a value, found the end of the file")
        case let first?:
            let text = reader.takeBareValue()
            guard !text.isEmpty else { throw reader.error("expected a value, found \(TOMLReader.describe(first))") }
            guard TOMLBareValue.isValid(text) else {
                throw ParseError("\"\(text.prefix(40))\" is not a TOML value (a string needs quotes)", line: line, column: column)
            }
            return scalar(text, plain: true)
        }
    }

    /// `[ v, v, ]` over any number of lines, with comments between the values.
    private static func array(_ reader: inout TOMLReader, depth: Int) throws(ParseError) -> Node {
        let (line, column) = reader.position
        reader.advance()
        var items: [Node] = []
        while true {
            reader.skipWhitespaceNewlinesAndComments()
            if reader.peek() == "]" { break }
            items.append(try value(&reader, depth: depth + 1))
            reader.skipWhitespaceNewlinesAndComments()
            if reader.peek() == "," {
                reader.advance()
                continue
            }
            guard reader.peek() == "]" else {
                if reader.peek() == nil { throw ParseError("unterminated array (no closing ])", line: line, column: column) }
                throw reader.error("expected , or ] in the array")
            }
            break
        }
        reader.advance()
        return Node(.sequence(items), line: line, column: column)
    }

    /// `{ k = v, a.b = v }`, closed for good once written.
    private static func inlineTable(_ reader: inout TOMLReader, depth: Int) throws(ParseError) -> Node {
        let (line, column) = reader.position
        reader.advance()
        let table = TOMLTable(line: line, column: column, origin: .header)
        while true {
            reader.skipWhitespaceNewlinesAndComments()
            if reader.peek() == "}" { break }
            let keys = try self.keys(&reader)
            reader.skipSpaces()
            guard reader.peek() == "=" else { throw reader.error("expected = after the key \"\(keys.last!.text)\"") }
            reader.advance()
            reader.skipSpaces()
            let item = try value(&reader, depth: depth + keys.count)
            var target = table
            for key in keys.dropLast() {
                target = try target.descend(key, creating: .dotted, throughArrays: false)
            }
            try target.set(keys[keys.count - 1], to: item)
            reader.skipWhitespaceNewlinesAndComments()
            if reader.peek() == "," {
                reader.advance()
                continue
            }
            guard reader.peek() == "}" else {
                if reader.peek() == nil { throw ParseError("unterminated inline table (no closing })", line: line, column: column) }
                throw reader.error("expected , or } in the inline table")
            }
            break
        }
        reader.advance()
        return table.node()
    }
}

/// One part of a dotted key, where it was written.
struct TOMLKey {
    var text: String
    var line: Int
    var column: Int

    var node: Node { Node(.scalar(Node.Scalar(text, isPlain: false)), line: line, column: column) }
}
