import SockAuditCore

/// A parser's error: what went wrong and where (1-based; line 1, column 1 when the input gives no
/// position). The path is set by whoever knows which file was parsed (`in(_:)`).
public struct ParseError: Error, Hashable, Sendable {
    public var message: String
    public var path: String
    public var line: Int
    public var column: Int

    public init(_ message: String, path: String = "", line: Int, column: Int) {
        self.message = message
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// The same error, in the file at `path`.
    public func `in`(_ path: String) -> ParseError {
        var located = self
        located.path = path
        return located
    }

    public var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }
}

extension UnscannableFile {
    /// A parse error is SA901 at its position: the whole file when the parser gave up, or one part
    /// of it (`extent: .part`) when the parser went on after it.
    public init(_ error: ParseError, extent: Extent = .file) {
        self.init(location: error.location, reason: error.message, extent: extent)
    }
}
