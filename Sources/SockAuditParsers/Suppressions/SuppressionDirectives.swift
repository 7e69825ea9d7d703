import SockAuditCore

/// Finds `sockaudit:ignore RULE[,RULE ...] -- reason` directives in comments (`#`, `//`, `;`).
/// A directive covers its own line and the line after it; when that line continues with a
/// trailing `\` (or a PowerShell backtick), the whole continued command; in YAML, when that line
/// starts a value that goes on over deeper-indented lines (a `script:` item folded over lines), the
/// whole value.
public enum SuppressionDirectives {
    static let keyword = "sockaudit:ignore"

    public static func scan(_ text: String, path: String) -> [SuppressionDirective] {
        guard TextSearch.contains(text, keyword) else { return [] }
        let lines = splitLines(text)
        let isYAML = path.hasSuffix(".yml") || path.hasSuffix(".yaml")
        var directives: [SuppressionDirective] = []
        for (offset, line) in lines.enumerated() {
            guard let parsed = parse(line) else { continue }
            let number = offset + 1
            var last = min(number + 1, lines.count)
            // `\` continues a shell line, a backtick a PowerShell one, `^` a cmd one
            while last < lines.count, lines[last - 1].hasSuffix("\\") || lines[last - 1].hasSuffix("`") || lines[last - 1].hasSuffix("^") {
                last += 1
            }
            if isYAML, last == number + 1 { last = max(last, yamlValueEnd(lines, startingAt: number)) }
            directives.append(SuppressionDirective(
                location: SourceLocation(path: path, line: number, column: parsed.column),
                rules: parsed.rules, reason: parsed.reason, lines: number...max(number, last)))
        }
        return directives
    }

    /// The last line (1-based) of the YAML value that starts on line `index` (0-based: the line after
    /// a directive on line `index`): `- VALUE` or `KEY: VALUE` with a scalar or flow VALUE on the
    /// line goes on over the lines indented deeper than its dash or key, as YAML folds them. A
    /// block scalar (`|`, `>`), a mapping item (`- name: x`, whose deeper lines are its siblings) or
    /// a lone anchor or tag covers its own line only.
    public static func yamlValueEnd(_ lines: [String], startingAt index: Int) -> Int {
        guard index < lines.count else { return index }
        let line = Substring(lines[index])
        let indent = line.prefix(while: { $0 == " " }).count
        var rest = line.dropFirst(indent)
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2).drop(while: { $0 == " " })
            if rest.contains(": ") || rest.hasSuffix(":") { return index + 1 }
        } else if let colon = rest.range(of: ": ") {
            rest = rest[colon.upperBound...].drop(while: { $0 == " " })
        } else {
            return index + 1
        }
        guard let first = rest.first, !"|>#".contains(first),
              !((first == "&" || first == "!") && !rest.contains(" "))
        else { return index + 1 }
        var end = index + 1
        var next = index + 1
        while next < lines.count {
            let candidate = Substring(lines[next])
            let blank = candidate.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            let depth = candidate.prefix(while: { $0 == " " }).count
            if !blank && (depth <= indent || candidate.dropFirst(depth).hasPrefix("#")) { break }
            next += 1
            if !blank { end = next }
        }
        return end
    }

    /// A sidecar for formats without comments (`daemon.json.sockaudit-ignore` next to
    /// `daemon.json`): each line `RULE[,RULE ...] -- reason` covers the whole file.
    public static func scanSidecar(_ text: String, sidecarPath: String, for path: String) -> [SuppressionDirective] {
        splitLines(text).enumerated().compactMap { offset, raw in
            var line = Substring(raw).drop(while: { $0 == " " || $0 == "\t" })
            if line.isEmpty || line.hasPrefix("#") { return nil }
            if line.hasPrefix(keyword) { line = line.dropFirst(keyword.count) }
            let (rules, reason) = rulesAndReason(line)
            guard !rules.isEmpty else { return nil }
            // Located in the sidecar for messages, but covering the lines of the file it annotates.
            return SuppressionDirective(
                location: SourceLocation(path: path, line: 1, column: 1), rules: rules, reason: reason,
                lines: 1...Int.max, sidecar: SourceLocation(path: sidecarPath, line: offset + 1, column: 1))
        }
    }

    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(current) }
                current = ""
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(current)
                current = ""
                previousWasCR = true
            } else {
                current.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(current)
        return lines
    }

    private static func parse(_ line: String) -> (column: Int, rules: [String], reason: String?)? {
        guard let range = line.firstRange(of: keyword) else { return nil }
        let scalars = Array(line.unicodeScalars[..<range.lowerBound])
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        let markerStart: Int
        if end >= 2, scalars[end - 2] == "/", scalars[end - 1] == "/" {
            markerStart = end - 2
        } else if end >= 1, scalars[end - 1] == "#" || scalars[end - 1] == ";" {
            markerStart = end - 1
        } else if let start = cmdComment(scalars[..<end]) {
            markerStart = start
        } else {
            return nil
        }
        let (rules, reason) = rulesAndReason(line[range.upperBound...])
        return (markerStart + 1, rules, reason)
    }

    /// `rem` or `::` (a `cmd.exe` comment) ending `prefix`, at the start of the line or after a blank.
    private static func cmdComment(_ prefix: ArraySlice<Unicode.Scalar>) -> Int? {
        let text = String(String.UnicodeScalarView(prefix)).lowercased()
        for marker in ["rem", "::", "@rem"] where text.hasSuffix(marker) {
            let start = prefix.count - marker.unicodeScalars.count
            if start == 0 || prefix[prefix.startIndex + start - 1] == " " || prefix[prefix.startIndex + start - 1] == "\t" {
                return start
            }
        }
        return nil
    }

    private static func rulesAndReason(_ rest: Substring) -> ([String], String?) {
        let parts = rest.components(separatedBy: "--")
        let rules = (parts.first ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard parts.count > 1 else { return (rules, nil) }
        var reason = parts.dropFirst().joined(separator: "--").trimming(" \t")
        if reason.hasSuffix("*/") { reason = String(reason.dropLast(2)).trimming(" \t") }
        return (rules, reason.isEmpty ? nil : reason)
    }
}

extension StringProtocol {
    func components(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }

}
