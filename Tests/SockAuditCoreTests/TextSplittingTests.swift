import Testing
@testable import SockAuditCore

/// The byte splits must give exactly what the Character splits they replace give, in the shapes
/// real files take and in the ones where bytes and Characters part ways (CR LF, a combining mark
/// after a slash).
@Suite struct TextSplittingTests {
    static let texts = [
        "", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", "run: |\n  docker run -v /var/run/docker.sock:/x\n",
        "crlf\r\nline\r\n", "mixed\nends\r\nhere\r", "lone\rcr\nlf", "é\nñ\n日本\n", "e\u{301}\n\u{301}x\n",
        "tab\tline\n\tindented", "\u{FEFF}bom\nline",
    ]

    @Test func linesAreTheCharacterSplit() {
        for text in Self.texts {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(TextSplitting.lines(text) == expected, "\(text.debugDescription)")
        }
    }

    static let paths = [
        "", "/", "//", "docker", "/usr/bin/docker", "usr/bin/", "a//b", "./dockerd", "docker.io/library/docker:dind",
        "/bin/\u{301}sh", "é/ñ", "ünïcode/dockerd", "a/b/c/", "\u{FEFF}/x",
    ]

    @Test func lastPathComponentIsTheCharacterSplit() {
        for path in Self.paths {
            let expected = path.split(separator: "/").last.map(String.init) ?? path
            #expect(TextSplitting.lastPathComponent(path) == expected, "\(path.debugDescription)")
        }
    }

    @Test func textSearchFindsNeedlesAnywhere() {
        #expect(TextSearch.contains("apiVersion: v1\nkind: Pod", "kind"))
        #expect(TextSearch.contains("kind", "kind"))
        #expect(TextSearch.contains("xxkind", "kind"))
        #expect(!TextSearch.contains("kin", "kind"))
        #expect(!TextSearch.contains("kinkinD", "kind"))
        #expect(TextSearch.contains("kikind", "kind"))
        #expect(TextSearch.contains("", ""))
        #expect(TextSearch.contains("abc", ""))
        #expect(!TextSearch.contains("", "a"))
        #expect(TextSearch.contains("é services:", "services:"))
        #expect(TextSearch.contains("a", "a"))
        #expect(!TextSearch.contains("b", "a"))
    }
}
