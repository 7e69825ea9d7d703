import SockAuditCore

/// GitHub Actions workflow commands that annotate a pull request's diff, one per active finding:
/// `::error file=PATH,line=L,col=C,title=SA101 slug::message`. Suppressed and baselined findings
/// are accepted risk and would only add noise to the diff, so they get no annotation.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ result: ScanResult) -> String {
        result.reportOrder.filter(\.isActive).map(command).joined()
    }

    func command(_ finding: Finding) -> String {
        let location = finding.location
        var properties = [("file", Self.path(location.path))]
        // Line 0 (a host probe) would point nowhere; without it the annotation still names the file.
        if location.line >= 1 {
            properties.append(("line", String(location.line)))
            if location.column >= 1 { properties.append(("col", String(location.column))) }
        }
        properties.append(("title", "\(finding.ruleID) \(finding.slug)"))
        let list = properties.map { "\($0)=\(Self.escapedProperty($1))" }.joined(separator: ",")
        return "::\(finding.severity.annotationLevel) \(list)::\(Self.escapedData(finding.message))\n"
    }

    /// `./k8s//pod.yaml` → `k8s/pod.yaml`: GitHub matches annotations to the diff by exact relative path.
    static func path(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let segments = FileURI.segments(of: path)
        return segments.isEmpty || segments.first == ".." ? path : segments.joined(separator: "/")
    }

    /// As `@actions/core` escapes a command's message; a newline would otherwise end the command and
    /// let the rest of a hostile value start a workflow command of its own.
    static func escapedData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Property values also escape `:` and `,`, which delimit the properties.
    static func escapedProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapedData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Severity {
    /// The workflow command for an annotation; the same bands as SARIF levels.
    var annotationLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "notice"
        }
    }
}
