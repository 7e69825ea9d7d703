/// A rule's own example input. `↓` marks each exact spot where the rule must report a finding
/// (and is removed before scanning). A non-firing example has no marker and must stay silent.
public struct Example: Hashable, Sendable {
    public static let marker: Character = "↓"

    /// The file name the example is scanned as; it decides the input kind.
    public var filename: String
    public var text: String
    /// Other files that sit next to the example (an `.env` beside a Compose file, say).
    public var companions: [String: String]

    public init(_ filename: String, _ text: String, companions: [String: String] = [:]) {
        self.filename = filename
        self.text = text
        self.companions = companions
    }

    /// The text with its markers removed.
    public var source: String { String(text.filter { $0 != Example.marker }) }

    /// The 1-based line and column (in Unicode scalars) of every marker.
    public var markedPositions: [(line: Int, column: Int)] {
        var result: [(Int, Int)] = []
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                result.append((line, column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }
}
