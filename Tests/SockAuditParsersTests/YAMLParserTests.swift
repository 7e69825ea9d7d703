import Testing
@testable import SockAuditParsers

@Suite struct YAMLParserTests {
    func only(_ text: String) throws -> Node {
        let result = YAMLParser.parse(text)
        #expect(result.error == nil, "\(String(describing: result.error))")
        return try #require(result.documents.first)
    }

    @Test func blockAndFlowPositions() throws {
        let root = try only("""
            spec:
              volumes:
              - name: sock
                hostPath: {path: /var/run/docker.sock, type: Socket}
              - {name: b, hostPath: {path: "/x"}}
            """)
        let volumes = try #require(root["spec"]?["volumes"]?.sequence)
        let first = try #require(volumes[0]["hostPath"]?["path"])
        #expect((first.line, first.column) == (4, 22))
        #expect(volumes[0].line == 3 && volumes[0].column == 5)
        let quoted = try #require(volumes[1]["hostPath"]?["path"])
        #expect((quoted.line, quoted.column) == (5, 32))
        #expect(quoted.scalar?.isPlain == false)
        #expect(first.scalar?.isPlain == true)
    }

    @Test func crlfAndBOMKeepLinesAndColumns() throws {
        let root = try only("\u{FEFF}a: 1\r\nb:\r\n  c: /run\r\n")
        let c = try #require(root["b"]?["c"])
        #expect((c.line, c.column) == (3, 6))
        #expect(root["a"]?.line == 1 && root["a"]?.column == 4)
    }

    @Test func loneCRIsALineBreak() throws {
        let root = try only("a: 1\rb: 2\r")
        #expect(root["b"]?.line == 2)
    }

    @Test func blockScalarIsMarkedAtItsIndicator() throws {
        let root = try only("run: |\n  docker ps\n  docker run x\n")
        let run = try #require(root["run"])
        #expect((run.line, run.column) == (1, 6))
        #expect(run.string == "docker ps\ndocker run x\n")
    }

    @Test func multipleDocumentsAndAnErrorInALaterOne() {
        let result = YAMLParser.parse("a: 1\n---\nb: 2\n---\nc: [unclosed\n")
        #expect(result.documents.count == 2)
        #expect(result.error?.line == 6)
    }

    @Test func mergeKeysAreAppliedExplicitKeysWin() throws {
        let root = try only("""
            base: &base
              privileged: true
              image: a
            other: &other
              image: b
              user: "1000"
            svc:
              <<: [*base, *other]
              image: c
            """)
        let svc = try #require(root["svc"])
        #expect(svc["image"]?.string == "c")
        #expect(svc["privileged"]?.bool == true)
        #expect(svc["privileged"]?.line == 2)
        #expect(svc["user"]?.string == "1000")
        #expect(svc.keyNode("<<") == nil)
    }

    @Test func aliasKeepsTheAnchorsLine() throws {
        let root = try only("x: &p /var/run/docker.sock\ny: *p\n")
        #expect(root["y"]?.string == "/var/run/docker.sock")
        #expect(root["y"]?.line == 1)
    }

    @Test func duplicateKeysAreAnErrorAtTheDuplicate() {
        let result = YAMLParser.parse("a:\n  privileged: false\n  privileged: true\n")
        #expect(result.error?.message.contains("duplicate key \"privileged\"") == true)
        #expect(result.error.map { ($0.line, $0.column) } ?? (0, 0) == (3, 3))
    }

