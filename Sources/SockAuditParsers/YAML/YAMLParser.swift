import Yams

/// YAML text -> located trees, one per document, through Yams' composer. Merge keys (`<<`) are
/// applied here because Yams leaves them in the tree; aliases arrive as the anchored node itself,
/// so a value inherited through an alias keeps the anchor's line.
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
        if let refusal = AliasBombGuard.refusal(for: text) {
            return Result(documents: [], error: refusal)
        }
        var documents: [Node] = []
        var converter = Converter(budget: expansionFloor + expansionPerByte * text.utf8.count)
        do {
            var sequence = try Yams.compose_all(yaml: text, Resolver.basic, Constructor.default, .utf8)
            while let document = sequence.next() {
                documents.append(try converter.convert(document))
            }
            if let error = sequence.error {
                return Result(documents: documents, error: parseError(from: error))
            }
        } catch let error as ParseError {
            return Result(documents: documents, error: error)
        } catch {
            return Result(documents: documents, error: parseError(from: error))
        }
        return Result(documents: documents, error: nil)
    }

    static func parseError(from error: Error) -> ParseError {
        guard let yamlError = error as? YamlError else {
            return ParseError("YAML could not be read: \(error)", line: 1, column: 1)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return ParseError("invalid YAML: \(detail)", line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = position(ofByte: offset ?? 0, in: yaml)
            return ParseError("unreadable YAML: \(problem)", line: line, column: column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ParseError(
                "duplicate key \(duplicates.joined(separator: ", ")) in one mapping: loaders disagree on which value wins, so the file is refused",
                line: context.mark.line, column: context.mark.column)
        default:
            return ParseError("invalid YAML: \(yamlError)", line: 1, column: 1)
        }
    }

    /// Line and column of a byte offset, for reader errors that give only an offset.
    static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        var consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
