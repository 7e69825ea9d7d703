import SockAuditCore
import SockAuditParsers
import SockAuditRules
import SockAuditScanner

/// One parser under fuzzing: how to feed it bytes, and the tokens its mutations insert. Each input
/// goes through the parser alone and through the whole scanner under the file names that claim it.
public struct FuzzTarget: Sendable {
    public var name: String
    /// Names the input is scanned under, so each input kind that reads this format sees it.
    public var fileNames: [String]
    /// Structural fragments of the format, for insert mutations.
    public var tokens: [String]
    /// The parser alone: the problems found with its output (empty when every invariant holds).
    public var parse: @Sendable (_ bytes: [UInt8], _ bounds: PositionBounds) -> [String]

    /// Runs every invariant on one input; returns the violations.
    public func check(_ bytes: [UInt8]) -> [String] {
        let bounds = PositionBounds(bytes)
        var problems = parse(bytes, bounds)
        let sources = fileNames.map { SourceFile(path: $0, bytes: bytes) }
        var options = ScanOptions(rules: BuiltInRules.all)
        options.workers = 1
        // One file at a time: files named together are merged as one host's daemon configuration.
        for source in sources {
            let result = Scanner(options: options).scan(sources: [source])
            for finding in result.findings {
                problems += bounds.violations(line: finding.location.line, column: finding.location.column,
                                              what: "\(finding.ruleID) finding in \(source.path)")
            }
        }
        return problems
    }
}

/// Every fuzz target; a new parser is one line here.
public enum FuzzTargets {
    public static let all: [FuzzTarget] = [.yaml, .json]

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

extension FuzzTarget {
    public static let yaml = FuzzTarget(
        name: "yaml", fileNames: ["docker-compose.yml", "manifest.yaml"],
        tokens: [": ", "- ", "? ", "&a ", "*a", "&b ", "*b", "<<: *a\n", "!!str ", "!!map ", "!tag ", "|\n", ">-\n", "|2+\n",
                 "\n  ", "\n    ", "\t", "\r", "\r\n", "'", "\"", "\\", "{", "}", "[", "]", ",", "#", "---\n", "...\n",
                 "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\u{2028}", "\u{85}", "\u{FEFF}", "\\x00", "\\u0000", "\u{0}",
                 "services:\n  a:\n    volumes: [/var/run/docker.sock:/s]\n", "apiVersion: v1\nkind: Pod\n",
                 "extends: {file: x.yml, service: a}\n", "include: [a.yml]\n", "${VAR:-/var/run/docker.sock}"],
        parse: { bytes, bounds in
            let result = YAMLParser.parse(String(decoding: bytes, as: UTF8.self))
            var problems = result.documents.flatMap { bounds.violations(in: $0) }
            if let error = result.error {
                problems += bounds.violations(line: error.line, column: error.column, what: "YAML error \"\(error.message)\"")
            }
            return problems
        })

    public static let json = FuzzTarget(
        name: "json", fileNames: ["daemon.json", "inspect.json", "manifest.json"],
        tokens: ["{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud83d", "\\udc00", "\\u0000", "1e400", "-0", "0.",
                 "true", "null", "\n", "\r", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{7F}", "\"HostConfig\": {\"Binds\": [\"/var/run/docker.sock:/s\"]}",
                 "\"hosts\": [\"tcp://0.0.0.0:2375\"]", "\"apiVersion\": \"v1\", \"kind\": \"Pod\""],
        parse: { bytes, bounds in
            do throws(ParseError) {
                return bounds.violations(in: try JSONParser.parse(bytes))
            } catch {
                return bounds.violations(line: error.line, column: error.column, what: "JSON error \"\(error.message)\"")
            }
        })
}
