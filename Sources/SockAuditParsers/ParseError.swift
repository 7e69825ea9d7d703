/// A parser's error: what went wrong and where (1-based; line 1, column 1 when the input gives no position).
public struct ParseError: Error, Hashable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = max(1, line)
        self.column = max(1, column)
    }
}
