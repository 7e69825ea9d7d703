/// One file's bytes and the path it is reported under.
public struct SourceFile: Sendable {
    /// The path as the user sees it: relative to the working directory where the user gave a
    /// relative path, `-` for standard input.
    public let path: String
    public var bytes: [UInt8]
    /// The last path component.
    public let name: String
    /// The lower-cased extension without the dot, or "".
    public let pathExtension: String
    /// The folder the file sits in, by its last component (`docker.service.d`), or "".
    public let folderName: String

    /// Name, extension and folder are worked out once here: every input asks for them for every
    /// file of a sweep.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let components = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        name = components.last.map { String(Substring($0)) } ?? path
        folderName = components.count > 1 ? String(Substring(components[components.count - 2])) : ""
        if let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex {
            pathExtension = String(name[name.index(after: dot)...]).lowercased()
        } else {
            pathExtension = ""
        }
    }
}
