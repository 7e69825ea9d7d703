import SockAuditParsers
import Testing

/// The shell word splitter and command finder: quoting, positions, operators, substitutions,
/// here-documents, assignments and errors.
@Suite struct ShellSplitterTests {
    static func words(_ text: String) -> [[String]] {
        ShellScript.parse(text).commands.map { $0.words.map(\.text) }
    }

    static func positions(_ command: ShellCommand) -> [String] {
        command.words.map { "\($0.text)@\($0.line):\($0.column)" }
    }

    @Test func splitsSimpleCommand() {
        #expect(Self.words("docker run -v /a:/b alpine") == [["docker", "run", "-v", "/a:/b", "alpine"]])
    }

    @Test func removesPOSIXQuoting() {
        #expect(Self.words(#"echo 'a b' "c \"d\" \$e" f\ g 'it'\''s' $'x\ty'"#)
                == [["echo", "a b", #"c "d" $e"#, "f g", "it's", "x\ty"]])
    }

    @Test func keepsLinesAndColumnsAcrossContinuations() {
        let script = ShellScript.parse("docker run \\\n  -v /a:/b \\\n\t--privileged alpine")
        #expect(Self.positions(script.commands[0]) == [
            "docker@1:1", "run@1:8", "-v@2:3", "/a:/b@2:6", "--privileged@3:2", "alpine@3:15",
        ])
    }

    @Test func splitsOnOperatorsAndNewlines() {
        #expect(Self.words("a 1; b 2 && c || d | e & f\ng") == [["a", "1"], ["b", "2"], ["c"], ["d"], ["e"], ["f"], ["g"]])
        #expect(Self.words("(cd x && make) ; { y; }") == [["cd", "x"], ["make"], ["y"]])
        #expect(Self.words("if docker ps; then docker info; fi") == [["docker", "ps"], ["docker", "info"]])
    }

    @Test func skipsRedirectionTargets() {
        #expect(Self.words("docker run alpine > out.log 2>&1 </dev/null") == [["docker", "run", "alpine"]])
        #expect(Self.words("docker ps 2>/dev/null") == [["docker", "ps"]])
    }

    @Test func entersCommandSubstitutions() {
        let script = ShellScript.parse("id=$(docker run -d alpine)\necho `docker ps`")
        let programs = script.commands.map { $0.words.first?.text ?? "=" }
        #expect(programs == ["docker", "=", "docker", "echo"])
        let inner = script.commands[0]
        #expect(Self.positions(inner).first == "docker@1:6")
    }

    @Test func stripsPrefixes() {
        #expect(Self.words("sudo -E -u root docker ps") == [["docker", "ps"]])
        #expect(Self.words("exec env -i A=1 B=2 nohup time docker ps") == [["docker", "ps"]])
        let script = ShellScript.parse("DOCKER_HOST=tcp://x:2375 docker ps")
        #expect(script.commands[0].words.map(\.text) == ["docker", "ps"])
        #expect(script.commands[0].assignments.map(\.name) == ["DOCKER_HOST"])
    }

    @Test func resolvesEarlierAssignmentsAndKeepsUnknownVariables() {
        let text = """
            SOCK=/var/run/docker.sock
            docker run -v $SOCK:/s -v "${SOCK}:/t" -v ${MISSING}/docker.sock:/u -v ${OTHER:-/run}:/v $HOME
            """
        let words = Self.words(text)[1]
        #expect(words == ["docker", "run", "-v", "/var/run/docker.sock:/s", "-v", "/var/run/docker.sock:/t",
                          "-v", "${MISSING}/docker.sock:/u", "-v", "/run:/v", "$HOME"])
    }

    @Test func splitsAnUnquotedVariableIntoFields() {
        let script = ShellScript.parse("OPTS='-H tcp://0.0.0.0:2375'\ndockerd $OPTS \"$OPTS\"")
        #expect(script.commands[1].words.map(\.text) == ["dockerd", "-H", "tcp://0.0.0.0:2375", "-H tcp://0.0.0.0:2375"])
        #expect(script.commands[1].words[1].column == 9)
    }

    @Test func commentsAreNotCommands() {
        #expect(Self.words("# docker run --privileged x\necho a#b # c") == [["echo", "a#b"]])
    }

    @Test func hereDocumentBodiesRunOnlyWhenAShellReadsThem() {
        let text = """
            cat <<EOF > x.sh
            docker run --privileged a
            EOF
            bash <<-'END'
            \tdocker run --pid=host b
            \tEND
            docker ps
            """
        let script = ShellScript.parse(text)
        #expect(script.commands.map { $0.words.map(\.text) } == [
            ["cat"], ["bash"], ["docker", "run", "--pid=host", "b"], ["docker", "ps"],
        ])
        #expect(script.commands[2].words[0].line == 5)
    }

    @Test func shDashCIsAScript() {
        let script = ShellScript.parse("sh -c 'docker run --privileged alpine'")
        #expect(script.commands.last?.words.map(\.text) == ["docker", "run", "--privileged", "alpine"])
        #expect(script.commands.last?.words[2].column == 19)
    }

    @Test func unclosedQuoteIsAnErrorAtItsLineAndTheRestIsRead() {
        let script = ShellScript.parse("docker ps\necho 'oops\ndocker run x\necho \"$(a\"")
        #expect(script.errors.map { "\($0.line):\($0.column)" } == ["2:6", "4:6"])
        #expect(script.commands.map { $0.words.first?.text } == ["docker", "echo", "docker", "echo"])
        let substitution = ShellScript.parse("x=$(docker ps")
        #expect(substitution.errors.map { "\($0.line):\($0.column)" } == ["1:3"])
    }

    @Test func wordsIgnoresCommandStructure() {
        let words = ShellScript.words(ShellSource("--privileged -v /a:/b; --cpus 1", line: 4, column: 16))
        #expect(words.map { "\($0.text)@\($0.line):\($0.column)" } == ["--privileged@4:16", "-v@4:29", "/a:/b@4:32", "--cpus@4:39", "1@4:46"])
    }
}
