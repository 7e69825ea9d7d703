import SockAuditParsers

/// The largest line and column any position inside an input can have. Lines are counted generously
/// (LF, CR, NEL, LS and PS all break a line for YAML) so a parser's own counting is never below it.
public struct PositionBounds: Sendable {
    public var maxLine: Int
    public var maxColumn: Int

    public init(_ bytes: [UInt8]) {
        var breaks = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x0A, 0x0D: breaks += 1
            case 0x85 where index > 0 && bytes[index - 1] == 0xC2: breaks += 1
            // U+2028 and U+2029 (E2 80 A8/A9): the guard must hold for both.
            case 0xA8 where index > 1 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80,
                 0xA9 where index > 1 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80:
                breaks += 1
            // UTF-16: a break is one code unit, whichever byte order.
            case 0x00 where index > 0 && (bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D): breaks += 1
            default: break
            }
        }
        maxLine = breaks + 1
        maxColumn = bytes.count + 1
    }

    public func violations(line: Int, column: Int, what: String) -> [String] {
        guard line < 1 || column < 1 || line > maxLine || column > maxColumn else { return [] }
        return ["\(what) at \(line):\(column), outside the input (lines 1...\(maxLine), columns 1...\(maxColumn))"]
    }

    /// Every node of a tree, walked with an explicit stack (trees may be 1,000 levels deep).
    public func violations(in root: Node) -> [String] {
        var problems: [String] = []
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            problems += violations(line: node.line, column: node.column, what: "node")
            if problems.count > 10 { break }
            switch node.content {
            case .scalar: break
            case .sequence(let items): pending += items
            case .mapping(let pairs):
                for pair in pairs { pending += [pair.key, pair.value] }
            }
            // Aliases share subtrees; the composer's budget bounds the expansion, so does this walk.
            if visited > 50_000_000 { return problems + ["tree of over 50,000,000 nodes"] }
        }
        return problems
    }
}
