import Foundation
import Testing
import SockAuditCore
import SockAuditReporters

@Suite struct HTMLReporterTests {
    static let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\" 'single'"

    private func render(_ result: ScanResult) -> String {
        HTMLReporter(tool: Fixture.tool).render(result)
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func everythingFromScannedFilesIsEscaped() {
        var finding = Fixture.finding(path: "repo/<b>bold</b>.yaml", message: Self.hostile)
        finding.evidence = Self.hostile
        finding.subject = Self.hostile
        var suppressed = Fixture.finding("SA301", path: "repo/x.yaml", message: "m")
        suppressed.suppression = Suppression(reason: Self.hostile, source: "repo/x.yaml:3")
        let page = render(Fixture.result([finding, suppressed]))
        #expect(!page.contains("<script"), "no script element, ever")
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>bold"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        #expect(page.contains("<code>repo/&lt;b&gt;bold&lt;/b&gt;.yaml:1:1</code>"))
        // Controls (a forged line, a bidi override) are shown escaped, as in the text report.
        let controls = render(Fixture.result([Fixture.finding(message: "a\nb\u{202E}c")]))
        #expect(controls.contains("a\\nb\\u{202E}c"))
    }

    @Test func selfContainedWithoutScriptOrNetwork() {
        let page = render(Fixture.gating)
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(!page.contains("<script") && !page.contains("<link") && !page.contains(" src="))
        #expect(page.contains("<svg id=\"severity-chart\""))
    }

    @Test func totalsRepositoriesAndRules() {
        let page = render(Fixture.gating)
        // Fixture.gating: active 1 critical, 2 high, 1 low; one suppressed, one baselined, one more suppressed.
        #expect(page.contains("id=\"total-critical\" data-count=\"1\""))
        #expect(page.contains("id=\"total-high\" data-count=\"2\""))
        #expect(page.contains("id=\"total-medium\" data-count=\"0\""))
        #expect(page.contains("id=\"total-low\" data-count=\"1\""))
        #expect(page.contains("id=\"active-findings\" data-count=\"4\""))
        #expect(page.contains("2 suppressed findings, with the reason given"))
        #expect(page.contains("1 finding in the baseline, 1 fixed since it was recorded"))
        // The rule that fired most comes first, with its remediation as the safer alternative.
        let rules = page.components(separatedBy: "<table id=\"rules\">")[1]
        #expect(rules.contains(Fixture.socketMount.remediation))
        #expect(rules.range(of: "rule-SA101")!.lowerBound < rules.range(of: "rule-SA308")!.lowerBound)
        // Repositories (here: folders, no scan paths) ranked by worst findings: the compose folder has the critical.
        let repositories = page.components(separatedBy: "<table id=\"repositories\">")[1]
        #expect(repositories.range(of: "deploy/my stack")!.lowerBound < repositories.range(of: "<code>k8s</code>")!.lowerBound)
    }

    @Test func findingsAreGroupedPerFileAndFolded() {
        let findings = (1...30).map { Fixture.finding(path: "repos/r\($0 % 3)/f\($0 % 5).yaml", line: $0) }
        var result = Fixture.result(findings)
        result.identity.paths = ["repos"]
        let page = render(result)
        #expect(count("<details class=\"file part-findings\">", in: page) == 15)
        #expect(count("<section class=\"repository part-findings\">", in: page) == 3)
        #expect(page.contains("<h3>repos/r0</h3>"))
        #expect(count("<tr><td><span class=\"sev sev-high\">high</span></td><td><a href=\"#rule-SA101\">", in: page) == 30)
    }

    @Test func unscannedFilesAreListedApart() {
        let unscannable = Fixture.finding("SA901", path: "repo/broken.yaml", message: "not scanned: invalid YAML")
        let page = render(Fixture.result([unscannable]))
        let section = page.components(separatedBy: "<section id=\"not-scanned\" class=\"part-not-scanned\">")[1]
        #expect(section.contains("<p id=\"unscanned\" data-count=\"1\">1 file in scope could not be read or parsed"))
        #expect(page.contains("<p class=\"unscanned part-unscanned\"><code>repo/broken.yaml:1</code> not scanned: invalid YAML</p>"))
        #expect(!page.contains("part-findings\"><code>repo/broken.yaml"))
        #expect(page.contains("No active findings."))
    }

    /// Accepted findings are written as they come, folded per file, each kind in its own part of
    /// the page, which CSS shows after that part's heading: the page holds one file's rows at a time.
    @Test func acceptedFindingsAreStreamedApartWithTheirReasons() {
        var findings: [Finding] = []
        for index in 0..<6 {
            var finding = Fixture.finding("SA301", path: "repos/r\(index / 2)/f.yaml", line: index + 1)
            if index % 2 == 0 {
                finding.suppression = Suppression(reason: "reviewed in SEC-\(index)", source: ".sockaudit.yml:\(index + 2)")
            } else {
                finding.isBaselined = true
            }
            findings.append(finding)
        }
        var result = Fixture.result(findings)
        result.identity.paths = ["repos"]
        var streamed = ""
        var reporter = ReporterName.html.streamingReporter(ReporterSettings(baseURI: Fixture.baseURI, tool: Fixture.tool))
        let out = ReportStream { streamed += String(decoding: $0, as: UTF8.self) }
        reporter.begin(ReportStart(rules: result.rules, comparedWithBaseline: result.wasComparedWithBaseline, identity: result.identity), to: out)
        var flushedBeforeTheEnd = 0
        for finding in result.reportOrder {
            reporter.write(finding, to: out)
            out.flush()
            flushedBeforeTheEnd = count("part-suppressed\">", in: streamed) + count("part-baselined\">", in: streamed)
        }
        // Every file's accepted findings but the last file's were out before the scan ended.
        #expect(flushedBeforeTheEnd == 4)
        reporter.end(result.summary, to: out)
        out.flush()
        #expect(streamed == render(result))
        #expect(count("<details class=\"file part-suppressed\">", in: streamed) == 3)
        #expect(count("<details class=\"file part-baselined\">", in: streamed) == 3)
        #expect(streamed.contains("<td>reviewed in SEC-4</td><td><code>.sockaudit.yml:6</code></td>"))
        #expect(streamed.contains("<h3 id=\"suppressed\" data-count=\"3\">3 suppressed findings, with the reason given</h3>"))
        #expect(streamed.contains("3 findings in the baseline</h3>"))
        // The parts are shown in this order, whatever order they were written in.
        let order = ["overview", "findings", "accepted", "suppressed", "baselined-head", "baselined", "not-scanned", "unscanned"]
        let css = order.enumerated().map { ".part-\($0.element){order:\($0.offset + 1)}" }
        for rule in css { #expect(streamed.contains(rule), "\(rule)") }
    }

    @Test func sameInputSameBytes() {
        #expect(render(Fixture.gating) == render(Fixture.gating))
    }
}
