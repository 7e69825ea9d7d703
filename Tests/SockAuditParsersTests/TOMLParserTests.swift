import SockAuditCore
import Testing
@testable import SockAuditParsers

/// TOML in the shapes runner configurations and other real files take, with the positions every
/// finding depends on, and the errors a broken file gets.
@Suite struct TOMLParserTests {
    static func parse(_ text: String) throws -> Node {
        try TOMLParser.parse(text)
    }

    static func error(_ text: String) -> ParseError? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    static func at(_ node: Node?) -> [Int]? {
        node.map { [$0.line, $0.column] }
    }

    @Test func tablesArraysOfTablesAndSubTablesNestWhereTheyBelong() throws {
        let root = try Self.parse("""
            concurrent = 4

            [[runners]]
              name = "first"
              [runners.docker]
                privileged = true
            [[runners]]
              name = "second"
              [runners.docker]
                privileged = false
              [[runners.docker.services]]
                name = "postgres:16"
            """)
        let runners = try #require(root["runners"]?.sequence)
        #expect(runners.count == 2)
        #expect(runners.map { $0["name"]?.string } == ["first", "second"])
        #expect(runners[0]["docker"]?["privileged"]?.bool == true)
        #expect(runners[1]["docker"]?["privileged"]?.bool == false)
        #expect(runners[1]["docker"]?["services"]?.sequence?.first?["name"]?.string == "postgres:16")
        // a table sits at its header, a value at its first character
        #expect(Self.at(runners[1]) == [7, 1])
        #expect(Self.at(runners[0]["docker"]) == [5, 3])
        #expect(Self.at(runners[0]["docker"]?["privileged"]) == [6, 18])
        #expect(root["concurrent"]?.int == 4)
    }

    @Test func dottedKeysAndInlineTablesMakeTables() throws {
        let root = try Self.parse("""
            runners.docker.image = "alpine"
            "quoted key".'literal key' = 1
            point = { x = 1, y.z = "deep" }
            empty = {}
            """)
        #expect(root["runners"]?["docker"]?["image"]?.string == "alpine")
        #expect(root["quoted key"]?["literal key"]?.int == 1)
        #expect(root["point"]?["y"]?["z"]?.string == "deep")
        #expect(root["empty"]?.pairs?.isEmpty == true)
        #expect(Self.at(root.keyNode("point")) == [3, 1])
        #expect(Self.at(root["point"]) == [3, 9])
    }

    @Test func arraysSpanLinesWithCommentsAndATrailingComma() throws {
        let root = try Self.parse("""
            volumes = [
              "/var/run/docker.sock:/var/run/docker.sock", # the socket
              # "/disabled:/disabled",
              "/cache",
            ]
            nested = [[1, 2], ["a"], []]
            """)
        let volumes = try #require(root["volumes"]?.sequence)
        #expect(volumes.compactMap(\.string) == ["/var/run/docker.sock:/var/run/docker.sock", "/cache"])
        #expect(Self.at(volumes[0]) == [2, 3])
        #expect(Self.at(volumes[1]) == [4, 3])
        #expect(root["nested"]?.sequence?.map { $0.sequence?.count } == [2, 1, 0])
    }

