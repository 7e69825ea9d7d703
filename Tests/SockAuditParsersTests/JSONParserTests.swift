import Testing
@testable import SockAuditParsers

// MARK: Helpers

private func parseError(_ bytes: [UInt8]) -> ParseError? {
    do throws(ParseError) {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ text: String) -> ParseError? { parseError(Array(text.utf8)) }

private func position(_ node: Node?) -> [Int]? {
    node.map { [$0.line, $0.column] }
}

// MARK: Positions

@Test func dockerInspectPositions() throws {
    let text = """
        [
          {
            "Id": "3f4e5d6c7b8a",
            "Name": "/web-café",
            "State": {"Running": true, "Pid": 4242},
            "HostConfig": {
              "Binds": [
                "/var/run/docker.sock:/var/run/docker.sock:ro"
              ],
              "Privileged": true,
              "PidsLimit": null,
              "Memory": 536870912
            },
            "Mounts": []
          }
        ]
        """
    let root = try JSONParser.parse(text)
    #expect(position(root) == [1, 1])
    let items = try #require(root.sequence)
    #expect(items.count == 1)
    let container = items[0]
    #expect(position(container) == [2, 3])

    #expect(position(container.keyNode("Id")) == [3, 5])
    #expect(position(container["Id"]) == [3, 11])
    #expect(container["Id"]?.scalar == Node.Scalar("3f4e5d6c7b8a", isPlain: false))
    #expect(position(container["Name"]) == [4, 13])
    #expect(container["Name"]?.string == "/web-café")

    let state = try #require(container["State"])
    #expect(position(state) == [5, 14])
    #expect(position(state.keyNode("Running")) == [5, 15])
    #expect(position(state["Running"]) == [5, 26])
    #expect(position(state.keyNode("Pid")) == [5, 32])
    #expect(position(state["Pid"]) == [5, 39])
    #expect(state["Pid"]?.int == 4242)

    let hostConfig = try #require(container["HostConfig"])
    #expect(position(container.keyNode("HostConfig")) == [6, 5])
    #expect(position(hostConfig) == [6, 19])
    #expect(position(hostConfig.keyNode("Binds")) == [7, 7])
    #expect(position(hostConfig["Binds"]) == [7, 16])
    let bind = try #require(hostConfig["Binds"]?.sequence?.first)
    #expect(position(bind) == [8, 9])
    #expect(bind.string == "/var/run/docker.sock:/var/run/docker.sock:ro")
    #expect(position(hostConfig.keyNode("Privileged")) == [10, 7])
    #expect(position(hostConfig["Privileged"]) == [10, 21])
    #expect(hostConfig["Privileged"]?.bool == true)
    #expect(position(hostConfig["PidsLimit"]) == [11, 20])
    #expect(hostConfig["PidsLimit"]?.isNull == true)
    #expect(position(hostConfig["Memory"]) == [12, 17])
    #expect(hostConfig["Memory"]?.scalar == Node.Scalar("536870912", isPlain: true))

    #expect(position(container.keyNode("Mounts")) == [14, 5])
    #expect(position(container["Mounts"]) == [14, 15])
    #expect(container["Mounts"]?.sequence == [])
}

@Test func daemonJSONPositions() throws {
    let text = """
        {
          "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],
          "tls": false,
          "log-opts": {"max-size": "10m"},
          "userns-remap": ""
        }
        """
    let root = try JSONParser.parse(text)
    #expect(position(root) == [1, 1])
    #expect(root.pairs?.map { $0.key.string } == ["hosts", "tls", "log-opts", "userns-remap"])
    #expect(position(root.keyNode("hosts")) == [2, 3])
    let hosts = try #require(root["hosts"])
    #expect(position(hosts) == [2, 12])
    #expect(hosts.sequence?.map { [$0.line, $0.column] } == [[2, 13], [2, 44]])
    #expect(hosts.sequence?.map(\.string) == ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"])
    #expect(position(root.keyNode("tls")) == [3, 3])
    #expect(position(root["tls"]) == [3, 10])
    #expect(root["tls"]?.scalar == Node.Scalar("false", isPlain: true))
    #expect(position(root["log-opts"]) == [4, 15])
    #expect(position(root["log-opts"]?.keyNode("max-size")) == [4, 16])
    #expect(position(root["log-opts"]?["max-size"]) == [4, 28])
    #expect(position(root.keyNode("userns-remap")) == [5, 3])
    #expect(position(root["userns-remap"]) == [5, 19])
    #expect(root["userns-remap"]?.scalar == Node.Scalar("", isPlain: false))
}

@Test func crlfAndLoneCRAreOneLineBreakEach() throws {
    // CRLF, then a lone CR, then CRLF, then LF.
    let root = try JSONParser.parse("{\r\n\"a\": 1,\r\"b\":\r\n  2\n}")
    #expect(position(root.keyNode("a")) == [2, 1])
    #expect(position(root["a"]) == [2, 6])
    #expect(position(root.keyNode("b")) == [3, 1])
    #expect(position(root["b"]) == [4, 3])

    // LF CR is two breaks (only CR LF pairs up).
    let twoBreaks = try JSONParser.parse("[\n\r1]")
    #expect(position(twoBreaks.sequence?.first) == [3, 1])
}

@Test func byteOrderMarkIsSkipped() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
    let root = try JSONParser.parse(bytes)
    #expect(position(root) == [1, 1])
    #expect(position(root.keyNode("a")) == [1, 2])
    #expect(position(root["a"]) == [1, 7])

    let fromString = try JSONParser.parse("\u{FEFF}\n  [true]")
    #expect(position(fromString) == [2, 3])
    #expect(position(fromString.sequence?.first) == [2, 4])
}

