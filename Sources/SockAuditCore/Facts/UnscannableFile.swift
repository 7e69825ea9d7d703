/// A file in scope that could not be read or parsed, with the position of the problem.
public struct UnscannableFile: Hashable, Sendable {
    /// How much of the file the problem kept from being judged.
    public enum Extent: Hashable, Sendable {
        /// The file (or everything from the problem on) was not judged.
        case file
        /// One value or command could not be read; the rest of the file was judged.
        case part
    }

    public var location: SourceLocation
    public var reason: String
    public var extent: Extent

    public init(location: SourceLocation, reason: String, extent: Extent = .file) {
        self.location = location
        self.reason = reason
        self.extent = extent
    }
}
