/// Everything wrong with a configuration file, reported at once, each with its line and column.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var path: String
    public var problems: [Problem]

    public var description: String {
        problems.map { "\(path):\($0.line):\($0.column): \($0.message)" }.joined(separator: "\n")
    }
}
