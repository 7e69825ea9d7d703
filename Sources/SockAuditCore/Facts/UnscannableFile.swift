/// A file in scope that could not be read or parsed, with the position of the problem.
public struct UnscannableFile: Hashable, Sendable {
    public var location: SourceLocation
    public var reason: String

    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }
}
