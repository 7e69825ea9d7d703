/// YAML text -> located trees, one per document.
public enum YAMLParser {
    /// The documents that parsed, and the error that stopped the parse, if any (the documents
    /// before a broken one are still returned).
    public struct Result: Sendable {
        public var documents: [Node]
        public var error: ParseError?
    }

    /// How many nodes aliases may expand a document to, per byte of input (plus a floor), before
    /// the file is refused: a billion-laughs document is tiny text but an astronomic tree.
    public static let expansionPerByte = 64
    public static let expansionFloor = 100_000

    public static func parse(_ text: String) -> Result {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var composer = YAMLComposer(budget: expansionFloor + expansionPerByte * text.utf8.count)
        return composer.compose(text)
    }
}
