import SockAuditCore

/// A Helm chart's templates are Go templates, not YAML, until rendered: the chart is reported once,
/// on its `Chart.yaml`, with the command that renders it, instead of one parse error per template.
enum HelmChartNotice {
    static func outcome(chartFile: String) -> FileOutcome {
        let display = Scanner.display(chartFile)
        var folder = String(display.dropLast("Chart.yaml".count))
        if folder.hasSuffix("/") { folder.removeLast() }
        if folder.isEmpty { folder = "." }
        let reason = "Helm chart templates are not valid YAML until rendered; "
            + "scan the rendered manifests with: helm template \(folder) | sockaudit scan -"
        let location = SourceLocation(path: display, line: 1, column: 1)
        return FileOutcome(kind: .input(.helm), facts: Facts(unscannable: [UnscannableFile(location: location, reason: reason)]))
    }
}
