import Testing
@testable import SockAuditParsers

/// JSON with comments and trailing commas: accepted only when asked for (dev containers, VS Code
/// files), with positions as exact as strict JSON's.
@Suite struct JSONCParserTests {
    static func parse(_ text: String) throws(ParseError) -> Node {
        try JSONParser.parse(text, dialect: .jsonc)
    }

    static func error(_ text: String, dialect: JSONParser.Dialect = .jsonc) -> ParseError? {
        do throws(ParseError) {
            _ = try JSONParser.parse(text, dialect: dialect)
            return nil
        } catch {
            return error
        }
    }

    @Test func commentsAndTrailingCommasAreAccepted() throws {
        let text = """
            // For format details, see https://aka.ms/devcontainer.json.
            {
            \t"name": "app", // the name
            \t/* "privileged": true, */
            \t"runArgs": [
            \t\t"--cap-add=SYS_PTRACE",
            \t\t"--security-opt", "seccomp=unconfined", /* trailing, with a comment */
            \t],
            \t"mounts": [],
            }
            """
        let node = try Self.parse(text)
        #expect(node["name"]?.string == "app")
        #expect(node["privileged"] == nil)
        let args = node["runArgs"]?.sequence ?? []
        #expect(args.map { $0.string ?? "" } == ["--cap-add=SYS_PTRACE", "--security-opt", "seccomp=unconfined"])
        #expect(args.map { [$0.line, $0.column] } == [[6, 3], [7, 3], [7, 21]])
        #expect(node.keyNode("mounts").map { [$0.line, $0.column] } == [9, 2])
    }

    @Test func positionsAfterCommentsWithMultibyteTextAndCRLF() throws {
        let text = "{\r\n  /* café ☕\r\n     still a comment */ \"a\": 1, // ünïcode\r\n  /* é☕ */ \"c\": 3,\r\n  \"b\": [2,],\r\n}\r\n"
        let node = try Self.parse(text)
        #expect(node.keyNode("a").map { [$0.line, $0.column] } == [3, 25])
        #expect(node.keyNode("c").map { [$0.line, $0.column] } == [4, 12])
        #expect(node["b"].map { [$0.line, $0.column] } == [5, 8])
        #expect(node["b"]?.sequence?.count == 1)
    }

    @Test func aSlashInsideAStringIsNotAComment() throws {
        let node = try Self.parse(#"{"source": "//host/path/*not*/", "url": "http://x/y"}"#)
        #expect(node["source"]?.string == "//host/path/*not*/")
        #expect(node["url"]?.string == "http://x/y")
    }

    @Test func anUnclosedBlockCommentIsAnErrorAtItsStart() {
        let inside = Self.error("{\n  \"a\": 1, /* never closed\n}")
        #expect(inside.map { [$0.line, $0.column] } == [2, 11])
        #expect(inside?.message == "comment opened here is not closed")
        let after = Self.error("{\"a\": 1}\n/* dangling")
        #expect(after.map { [$0.line, $0.column] } == [2, 1])
    }

    @Test func whatJSONCStillRejects() {
        // one trailing comma at most, and only before a closer
        #expect(Self.error("[1,,]")?.message.hasPrefix("unexpected character ','") == true)
        #expect(Self.error("{,}") != nil)
        #expect(Self.error("[,]") != nil)
        // a lone slash is not a comment
        #expect(Self.error("{\"a\": / 1}") != nil)
        // keys still need double quotes
        #expect(Self.error("{a: 1}")?.message == "object keys must be strings in double quotes, found 'a'")
    }

    @Test func strictJSONStaysStrict() {
        #expect(Self.error("{\"a\": 1, // x\n}", dialect: .strict)?.message == "comments are not allowed in JSON")
        #expect(Self.error("[1, 2,]", dialect: .strict)?.message == "trailing comma before ']' is not allowed in JSON")
        #expect(Self.error("{\"a\": 1,}", dialect: .strict)?.message == "trailing comma before '}' is not allowed in JSON")
    }

    @Test func aLineCommentAtTheEndOfTheFileNeedsNoNewline() throws {
        let node = try Self.parse("{\"a\": true} // done")
        #expect(node["a"]?.bool == true)
    }
}