    @Test func everyStringFormDecodes() throws {
        let root = try Self.parse(#"""
            basic = "tab\there \"quoted\" \u00e9 \U0001F600 back\\slash"
            literal = 'C:\Users\runner'
            multi = """
            first
            second"""
            joined = """\
                   one \
                   two"""
            quotes = """a "quoted" word"" """
            raw = '''
            no \escapes here'''
            ends = '''two quotes at the end'''''
            """#)
        #expect(root["basic"]?.string == "tab\there \"quoted\" é 😀 back\\slash")
        #expect(root["literal"]?.string == #"C:\Users\runner"#)
        #expect(root["multi"]?.string == "first\nsecond")
        #expect(root["joined"]?.string == "one two")
        #expect(root["quotes"]?.string == #"a "quoted" word"" "#)
        #expect(root["raw"]?.string == #"no \escapes here"#)
        #expect(root["ends"]?.string == "two quotes at the end''")
        #expect(root["basic"]?.scalar?.isPlain == false)
        // a value after a multi-line string is placed on its own line
        #expect(Self.at(root["joined"]) == [6, 10])
        #expect(Self.at(root.keyNode("quotes")) == [9, 1])
    }

    @Test func numbersBooleansAndDatesArePlainScalarsAsWritten() throws {
        let root = try Self.parse("""
            int = +1_000
            hex = 0xDEAD_beef
            oct = 0o755
            bin = 0b1010
            float = -3.14e+2
            special = [inf, -inf, nan]
            yes = true
            odt = 1979-05-27T07:32:00.999-07:00
            spaced = 1979-05-27 07:32:00Z
            ld = 1979-05-27
            lt = 07:32:00
            short = 07:32
            """)
        #expect(root["int"]?.string == "+1_000")
        #expect(root["hex"]?.scalar?.isPlain == true)
        #expect(root["yes"]?.bool == true)
        #expect(root["spaced"]?.string == "1979-05-27 07:32:00Z")
        #expect(root["special"]?.sequence?.count == 3)
        #expect(root["short"]?.string == "07:32")
    }

    @Test func windowsLineEndsAndABOMLessFileKeepTheirLines() throws {
        let root = try Self.parse("[[runners]]\r\n  name = \"win\"\r\n  [runners.docker]\r\n    privileged = true\r\n")
        let runner = try #require(root["runners"]?.sequence?.first)
        #expect(runner["name"]?.string == "win")
        #expect(Self.at(runner["docker"]?["privileged"]) == [4, 18])
    }

    @Test func commentsAndBlankLinesAreSkippedAnywhereALineMayEnd() throws {
        let root = try Self.parse("# header comment\n\n  \t\n[a] # table comment\nb = 1 # value comment\n#end")
        #expect(root["a"]?["b"]?.int == 1)
        #expect(try Self.parse("").pairs?.isEmpty == true)
    }

    @Test func aTableMayBeDefinedAfterItsSubTable() throws {
        let root = try Self.parse("[a.b]\nc = 1\n[a]\nd = 2\n")
        #expect(root["a"]?["b"]?["c"]?.int == 1)
        #expect(root["a"]?["d"]?.int == 2)
        #expect(Self.at(root["a"]) == [3, 1])
    }

    @Test func badInputIsAnErrorAtItsLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1\na = 2\n", 2, "duplicate key"),
            ("[a]\n[a]\n", 2, "defined twice"),
            ("a = 1\n[a]\n", 2, "already has a value"),
            ("[[a]]\n[a]\n", 2, "array of tables"),
            ("a = [1]\n[[a]]\n", 2, "not as an array of tables"),
            ("x = \"open\n", 1, "line end inside"),
            ("x = \"\"\"never closed\n\n", 1, "unterminated multi-line string"),
            ("x = 'open", 1, "unterminated literal string"),
            ("x = \"\\q\"\n", 1, "unknown escape"),
            ("x = \"\\uD800\"\n", 1, "not a Unicode scalar"),
            ("name = docker\n", 1, "not a TOML value"),
            ("privileged = yes\n", 1, "not a TOML value"),
            ("n = 01\n", 1, "not a TOML value"),
            ("a = 1 b = 2\n", 1, "end of the line"),
            ("[a\n", 1, "expected ]"),
            ("[[a]\n", 1, "expected ]]"),
            ("key\n", 1, "expected ="),
            ("= 1\n", 1, "expected a key"),
            ("\n\nv = [1, 2\n", 3, "unterminated array"),
            ("v = [1 2]\n", 1, "expected , or ]"),
            ("v = {a = 1\n", 1, "unterminated inline table"),
            ("x = \"bell\u{07}\"\n", 1, "control character"),
            ("x =\n", 1, "expected a value"),
            ("[a]\nb.c = 1\n[a.b]\n", 3, "defined twice"),
        ]
        for (text, line, message) in cases {
            let error = Self.error(text)
            #expect(error?.line == line, "\(text.debugDescription)")
            #expect(error?.message.contains(message) == true, "\(text.debugDescription): \(error?.message ?? "no error")")
        }
    }

    @Test func nestingBeyondTheBoundIsAnErrorNotADeepTree() {
        let deep = "x = " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "\n"
        #expect(Self.error(deep)?.message.contains("nested more than") == true)
        let dotted = (0..<200).map { "k\($0)" }.joined(separator: ".") + " = 1\n"
        #expect(Self.error(dotted)?.message.contains("more than") == true)
        let inline = "x = " + String(repeating: "{a = ", count: 300) + "1" + String(repeating: "}", count: 300) + "\n"
        #expect(Self.error(inline) != nil)
    }
}
