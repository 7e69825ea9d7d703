import SockAuditCore

/// GitHub Actions workflow commands that annotate a pull request's diff, one per active finding:
/// `::error file=PATH,line=L,col=C,title=SA101 slug::message`, most severe first. Suppressed and
/// baselined findings are accepted risk and would only add noise to the diff, so they get no
/// annotation.
///
/// GitHub shows at most 10 annotations of each level (error, warning, notice) per step, in the
/// order printed, and drops the rest. By default the 10 most severe findings of each level are
/// printed; with `maxAnnotations`, that many in all. What is left out is said first, in a notice
/// that takes one of the ten notice places, so it is always shown.
public struct GitHubReporter: Reporter {
    /// Annotations of one level GitHub shows per step.
    public static let annotationsPerLevel = 10

    /// Annotations in all (most severe first); nil: `annotationsPerLevel` of each level.
    public var maxAnnotations: Int?

    public init(maxAnnotations: Int? = nil) {
        self.maxAnnotations = maxAnnotations
    }

    public func render(_ result: ScanResult) -> String {
        var selection = AnnotationSelection(maxAnnotations: maxAnnotations)
        for finding in result.reportOrder { selection.offer(finding) }
        return commands(selection)
    }

    /// The notice saying what was left out, if anything was, then the annotations.
    func commands(_ selection: AnnotationSelection) -> String {
        let (kept, cut) = selection.finished()
        var out = ""
        if let cut {
            var text = "sockaudit \(cut.description). "
            text += maxAnnotations.map { "--max-results \($0) was asked for; " }
                ?? "GitHub shows at most \(Self.annotationsPerLevel) annotations of each level per step; "
            text += "--format text, json or sarif lists every finding."
            out += "::notice title=sockaudit::\(Self.escapedData(text))\n"
        }
        return out + kept.map(command).joined()
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

/// The active findings to annotate, gathered one at a time in bounded memory: the most severe of
/// each level (or in all, with a total), and what was left out.
struct AnnotationSelection {
    private static let levels = ["error", "warning", "notice"]
    private var byLevel: [MostSevereSelection]
    private let total: Bool

    init(maxAnnotations: Int?) {
        total = maxAnnotations != nil
        byLevel = total
            ? [MostSevereSelection(limit: maxAnnotations ?? 0)]
            : Self.levels.map { _ in MostSevereSelection(limit: GitHubReporter.annotationsPerLevel) }
    }

    mutating func offer(_ finding: Finding) {
        guard finding.isActive else { return }
        let index = total ? 0 : Self.levels.firstIndex(of: finding.severity.annotationLevel) ?? 0
        byLevel[index].offer(finding)
    }

    /// The annotations, most severe first, and what was left out (nil when nothing).
    func finished() -> ([Finding], ReportCut?) {
        var selections = byLevel
        // The notice saying what was left out needs a place among the notices GitHub shows.
        if !total, selections.contains(where: { $0.cut != nil }), selections[2].keptCount == GitHubReporter.annotationsPerLevel {
            selections[2].dropLeastImportant()
        }
        var omitted = SeverityCounts()
        for selection in selections { omitted.add(selection.omitted) }
        let kept = selections.flatMap(\.keptMostSevereFirst)
        return (kept, omitted.total == 0 ? nil : ReportCut(listed: kept.count, omitted: omitted))
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
