import SockAuditCore

/// The fixed parts of the HTML report: head, style, the severity chart.
enum HTMLTemplate {
    static let unscannableRule = "SA901"

    /// No script and nothing fetched: the policy forbids both, so a value that escaped escaping
    /// still could not run or call out.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(HTML.text(title))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
        .report{display:flex;flex-direction:column;max-width:1200px;margin:0 auto;padding:16px 24px}
        .part-overview{order:1}.part-findings{order:2}.part-accepted{order:3}.part-suppressed{order:4}
        .part-baselined-head{order:5}.part-baselined{order:6}.part-not-scanned{order:7}.part-unscanned{order:8}
        p.unscanned{background:#fff;border:1px solid #dde1e6;margin:2px 0;padding:4px 8px}
        h1{font-size:24px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d5dc}h3{font-size:15px;margin:18px 0 6px}
        table{border-collapse:collapse;width:100%;background:#fff;margin:6px 0}
        th,td{border:1px solid #dde1e6;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eef0f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
        code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
        details.file{background:#fff;border:1px solid #dde1e6;margin:4px 0;padding:4px 8px}
        summary{cursor:pointer}.fix{color:#135e2d}.none{color:#56606b}
        .sev{display:inline-block;min-width:58px;padding:0 6px;border-radius:3px;color:#fff;font-size:12px;text-align:center}
        .sev-critical{background:#8e1b1b}.sev-high{background:#c4401e}.sev-medium{background:#b77a00}.sev-low{background:#2b6cb0}.sev-info{background:#6b7480}
        td.sev-critical,td.sev-high,td.sev-medium,td.sev-low,td.sev-info{color:#fff;font-weight:600}
        .totals{display:flex;gap:24px;align-items:flex-start}.totals table{width:auto}
        </style>
        </head>
        <body>

        """
    }

    static let colors: [Severity: String] = [
        .critical: "#8e1b1b", .high: "#c4401e", .medium: "#b77a00", .low: "#2b6cb0", .info: "#6b7480",
    ]

    /// Active findings per severity as horizontal bars, scaled to the largest count.
    static func chart(_ totals: [Severity: Int]) -> String {
        let severities = Array(Severity.allCases.reversed())
        let largest = max(1, totals.values.max() ?? 0)
        let width = 360.0
        var svg = "<svg id=\"severity-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"\(severities.count * 30 + 10)\""
            + " role=\"img\" aria-label=\"Active findings by severity\">\n"
        for (row, severity) in severities.enumerated() {
            let count = totals[severity] ?? 0
            let y = 8 + row * 30
            let bar = count == 0 ? 0 : max(2, Int((Double(count) / Double(largest) * width).rounded()))
            svg += "<text x=\"0\" y=\"\(y + 16)\" font-size=\"13\">\(severity.rawValue)</text>"
                + "<rect x=\"80\" y=\"\(y)\" width=\"\(bar)\" height=\"22\" fill=\"\(colors[severity] ?? "#000")\"/>"
                + "<text x=\"\(86 + bar)\" y=\"\(y + 16)\" font-size=\"13\">\(count)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