    @Test func billionLaughsIsRefusedNotExpanded() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let result = YAMLParser.parse(text)
        #expect(result.error?.message.contains("alias bomb") == true)
    }

    @Test func aliasAsMappingKeyIsReadWithoutBlowingUp() throws {
        let simple = try only("a: &k key\nmap:\n  *k : value\n")
        #expect(simple["map"]?["key"]?.string == "value")
        // Each level uses the previous one as key and value: exponential for a composer that hashes
        // or copies keys, linear here, and still charged to the node budget.
        var text = "l0: &l0 {x: 1}\n"
        for level in 1...40 { text += "l\(level): &l\(level) {? *l\(level - 1) : *l\(level - 1)}\n" }
        // Linear time for this shape is guarded by scripts/scaling-probe.py (yaml-alias-keys).
        let result = YAMLParser.parse(text)
        #expect(result.error?.message.contains("alias bomb") == true)
    }

    @Test func unknownAliasIsAnError() {
        let result = YAMLParser.parse("a: *nowhere\n")
        #expect(result.error?.message.contains("unknown alias") == true || result.error?.message.contains("undefined alias") == true)
        #expect(result.error?.line == 1)
    }

    @Test func explicitStringTagIsNotPlain() throws {
        let root = try only("a: !!str true\nb: true\n")
        #expect(root["a"]?.bool == nil)
        #expect(root["b"]?.bool == true)
    }

    @Test func tabsInIndentationAreAnErrorWithAPosition() {
        let result = YAMLParser.parse("a:\n\tb: 1\n")
        #expect(result.error != nil)
        #expect(result.error?.line == 2)
    }

    @Test func deepNestingFailsCleanly() {
        let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let result = YAMLParser.parse(text)
        #expect(result.error != nil)
    }

    @Test func yaml11BooleansAndQuotedStrings() throws {
        let root = try only("a: yes\nb: 'true'\nc: off\nd: ~\n")
        #expect(root["a"]?.bool == true)
        #expect(root["b"]?.bool == nil)
        #expect(root["c"]?.bool == false)
        #expect(root["d"]?.isNull == true)
    }

    /// The outline of a refused file: duplicate keys kept (the last wins), template actions blanked
    /// on their own lines and replaced by `_` among other text, positions kept.
    @Test func outlineOfRefusedFiles() throws {
        let duplicate = "language: go\nscript: a\nscript: b\nservices:\n  - docker\n"
        #expect(YAMLParser.parse(duplicate).error != nil)
        let outline = YAMLParser.outline(duplicate)
        #expect(outline.error == nil)
        #expect(outline.documents.first?["script"]?.string == "b")
        #expect(outline.documents.first?["services"]?.sequence?.count == 1)

        let template = """
            http:
              routers:
            {{- range $name, $r := .Routers }}
                {{ $name }}:
                  rule: "Host(`{{ $r.Host }}`)"
            {{ end }}
              services:
                app: {image: {{ .Values.image | quote }}}
            """
        #expect(YAMLParser.parse(template).error != nil)
        let shaped = try #require(YAMLParser.outline(template).documents.first)
        #expect(shaped["services"] == nil)
        let router = try #require(shaped["http"]?["routers"]?.pairs?.first)
        #expect(router.key.line == 4 && router.key.column == 5)
        #expect(shaped["http"]?["services"]?["app"]?["image"]?.line == 8)
    }
}

/// Application tags (CloudFormation's short forms) stay on their nodes; YAML's own do not.
@Suite struct YAMLTagTests {
    @Test func localTagsAreKeptOnScalarsSequencesAndMappings() throws {
        let result = YAMLParser.parse("""
            a: !Ref Name
            b: !Sub "${X}/docker.sock"
            c: !If [Cond, !Ref A, b]
            d: !Transform {Name: x}
            e: !!str 123
            f: ! plain
            g: plain
            h: &anchor !GetAtt R.Arn
            i: *anchor
            """)
        #expect(result.error == nil)
        let root = try #require(result.documents.first)
        #expect(root["a"]?.tag == "!Ref")
        #expect(root["a"]?.string == "Name")
        #expect(root["b"]?.tag == "!Sub")
        #expect(root["b"]?.scalar?.isPlain == false)
        #expect(root["c"]?.tag == "!If")
        #expect(root["c"]?.sequence?[1].tag == "!Ref")
        #expect(root["c"]?.sequence?[2].tag == nil)
        #expect(root["d"]?.tag == "!Transform")
        #expect(root["d"]?.isMapping == true)
        #expect(root["e"]?.tag == nil)
        #expect(root["e"]?.scalar?.isPlain == false)
        #expect(root["f"]?.tag == nil)
        #expect(root["g"]?.tag == nil)
        #expect(root["i"]?.tag == "!GetAtt")
        #expect(root["a"].map { [$0.line, $0.column] } == [1, 4])
    }
}
