import SockAuditCore

/// A TOML table while the file is read: tables may be added to from several places (`[a]`, then
/// `[a.b]`, then `[[a.c]]`), so they are built as references and turned into `Node`s at the end.
/// The checks are TOML's: a key is set once, a table is defined by one header, an array of tables
/// is only appended to by `[[...]]`.
final class TOMLTable {
    enum Origin {
        /// Made on the way to a deeper header (`[a.b]` makes `a`); a later `[a]` may still define it.
        case implicit
        /// Defined by its own `[header]` (or an inline table, or the root).
        case header
        /// Made by a dotted key (`a.b = 1` makes `a`).
        case dotted
    }

    enum Entry {
        case value(Node)
        case table(TOMLTable)
        case tables(Node, [TOMLTable])
    }

    var line: Int
    var column: Int
    var origin: Origin
    private var keys: [Node] = []
    private var entries: [Entry] = []
    private var index: [String: Int] = [:]

    init(line: Int, column: Int, origin: Origin) {
        self.line = line
        self.column = column
        self.origin = origin
    }

    private func add(_ key: TOMLKey, _ entry: Entry) {
        index[key.text] = entries.count
        keys.append(key.node)
        entries.append(entry)
    }

    private func existing(_ key: TOMLKey) -> (Node, Entry)? {
        index[key.text].map { (keys[$0], entries[$0]) }
    }

    private static func error(_ message: String, at key: TOMLKey) -> ParseError {
        ParseError(message, line: key.line, column: key.column)
    }

    /// The table under `key`, made (as `creating`) when absent. `[a.b]` goes through the last table
    /// of an array of tables `a`; a dotted key may not.
    func descend(_ key: TOMLKey, creating: Origin, throughArrays: Bool) throws(ParseError) -> TOMLTable {
        guard let (first, entry) = existing(key) else {
            let table = TOMLTable(line: key.line, column: key.column, origin: creating)
            add(key, .table(table))
            return table
        }
        switch entry {
        case .table(let table):
            return table
        case .tables(_, let tables) where throughArrays:
            return tables[tables.count - 1]
        case .tables:
            throw Self.error("\"\(key.text)\" is an array of tables (line \(first.line)); a dotted key cannot add to it", at: key)
        case .value:
            throw Self.error("\"\(key.text)\" already has a value (line \(first.line)), so it cannot be a table", at: key)
        }
    }

    /// `[key]` at `line`:`column`.
    func defineHeader(_ key: TOMLKey, line: Int, column: Int) throws(ParseError) -> TOMLTable {
        guard let (first, entry) = existing(key) else {
            let table = TOMLTable(line: line, column: column, origin: .header)
            add(key, .table(table))
            return table
        }
        switch entry {
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            table.line = line
            table.column = column
            return table
        case .table:
            throw Self.error("table \"\(key.text)\" is defined twice (first at line \(first.line))", at: key)
        case .tables:
            throw Self.error("\"\(key.text)\" is an array of tables (line \(first.line)), not a table", at: key)
        case .value:
            throw Self.error("\"\(key.text)\" already has a value (line \(first.line)), so it cannot be a table", at: key)
        }
    }

    /// `[[key]]` at `line`:`column`: a new table appended to the array.
    func appendToArray(_ key: TOMLKey, line: Int, column: Int) throws(ParseError) -> TOMLTable {
        let table = TOMLTable(line: line, column: column, origin: .header)
        guard let slot = index[key.text] else {
            add(key, .tables(Node(.sequence([]), line: line, column: column), [table]))
            return table
        }
        guard case .tables(let node, let tables) = entries[slot] else {
            throw Self.error("\"\(key.text)\" is already defined (line \(keys[slot].line)), not as an array of tables", at: key)
        }
        entries[slot] = .tables(node, tables + [table])
        return table
    }

    /// `key = value`.
    func set(_ key: TOMLKey, to value: Node) throws(ParseError) {
        if let (first, _) = existing(key) {
            throw Self.error("duplicate key \"\(key.text)\" (first at line \(first.line))", at: key)
        }
        add(key, .value(value))
    }

    /// The finished table as a mapping node.
    func node() -> Node {
        var pairs: [Node.Pair] = []
        pairs.reserveCapacity(entries.count)
        for (key, entry) in zip(keys, entries) {
            let value: Node
            switch entry {
            case .value(let node): value = node
            case .table(let table): value = table.node()
            case .tables(let node, let tables): value = Node(.sequence(tables.map { $0.node() }), line: node.line, column: node.column)
            }
            pairs.append(Node.Pair(key: key, value: value))
        }
        return Node(.mapping(pairs), line: line, column: column)
    }
}
