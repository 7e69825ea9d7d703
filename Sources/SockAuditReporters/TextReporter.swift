import SockAuditCore

/// Human-readable findings, one per line: `path:line:col: severity ID slug: message`.
/// Grouped mode prints each file once as a header with its findings indented under it.
public struct TextReporter: Reporter {
    public var color: Bool
    public var grouped: Bool

    public init(color: Bool = false, grouped: Bool = false) {
        self.color = color
        self.grouped = grouped
    }

    public func render(_ result: ScanResult) -> String {
        let findings = result.reportOrder
        return grouped ? renderGrouped(findings) : findings.map { line(for: $0, showingPath: true) + "\n" }.joined()
    }

    private func renderGrouped(_ findings: [Finding]) -> String {
        var blocks: [String] = []
        var current: String?
        var block = ""
        for finding in findings {
            if finding.location.path != current {
                if current != nil { blocks.append(block) }
                current = finding.location.path
                block = paint(Terminal.printable(finding.location.path), ANSI.bold) + "\n"
            }
            block += "  " + line(for: finding, showingPath: false) + "\n"
        }
        if current != nil { blocks.append(block) }
        return blocks.joined(separator: "\n")
    }

    func line(for finding: Finding, showingPath: Bool) -> String {
        let location = finding.location
        let place = showingPath
            ? "\(Terminal.printable(location.path)):\(location.line):\(location.column):"
            : "\(location.line):\(location.column)"
        let rest = "\(Terminal.printable(finding.ruleID)) \(Terminal.printable(finding.slug)): \(Terminal.printable(finding.message))"
        guard let suppression = finding.suppression else {
            return "\(place) \(paint(finding.severity.rawValue, ANSI.color(for: finding.severity))) \(rest)"
        }
        // A suppressed finding is dimmed as a whole so it does not draw the eye like an active one.
        let text = "\(place) \(finding.severity.rawValue) \(rest) (suppressed: \(Terminal.printable(suppression.reason)))"
        return paint(text, ANSI.dim)
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? code + text + ANSI.reset : text
    }
}

enum ANSI {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"

    static func color(for severity: Severity) -> String {
        switch severity {
        case .critical: "\u{1B}[1;31m"
        case .high: "\u{1B}[31m"
        case .medium: "\u{1B}[33m"
        case .low: "\u{1B}[36m"
        case .info: "\u{1B}[90m"
        }
    }
}

enum Terminal {
    /// Paths and messages come from scanned files, which an attacker may write: control characters
    /// (escape sequences, newlines) and bidirectional overrides are shown escaped so they can neither
    /// drive the terminal nor forge extra output lines.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if let escaped = escaped(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// How `printable` shows one scalar; nil when it is shown as it is.
    static func escaped(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case _ where needsEscape(scalar): "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: nil
        }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
