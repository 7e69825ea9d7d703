import Testing
@testable import SockAuditParsers

/// What survives of a JSON file that failed to parse: the text before the parser's error, closed.
struct SurvivingStructureTests {
    private func survivingKeys(_ text: String) throws -> [String] {
        let error: ParseError
        do throws(ParseError) {
            _ = try JSONParser.parse(text)
            Issue.record("expected a parse error")
            return []
        } catch let caught {
            error = caught
        }
        let documents = SurvivingStructure.json(text, error: error)
        return (documents.first?.pairs ?? []).compactMap { $0.key.string }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func textBeforeTheErrorIsReadWithEveryLineEnd(_ lineEnd: String) throws {
        let text = ["{\"apiVersion\": \"v1\",", "\"kind\": \"Pod\",", "\"spec\": {\"containers\": [", "{\"name\": \"a\" \"image\": \"x\"}]}}"]
            .joined(separator: lineEnd)
        #expect(try survivingKeys(text) == ["apiVersion", "kind", "spec"])
    }

    /// The cut stops at the error's line: a lone CR ends a line for the parser, so it must here too,
    /// or the whole rest of the file (after a late error, every quote of it) is read as before it.
    @Test func aLoneCarriageReturnEndsALine() throws {
        let text = "{\"kind\": \"Pod\",\r\"spec\": [\"a\" \"b\"],\r\"later\": 1}"
        #expect(try survivingKeys(text) == ["kind", "spec"])
    }
}
