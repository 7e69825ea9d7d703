import Foundation
import SockAuditCore
import SockAuditParsers

/// Reads and validates `.sockaudit.yml`. Every unknown or invalid key is collected; the caller
/// gets all of them at once.
public enum ConfigurationLoader {
    public static let fileName = ".sockaudit.yml"

    /// The nearest `.sockaudit.yml` (or `.sockaudit.yaml`) in `start` or a folder above it.
    public static func discover(from start: String) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            folder.deleteLastPathComponent()
        }
        while true {
            for name in [fileName, ".sockaudit.yaml"] {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public static func load(_ path: String, rules: [RuleDescription]) throws(ConfigurationError) -> Configuration {
        // The configuration comes with the repository being scanned: bounded like any file in it.
        switch FileReader.read(path, limit: 1 << 20) {
        case .success(let data): return try parse(String(decoding: data, as: UTF8.self), path: path, rules: rules)
        case .failure(.tooLarge(let size)):
            throw ConfigurationError(path: path, problems: [.init(line: 1, column: 1, message: "cannot be read: \(size) bytes, over 1 MiB")])
        case .failure(.unreadable(let reason)):
            throw ConfigurationError(path: path, problems: [.init(line: 1, column: 1, message: "cannot be read: \(reason)")])
        }
    }

    public static func parse(_ text: String, path: String, rules: [RuleDescription]) throws(ConfigurationError) -> Configuration {
        var reader = ConfigurationReader(path: path, rules: rules)
        let parsed = YAMLParser.parse(text)
        if let error = parsed.error {
            throw ConfigurationError(path: path, problems: [.init(line: error.line, column: error.column, message: error.message)])
        }
        let configuration = reader.read(parsed.documents.first)
        if !reader.problems.isEmpty {
            throw ConfigurationError(path: path, problems: reader.problems)
        }
        return configuration
    }
}

/// Walks the configuration tree, keeping every problem it meets.
struct ConfigurationReader {
    let path: String
    let rules: [RuleDescription]
    var problems: [ConfigurationError.Problem] = []

    mutating func problem(_ node: Node, _ message: String) {
        problems.append(.init(line: node.line, column: node.column, message: message))
    }

    mutating func read(_ root: Node?) -> Configuration {
        var configuration = Configuration()
        configuration.source = path
        guard let root, !root.isNull else { return configuration }
        guard let pairs = root.pairs else {
            problem(root, "the configuration must be a mapping")
            return configuration
        }
        for pair in pairs {
            switch pair.key.string {
            case "fail-on": configuration.failOn = severity(pair.value)
            case "exclude": configuration.excludes = strings(pair.value, "exclude")
            case "rules": readRules(pair.value, into: &configuration)
            case "suppressions": configuration.suppressions = suppressions(pair.value)
            default: problem(pair.key, "unknown key \"\(pair.key.string ?? "?")\" (expected fail-on, exclude, rules, suppressions)")
            }
        }
        return configuration
    }

    private mutating func readRules(_ node: Node, into configuration: inout Configuration) {
        guard let pairs = node.pairs else {
            problem(node, "rules must be a mapping with disable and severity")
            return
        }
        for pair in pairs {
            switch pair.key.string {
            case "disable":
                for item in list(pair.value, "rules.disable") {
                    if let id = ruleID(item) { configuration.disabledRules.insert(id) }
                }
            case "severity":
                guard let entries = pair.value.pairs else {
                    problem(pair.value, "rules.severity must map rule IDs to severities")
                    continue
                }
                for entry in entries {
                    if let id = ruleID(entry.key), let level = severity(entry.value) { configuration.severities[id] = level }
                }
            default: problem(pair.key, "unknown key \"rules.\(pair.key.string ?? "?")\" (expected disable, severity)")
            }
        }
    }

    private mutating func suppressions(_ node: Node) -> [PathSuppression] {
        list(node, "suppressions").compactMap { entry in
            guard let pairs = entry.pairs else {
                problem(entry, "each suppression must be a mapping with paths, rules and reason")
                return nil
            }
            var paths: [String] = []
            var ids: [String] = []
            var reason: String?
            var expires: String?
            for pair in pairs {
                switch pair.key.string {
                case "path", "paths": paths = strings(pair.value, "suppressions.paths")
                case "rule", "rules": ids = list(pair.value, "suppressions.rules").compactMap { ruleID($0) }
                case "reason": reason = pair.value.string.flatMap { $0.isEmpty ? nil : $0 }
                case "expires": expires = date(pair.value)
                default: problem(pair.key, "unknown key \"suppressions.\(pair.key.string ?? "?")\" (expected paths, rules, reason, expires)")
                }
            }
            if paths.isEmpty { problem(entry, "a suppression needs paths (globs of the files it covers)") }
            if reason == nil { problem(entry, "a suppression needs a reason: accepted risk is written down") }
            guard !paths.isEmpty, let reason else { return nil }
            return PathSuppression(
                paths: paths, rules: ids, reason: reason, expires: expires,
                location: SourceLocation(path: path, line: entry.line, column: entry.column))
        }
    }

    // MARK: values

    private mutating func list(_ node: Node, _ key: String) -> [Node] {
        if let items = node.sequence { return items }
        if node.scalar != nil && !node.isNull { return [node] }
        problem(node, "\(key) must be a list")
        return []
    }

    private mutating func strings(_ node: Node, _ key: String) -> [String] {
        list(node, key).compactMap { item in
            guard let text = item.string else {
                problem(item, "\(key) entries must be strings")
                return nil
            }
            return text
        }
    }

    private mutating func ruleID(_ node: Node) -> String? {
        let name = node.string?.lowercased() ?? ""
        if let rule = rules.first(where: { $0.id.lowercased() == name || $0.slug == name }) { return rule.id }
        problem(node, "unknown rule \"\(node.string ?? "")\" (sockaudit rules lists them)")
        return nil
    }

    private mutating func severity(_ node: Node) -> Severity? {
        if let text = node.string, let level = Severity(rawValue: text.lowercased()) { return level }
        problem(node, "invalid severity \"\(node.string ?? "")\" (expected info, low, medium, high, critical)")
        return nil
    }

    private mutating func date(_ node: Node) -> String? {
        if let text = node.string, text.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/) != nil {
            return text
        }
        problem(node, "expires must be a date written YYYY-MM-DD")
        return nil
    }
}
