/// A file carried inside another input (a host snapshot holds its host's `daemon.json` and unit
/// files), scanned like a file of its own under the path it has on its host.
public struct EmbeddedFile: Hashable, Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
