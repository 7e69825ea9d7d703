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
        parse(text, allowsDuplicateKeys: false)
    }

    /// What a file that `parse` refused is shaped like, to tell which input it belongs to, never to
    /// judge it: duplicate keys are kept (the last wins) and Go template actions (`{{ … }}`, in a
    /// Helm or Traefik template) are blanked to spaces, lines and columns kept.
    public static func outline(_ text: String) -> Result {
        parse(text.contains("{{") ? withoutTemplateActions(text) : text, allowsDuplicateKeys: true)
    }

    /// A line of nothing but actions (`{{ range … }}`, `{{ end }}`) becomes blank; an action among
    /// other text (`{{ $name }}:`, `image: {{ .Values.image }}`) becomes `_`s, so a key or value
    /// is still there.
    private static func withoutTemplateActions(_ text: String) -> String {
        let original = text.split(separator: "\n", omittingEmptySubsequences: false)
        let blanked = TemplateActions.blank(text).lines
        return blanked.enumerated().map { index, line -> String in
            guard index < original.count, !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return line }
            let written = Array(original[index].unicodeScalars.filter { $0 != "\r" })
            let kept = Array(line.unicodeScalars)
            guard written.count == kept.count else { return line }
            return String(String.UnicodeScalarView(zip(written, kept).map { $0 == $1 ? $1 : "_" }))
        }.joined(separator: "\n")
    }

    /// A template whose branches write the same key (`{% if %} image: a {% else %} image: b`) has
    /// it twice once its tags are set aside: every pair is kept, and lookups take the last.
    public static func parseTemplate(_ text: String) -> Result {
        parse(text, allowsDuplicateKeys: true)
    }

    private static func parse(_ text: String, allowsDuplicateKeys: Bool) -> Result {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var composer = YAMLComposer(
            budget: expansionFloor + expansionPerByte * text.utf8.count, allowsDuplicateKeys: allowsDuplicateKeys)
        return composer.compose(text)
    }
}
