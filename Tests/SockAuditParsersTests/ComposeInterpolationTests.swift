import Testing
@testable import SockAuditParsers

@Suite struct ComposeInterpolationTests {
    let variables = ["SOCK": "/var/run/docker.sock", "EMPTY": "", "DIR": "/run"]

    func value(_ text: String) -> String? {
        if case .success(let result) = ComposeInterpolation.interpolate(text, variables: variables) { return result }
        return nil
    }

    func failure(_ text: String) -> ComposeInterpolation.Failure? {
        if case .failure(let failure) = ComposeInterpolation.interpolate(text, variables: variables) { return failure }
        return nil
    }

    @Test func nestingIsCappedNotQuadratic() {
        let nested = { (depth: Int) in String(repeating: "${UNSET:-", count: depth) + "/run" + String(repeating: "}", count: depth) }
        #expect(value(nested(ComposeInterpolation.maxNesting)) == "/run")
        #expect(failure(nested(ComposeInterpolation.maxNesting + 1))?.message == "invalid interpolation format: nested deeper than 16 levels")
        #expect(failure(nested(50_000)) != nil)
    }

    @Test(arguments: [
        ("$SOCK:/x", "/var/run/docker.sock:/x"),
        ("${SOCK}:/x", "/var/run/docker.sock:/x"),
        ("${DIR}/docker.sock", "/run/docker.sock"),
        ("${UNSET:-/var/run}/docker.sock", "/var/run/docker.sock"),
        ("${EMPTY:-default}", "default"),
        ("${EMPTY-default}", ""),
        ("${UNSET-default}", "default"),
        ("${SOCK:+set}", "set"),
        ("${EMPTY:+set}", ""),
        ("${EMPTY+set}", "set"),
        ("${UNSET:+set}", ""),
        ("${UNSET:-${DIR}}/docker.sock", "/run/docker.sock"),
        ("$$SOCK", "$SOCK"),
        ("cost $$5", "cost $5"),
        ("$1 and $ alone", "$1 and $ alone"),
        ("trailing $", "trailing $"),
        ("${SOCK:?must be set}", "/var/run/docker.sock"),
        ("no variables", "no variables"),
    ])
    func resolves(text: String, expected: String) {
        #expect(value(text) == expected)
    }

    /// An unresolved variable stays as written, so a socket path still matches by basename.
    @Test func unresolvedVariablesStayLiteral() {
        #expect(value("${SOCK_DIR}/docker.sock") == "${SOCK_DIR}/docker.sock")
        #expect(value("$SOCK_DIR/docker.sock") == "$SOCK_DIR/docker.sock")
    }

    /// A required variable is set by whoever runs Compose: unset at scan time, it is unresolved like
    /// any other, never an error, and `requiredUnset` names it.
    @Test func requiredVariableUnsetStaysUnresolved() {
        #expect(value("x ${NEED:?give NEED}") == "x ${NEED}")
        #expect(value("${EMPTY:?empty}") == "${EMPTY}")
        #expect(value("${EMPTY?empty}") == "")
        #expect(value("${UNSET?unset}/docker.sock") == "${UNSET}/docker.sock")
        #expect(value("${UNSET:?}") == "${UNSET}")
        #expect(value("${UNSET:?a message: with colons, and $$ dollars}") == "${UNSET}")
        #expect(value("${UNSET:-${NEED:?x}}/run") == "${NEED}/run")
        #expect(ComposeInterpolation.requiredUnset("${NEED:?x}/${SOCK:?y}:${NEED?}:${EMPTY?z}:$${LIT:?}", variables: variables)
            == ["NEED"])
        #expect(ComposeInterpolation.requiredUnset("${EMPTY:?z} ${OTHER?}", variables: variables) == ["EMPTY", "OTHER"])
        // The message is read all the same: a malformed one is an error, as Compose makes it.
        #expect(failure("${UNSET:?${}") != nil)
    }

    @Test func malformedBracesAreErrors() {
        #expect(failure("${SOCK") != nil)
        #expect(failure("/x/${") != nil)
        #expect(failure("${}") != nil)
        #expect(failure("${1X}") != nil)
        #expect(failure("${SOCK!x}") != nil)
    }

    @Test func lenientReadingKeepsWhatFailed() {
        let variables = ["DIR": "/run"]
        #expect(ComposeInterpolation.lenient("${SOCK_DIR:?set it}/docker.sock", variables: variables) == "${SOCK_DIR}/docker.sock")
        #expect(ComposeInterpolation.lenient("${DIR}/x:${TARGET", variables: variables) == "/run/x:${TARGET")
        #expect(ComposeInterpolation.lenient("${}/docker.sock", variables: variables) == "${}/docker.sock")
    }

    @Test func neverReadsTheProcessEnvironment() {
        #expect(value("${PATH}") == "${PATH}")
        #expect(value("${HOME:-/home/none}") == "/home/none")
    }
}

@Suite struct ComposeEnvFileTests {
    @Test func readsTheUsualSpellings() {
        let variables = ComposeEnvFile.parse("""
            # comment
            SOCK_DIR=/var/run
            export PROXY_PORT=2375
            QUOTED="/run/user/1000 # not a comment"
            SINGLE='${SOCK_DIR} stays'
            DOUBLE="${SOCK_DIR}/docker.sock"
            INLINE=value # a comment
            SPACED = spaced\u{20}
            EMPTY=
            MULTI="a
            b"
            ESCAPED="a\\"b\\nc"
            not a variable line
            """)
        #expect(variables["SOCK_DIR"] == "/var/run")
        #expect(variables["PROXY_PORT"] == "2375")
        #expect(variables["QUOTED"] == "/run/user/1000 # not a comment")
        #expect(variables["SINGLE"] == "${SOCK_DIR} stays")
        #expect(variables["DOUBLE"] == "/var/run/docker.sock")
        #expect(variables["INLINE"] == "value")
        #expect(variables["SPACED"] == "spaced")
        #expect(variables["EMPTY"] == "")
        #expect(variables["MULTI"] == "a\nb")
        #expect(variables["ESCAPED"] == "a\"b\nc")
        #expect(variables.count == 10)
    }

    @Test func laterFilesOverrideEarlierOnes() {
        let first = ComposeEnvFile.parse("A=1\nB=2\r\n")
        let second = ComposeEnvFile.parse("B=3\nC=${A}", inheriting: first)
        #expect(second == ["A": "1", "B": "3", "C": "1"])
    }
}

@Suite struct ComposeCommandTests {
    @Test func splitsCommands() {
        let words = ComposeCommand.split(#"dockerd --host=tcp://0.0.0.0:2375 --label 'a b' "c\"d""#)
        #expect(words.map(\.text) == ["dockerd", "--host=tcp://0.0.0.0:2375", "--label", "a b", "c\"d"])
        #expect(words.map(\.offset) == [0, 8, 34, 42, 48])
    }
}
