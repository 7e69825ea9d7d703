/// One file's bytes and the path it is reported under.
public struct SourceFile: Sendable {
    /// The path as the user sees it: relative to the working directory where the user gave a
    /// relative path, `-` for standard input.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The last path component.
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The lower-cased extension without the dot, or "".
    public var pathExtension: String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
