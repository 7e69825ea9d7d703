/// An inline `sockaudit:ignore` directive found in a file's comments (or its JSON sidecar).
public struct SuppressionDirective: Hashable, Sendable {
    /// Where the directive is written.
    public var location: SourceLocation
    /// Rule IDs or slugs as written.
    public var rules: [String]
    /// The written reason after `--`; nil or empty means unjustified (it suppresses nothing).
    public var reason: String?
    /// The lines of `location.path` whose findings it covers.
    public var lines: ClosedRange<Int>

    /// For a directive written in a sidecar file, where it is written; `location` is then the
    /// annotated file's first line.
    public var sidecar: SourceLocation?

    public init(
        location: SourceLocation, rules: [String], reason: String?, lines: ClosedRange<Int>, sidecar: SourceLocation? = nil
    ) {
        self.location = location
        self.rules = rules
        self.reason = reason
        self.lines = lines
        self.sidecar = sidecar
    }

    /// Where the directive is written, for messages and for reporting it.
    public var writtenAt: SourceLocation { sidecar ?? location }

    public var isJustified: Bool { !(reason ?? "").isEmpty }
}
