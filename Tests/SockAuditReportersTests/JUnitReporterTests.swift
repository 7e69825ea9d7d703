import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import SockAuditCore
import SockAuditReporters

/// Reads the report back with a real XML parser: what GitLab and Jenkins would see.
private final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) throws -> [Element] {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLElements()
        parser.delegate = collector
        let parsed = parser.parse()
        try #require(parsed, "not well-formed: \(String(describing: parser.parserError))\n\(text)")
        return collector.elements
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }
}

@Suite struct JUnitReporterTests {
    private func elements(_ result: ScanResult) throws -> [XMLElements.Element] {
        try XMLElements.parse(JUnitReporter().render(result))
    }

    @Test func wellFormedWithCountsThatAddUp() throws {
        let elements = try elements(Fixture.gating)
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.count == Fixture.gatingFindings.count)
        for name in ["testsuites", "testsuite"] {
            let suites = elements.filter { $0.name == name }
            try #require(suites.count == 1)
            #expect(suites[0].attributes["name"] == "sockaudit")
            #expect(suites[0].attributes["tests"] == "7")
            #expect(suites[0].attributes["failures"] == "4")
            #expect(suites[0].attributes["errors"] == "0")
            #expect(suites[0].attributes["skipped"] == (name == "testsuite" ? "3" : nil))
        }
        #expect(elements.filter { $0.name == "failure" }.count == 4)
        #expect(elements.filter { $0.name == "skipped" }.map { $0.attributes["message"] }.sorted { ($0 ?? "") < ($1 ?? "") } == [
            "in baseline",
            "suppressed: binds port 80 <privileged> & exits; reviewed in SEC-9 | DBA-2",
            "suppressed: node-exporter must see the host's interfaces",
        ])
    }

    @Test func aFindingIsACaseNamedByRuleAndSubject() throws {
        let elements = try elements(Fixture.result([Fixture.finding("SA102", .critical, path: "d/c.yaml", line: 6, column: 7,
                                                                    message: "listens on tcp")]))
        let testCase = try #require(elements.first { $0.name == "testcase" })
        #expect(testCase.attributes == ["classname": "d/c.yaml", "name": "SA102 rule-sa102: s"])
        let failure = try #require(elements.first { $0.name == "failure" })
        #expect(failure.attributes == [
            "type": "critical", "message": "d/c.yaml:6:7: critical SA102 rule-sa102: listens on tcp",
        ])
        #expect(failure.text == "d/c.yaml:6:7: critical SA102 rule-sa102: listens on tcp\nsubject: s\nevidence: e")
    }

    /// Markup in a hostile value round-trips; what XML 1.0 cannot carry at all is dropped.
    @Test func hostileValuesStayInsideTheirAttribute() throws {
        let path = "a&b<c>\"d'e\u{0}\u{1B}[2J\u{FFFE}.yaml"
        let message = "line one\nline two\r\ttab & <tag attr='x'> \u{7}🐳"
        let output = JUnitReporter().render(Fixture.result([Fixture.finding(path: path, message: message)]))
        #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        let elements = try XMLElements.parse(output)
        let testCase = try #require(elements.first { $0.name == "testcase" })
        #expect(testCase.attributes["classname"] == "a&b<c>\"d'e[2J.yaml")
        let failure = try #require(elements.first { $0.name == "failure" })
        let expected = "a&b<c>\"d'e[2J.yaml:1:1: high SA101 rule-sa101: line one\nline two\r\ttab & <tag attr='x'> 🐳"
        #expect(failure.attributes["message"] == expected)
        #expect(failure.text.hasPrefix(expected + "\n"))
    }

    @Test func aCleanScanIsOnePassedCase() throws {
        let elements = try elements(Fixture.empty)
        let suite = try #require(elements.first { $0.name == "testsuite" })
        #expect(suite.attributes["tests"] == "1")
        #expect(suite.attributes["failures"] == "0")
        #expect(suite.attributes["skipped"] == "0")
        #expect(elements.filter { $0.name == "testcase" }.map(\.attributes)
            == [["classname": "sockaudit", "name": "no findings"]])
    }

    @Test func sameInputSameBytes() {
        var reversed = Fixture.gating
        reversed.findings.reverse()
        #expect(JUnitReporter().render(Fixture.gating) == JUnitReporter().render(reversed))
    }

    /// A moved line keeps the name (GitLab and Jenkins track tests by class and name); two services
    /// that share a YAML anchor get two names; a true repeat gets a number.
    @Test func namesCarryNoLineAndAreUniquePerSubject() throws {
        func finding(_ subject: String, _ evidence: String, line: Int) -> Finding {
            var finding = Fixture.finding("SA101", .high, path: "compose.yaml", line: line)
            finding.subject = subject
            finding.evidence = evidence
            return finding
        }
        let first = [finding("service a", "/var/run/docker.sock", line: 5), finding("service b", "/var/run/docker.sock", line: 5),
                     finding("service b", "/run/docker.sock", line: 5), finding("service b", "/run/docker.sock", line: 9)]
        let moved = first.map { f -> Finding in
            var copy = f
            copy.location.line += 40
            return copy
        }
        let names = try elements(Fixture.result(first)).filter { $0.name == "testcase" }.compactMap { $0.attributes["name"] }
        #expect(names == ["SA101 rule-sa101: service a", "SA101 rule-sa101: service b",
                          "SA101 rule-sa101: service b (/run/docker.sock)", "SA101 rule-sa101: service b (/run/docker.sock) #2"])
        let movedNames = try elements(Fixture.result(moved)).filter { $0.name == "testcase" }.compactMap { $0.attributes["name"] }
        #expect(movedNames == names)
    }

    /// The attributes the Jenkins xUnit plugin's JUnit schema (junit-10.xsd) allows on each element;
    /// anything else fails its validation.
    @Test func onlyAttributesTheXUnitSchemaAllows() throws {
        let allowed: [String: Set<String>] = [
            "testsuites": ["name", "time", "tests", "failures", "errors"],
            "testsuite": ["name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
                          "package", "file", "log", "url"],
            "testcase": ["name", "time", "classname", "group"],
            "failure": ["type", "message"], "skipped": ["type", "message"], "error": ["type", "message"],
        ]
        for result in [Fixture.gating, Fixture.empty] {
            for element in try elements(result) {
                let permitted = try #require(allowed[element.name], "element \(element.name) is not in the schema")
                #expect(Set(element.attributes.keys).isSubset(of: permitted), "\(element.name): \(element.attributes.keys.sorted())")
            }
        }
    }
}