@Test func multiByteCharactersShiftColumnsByScalars() throws {
    // é and ö are 2 bytes, 😀 is 4 bytes (2 UTF-16 units), 日本 are 3 bytes each: each counts as one column.
    let root = try JSONParser.parse(#"{"héllo wörld 😀": "日本", "k": 1}"#)
    #expect(position(root.pairs?.first?.value) == [1, 19])
    #expect(position(root.keyNode("k")) == [1, 25])
    #expect(position(root["k"]) == [1, 30])

    // The count restarts on the next line.
    let twoLines = try JSONParser.parse("[\"ééé\",\n 7]")
    #expect(position(twoLines.sequence?.last) == [2, 2])
}

@Test func unicodeLineSeparatorsInStringsAreNotLineBreaks() throws {
    let root = try JSONParser.parse("[\"a\u{2028}b\u{85}c\u{2029}\", 1]")
    let items = try #require(root.sequence)
    #expect(items[0].string == "a\u{2028}b\u{85}c\u{2029}")
    #expect(position(items[1]) == [1, 12])
}

@Test func delAndC1CharactersAreAllowedInStrings() throws {
    let root = try JSONParser.parse("\"\u{7F}\u{80}\u{9F}\"")
    #expect(root.string?.unicodeScalars.map(\.value) == [0x7F, 0x80, 0x9F])
}

// MARK: Strings

@Test func escapesAreDecoded() throws {
    let root = try JSONParser.parse(#"["\" \\ \/ \b \f \n \r \t", "\u00e9\u0041\u0000\uFFFF", "a\u20acb"]"#)
    let items = try #require(root.sequence)
    #expect(items[0].string == "\" \\ / \u{8} \u{C} \n \r \t")
    #expect(items[1].string == "éA\u{0}\u{FFFF}")
    #expect(items[2].string == "a€b")
    #expect(items.allSatisfy { $0.scalar?.isPlain == false })
}

@Test func surrogatePairBecomesOneScalar() throws {
    let root = try JSONParser.parse(#"{"\ud83d\ude00": "x\uD83D\uDE00y"}"#)
    let pair = try #require(root.pairs?.first)
    #expect(pair.key.string == "😀")
    #expect(pair.key.string?.unicodeScalars.map(\.value) == [0x1F600])
    #expect(pair.value.string?.unicodeScalars.map(\.value) == [0x78, 0x1F600, 0x79])
    // The escapes are six ASCII bytes each in the source; the column counts them as written.
    #expect(position(pair.value) == [1, 18])
}

@Test func veryLongStringsAndKeys() throws {
    let long = String(repeating: "abcdéfgh", count: 200_000)
    let root = try JSONParser.parse("{\"\(long)\": \"\(long)\", \"next\": 1}")
    #expect(root.pairs?.first?.key.string == long)
    #expect(root.pairs?.first?.value.string == long)
    #expect(position(root.keyNode("next")) == [1, 10 + 2 * 8 * 200_000])
}

// MARK: Scalars and structure

@Test func numberTextsAreKeptVerbatim() throws {
    let texts = ["0", "-0", "1e400", "123456789012345678901234567890", "0.5E-3", "-12.50", "1E+2", "2.0e0"]
    let root = try JSONParser.parse("[" + texts.joined(separator: ", ") + "]")
    #expect(root.sequence?.map(\.scalar) == texts.map { Node.Scalar($0, isPlain: true) })

    let digits = String(repeating: "9", count: 100_000)
    #expect(try JSONParser.parse(digits).string == digits)
}

@Test func literalsArePlainAndStringsAreNot() throws {
    let root = try JSONParser.parse(#"[true, false, null, "true", "null"]"#)
    #expect(root.sequence?.map(\.scalar) == [
        Node.Scalar("true", isPlain: true), Node.Scalar("false", isPlain: true), Node.Scalar("null", isPlain: true),
        Node.Scalar("true", isPlain: false), Node.Scalar("null", isPlain: false),
    ])
    #expect(root.sequence?[0].bool == true)
    #expect(root.sequence?[3].bool == nil)
}

@Test(arguments: [
    ("\"only\"", Node(.scalar(.init("only", isPlain: false)), line: 1, column: 1)),
    (" \n 42 \n", Node(.scalar(.init("42", isPlain: true)), line: 2, column: 2)),
    ("null", Node(.scalar(.init("null", isPlain: true)), line: 1, column: 1)),
    ("\t{}", Node(.mapping([]), line: 1, column: 2)),
    ("[ ]", Node(.sequence([]), line: 1, column: 1)),
])
func anyValueAtTopLevel(text: String, expected: Node) throws {
    #expect(try JSONParser.parse(text) == expected)
}

@Test func duplicateKeysAreKeptInOrder() throws {
    let root = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
    let pairs = try #require(root.pairs)
    #expect(pairs.map(\.key.string) == ["a", "b", "a"])
    #expect(pairs.map(\.value.string) == ["1", "2", "3"])
    #expect(pairs.map(\.key.column) == [2, 10, 18])
    #expect(root["a"]?.string == "3")
}

@Test func stringAndByteEntryPointsAgree() throws {
    let text = "{\"k\u{e9}y\": [1, {\"x\": null}],\r\n \"z\": \"\u{1F600}\"}"
    #expect(try JSONParser.parse(text) == JSONParser.parse(Array(text.utf8)))
}

// MARK: Errors

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var input: [UInt8]
    var line: Int
    var column: Int
    var fragment: String

    init(_ input: String, _ line: Int, _ column: Int, _ fragment: String) {
        self.init(bytes: Array(input.utf8), line, column, fragment)
    }

    init(bytes: [UInt8], _ line: Int, _ column: Int, _ fragment: String) {
        self.input = bytes
        self.line = line
        self.column = column
        self.fragment = fragment
    }

    var testDescription: String {
        let text = String(decoding: input.prefix(40), as: UTF8.self).debugDescription
        return input.count > 40 ? "\(text)... (\(input.count) bytes)" : text
    }
}

@Test(arguments: [
    // End of input.
    ErrorCase("", 1, 1, "unexpected end of input"),
    ErrorCase("  \n\t ", 2, 3, "unexpected end of input"),
    ErrorCase(#"{"a":1"#, 1, 7, "unexpected end of input; expected ',' or '}'"),
    ErrorCase("[[\n[", 2, 2, "the array opened at line 2, column 1 is not closed"),
    ErrorCase("[\n {", 2, 3, "expected a string key in double quotes (the object opened at line 2, column 2 is not closed)"),
    ErrorCase(#"{"a""#, 1, 5, "expected ':'"),
    // Comments and trailing commas, as found in hand-edited daemon.json files.
    ErrorCase("{\n  // debug on\n  \"debug\": true\n}", 2, 3, "comments are not allowed in JSON"),
    ErrorCase(#"{"debug": true /* on */}"#, 1, 16, "comments are not allowed in JSON"),
    ErrorCase("/* header */ {}", 1, 1, "comments are not allowed in JSON"),
    ErrorCase("{\"debug\": true}\n// end", 2, 1, "comments are not allowed in JSON"),
    ErrorCase("[1, /* x */ 2]", 1, 5, "comments are not allowed in JSON"),
    ErrorCase("{\"a\": [1,\n 2,\n],\n}", 2, 3, "trailing comma before ']'"),
    ErrorCase("{\"a\": 1,\n}", 1, 8, "trailing comma before '}'"),
    ErrorCase("[1,\r\n]", 1, 3, "trailing comma"),
    ErrorCase("[\r1,\r]", 2, 2, "trailing comma"),
    // Keys and quotes.
    ErrorCase("{hosts: []}", 1, 2, "object keys must be strings in double quotes, found 'hosts'"),
    ErrorCase("{'a': 1}", 1, 2, "single quotes are not allowed in JSON"),
    ErrorCase("['a']", 1, 2, "single quotes are not allowed in JSON"),
    ErrorCase("{1: 2}", 1, 2, "object keys must be strings"),
    ErrorCase("{,}", 1, 2, "unexpected character ','; expected a string key"),
    ErrorCase(#"{"a" 1}"#, 1, 6, "unexpected character '1'; expected ':'"),
    ErrorCase(#"{"a"; 1}"#, 1, 5, "expected ':'"),
    // Structure.
    ErrorCase("[,1]", 1, 2, "unexpected character ','; expected a value"),
    ErrorCase("[1,,2]", 1, 4, "expected a value"),
    ErrorCase("[1 2]", 1, 4, "unexpected character '2'; expected ',' or ']'"),
    ErrorCase("[1}", 1, 3, "expected ',' or ']'"),
    ErrorCase(#"{"a": 1]"#, 1, 8, "expected ',' or '}'"),
    ErrorCase("]", 1, 1, "unexpected character ']'"),
    ErrorCase("{} {}", 1, 4, "trailing content after the JSON value"),
    ErrorCase("[1]]", 1, 4, "trailing content after the JSON value"),
    ErrorCase("1 2", 1, 3, "trailing content"),
    ErrorCase("{}\u{0}", 1, 3, "trailing content after the JSON value: character U+0000"),
    ErrorCase("\u{0}", 1, 1, "unexpected character U+0000"),
    ErrorCase("\u{A0}{}", 1, 1, "unexpected character U+00A0"),
    ErrorCase("[\u{2028}1]", 1, 2, "unexpected character U+2028"),
    ErrorCase("\u{FEFF}\u{FEFF}{}", 1, 1, "unexpected character U+FEFF"),
    ErrorCase("[1,\u{FEFF}2]", 1, 4, "U+FEFF"),
    ErrorCase("[é]", 1, 2, "unexpected character 'é'"),
    ErrorCase(bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], 1, 1, "must be UTF-8"),
    // Literals.
    ErrorCase("[True]", 1, 2, "invalid literal 'True'"),
    ErrorCase("[nul]", 1, 2, "invalid literal 'nul'"),
    ErrorCase("[truex]", 1, 2, "invalid literal 'truex'"),
    ErrorCase("NaN", 1, 1, "invalid literal 'NaN'"),
    ErrorCase("[undefined]", 1, 2, "invalid literal"),
    // Numbers.
    ErrorCase("[01]", 1, 3, "bad number: leading zeros"),
    ErrorCase("-007", 1, 3, "bad number: leading zeros"),
    ErrorCase("[-]", 1, 3, "bad number: expected a digit after '-'"),
    ErrorCase("-", 1, 2, "bad number: expected a digit after '-' but the input ends"),
    ErrorCase("[-Infinity]", 1, 3, "bad number"),
    ErrorCase("[1.]", 1, 4, "bad number: expected a digit after the decimal point"),
    ErrorCase("[1.e5]", 1, 4, "bad number"),
    ErrorCase("[1e]", 1, 4, "bad number: expected a digit in the exponent"),
    ErrorCase("[1e+]", 1, 5, "bad number: expected a digit in the exponent"),
    ErrorCase("[.5]", 1, 2, "bad number"),
    ErrorCase("[+1]", 1, 2, "bad number"),
    ErrorCase("[0x1F]", 1, 3, "bad number: unexpected character 'x'"),
    ErrorCase("[1.2.3]", 1, 5, "bad number"),
    ErrorCase("[12abc]", 1, 4, "bad number"),
    // Strings.
    ErrorCase(#""abc"#, 1, 1, "unterminated string"),
    ErrorCase("[\"ok\",\n  \"abc", 2, 3, "unterminated string"),
    ErrorCase(#""abc\"#, 1, 1, "unterminated string"),
    ErrorCase(#""\u12"#, 1, 1, "unterminated string"),
    ErrorCase(#""\ud83d"#, 1, 1, "unterminated string"),
    ErrorCase("{\"a\": \"abc\n}", 1, 11, "unescaped line break in string"),
    ErrorCase("\"ab\r\"", 1, 4, "unescaped line break in string"),
    ErrorCase("\"a\tb\"", 1, 3, "unescaped control character U+0009"),
    ErrorCase("\"a\u{0}b\"", 1, 3, "unescaped control character U+0000"),
    ErrorCase("\"\u{1F}\"", 1, 2, "unescaped control character U+001F"),
    ErrorCase(#""\x""#, 1, 3, #"bad escape '\x'"#),
    ErrorCase(#""\'""#, 1, 3, "bad escape"),
    ErrorCase(#""\U0041""#, 1, 3, "bad escape"),
    ErrorCase("\"\\\n\"", 1, 3, "bad escape"),
    ErrorCase(#""\u12G4""#, 1, 6, "bad escape: \\u must be followed by 4 hex digits, found character 'G'"),
    ErrorCase(#""\u""#, 1, 4, "bad escape"),
    ErrorCase(#"["ok", "\ud83d"]"#, 1, 9, #"unpaired surrogate \uD83D"#),
    ErrorCase(#""\ud83d\u0041""#, 1, 2, #"unpaired surrogate \uD83D"#),
    ErrorCase(#""\ud83d\ud83d""#, 1, 2, #"unpaired surrogate \uD83D"#),
    ErrorCase(#""\ud83d\n""#, 1, 2, "unpaired surrogate"),
    ErrorCase(#""\ude00""#, 1, 2, #"unpaired surrogate \uDE00"#),
    ErrorCase(#""\ud83d\u12""#, 1, 12, "4 hex digits, found character '\"'"),
    // Invalid UTF-8: the column counts the scalars before the bad byte.
    ErrorCase(bytes: Array("[\"é\", \"".utf8) + [0xFF, 0x22, 0x5D], 1, 8, "invalid UTF-8 sequence starting with byte 0xFF"),
    ErrorCase(bytes: [0x22, 0xC0, 0x80, 0x22], 1, 2, "invalid UTF-8 sequence starting with byte 0xC0"),
    ErrorCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], 1, 2, "invalid UTF-8 sequence starting with byte 0xED"),
    ErrorCase(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, 2, "invalid UTF-8"),
    ErrorCase(bytes: [0x22, 0xE2, 0x82], 1, 2, "invalid UTF-8 sequence starting with byte 0xE2"),
    ErrorCase(bytes: [0x22, 0x80, 0x22], 1, 2, "invalid UTF-8 sequence starting with byte 0x80"),
    ErrorCase(bytes: [0x5B, 0x0A, 0xC3, 0x5D], 2, 1, "invalid UTF-8 sequence starting with byte 0xC3"),
    ErrorCase(bytes: [0x5B, 0x5D, 0x20, 0xFE], 1, 4, "trailing content after the JSON value: invalid UTF-8 byte 0xFE"),
    // Nesting.
    ErrorCase(String(repeating: "[", count: 513) + String(repeating: "]", count: 513), 1, 513,
              "nesting deeper than 512 levels"),
])
func errorsPointAtTheOffendingCharacter(_ errorCase: ErrorCase) throws {
    let error = try #require(parseError(errorCase.input))
    #expect(error.message.contains(errorCase.fragment), "\(error.message)")
    #expect([error.line, error.column] == [errorCase.line, errorCase.column], "\(error.message)")
}

// MARK: Nesting

@Test func nestingUpToTheLimitIsAccepted() throws {
    var node = try JSONParser.parse(String(repeating: "[", count: 512) + String(repeating: "]", count: 512))
    var depth = 1
    while let inner = node.sequence?.first {
        node = inner
        depth += 1
    }
    #expect(depth == 512)
    #expect(position(node) == [1, 512])
}

@Test func deepNestingIsRejectedWithoutOverflow() throws {
    let arrays = try #require(parseError(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)))
    #expect(arrays.message.contains("nesting deeper than 512 levels"))
    #expect([arrays.line, arrays.column] == [1, 513])

    // Objects count too, and the position is the brace that goes one level too deep.
    let objects = try #require(parseError(String(repeating: "{\"a\":\n", count: 10_000)))
    #expect(objects.message.contains("nesting deeper than 512 levels"))
    #expect([objects.line, objects.column] == [513, 1])

    let unclosed = try #require(parseError(String(repeating: "[", count: 10_000)))
    #expect(unclosed.message.contains("nesting deeper than 512 levels"))
}

// MARK: Robustness

@Test func everyTruncationIsAnErrorNotACrash() throws {
    let text = "{\"a\": [1, -2.5e+3, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\"],\r\n \"é\": {\"b\": {}}}"
    let bytes = Array(text.utf8)
    _ = try JSONParser.parse(bytes)
    for length in 0..<bytes.count {
        #expect(parseError(Array(bytes[0..<length])) != nil, "prefix of \(length) bytes")
    }
}

@Test func troublesomeBytesAnywhereGiveErrorsInsideTheInput() {
    // Each byte replaced by a troublesome one must give a value or a ParseError that points into the input.
    let bytes = Array(#"{"k": ["v\n", 1.5, {"x": null}]}"#.utf8)
    for index in bytes.indices {
        for replacement: UInt8 in [0x00, 0x0A, 0x22, 0x5C, 0x5B, 0x7B, 0x2C, 0x80, 0xFF, 0x75] {
            var mutated = bytes
            mutated[index] = replacement
            guard let error = parseError(mutated) else { continue }
            #expect(error.line <= 2 && error.column <= bytes.count + 1, "\(mutated): \(error)")
        }
    }
}
