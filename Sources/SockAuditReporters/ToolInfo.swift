/// The tool's identity as reports state it.
public struct ToolInfo: Sendable, Hashable {
    public var name: String
    /// Semantic version (SARIF's `semanticVersion` requires one).
    public var version: String
    public var informationURI: String

    public init(name: String, version: String, informationURI: String) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }

    public static let sockaudit = ToolInfo(
        name: "sockaudit", version: "0.1.0", informationURI: "https://github.com/sockaudit/sockaudit")
}
