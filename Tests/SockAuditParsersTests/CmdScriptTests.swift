import SockAuditCore
import Testing
@testable import SockAuditParsers

/// `cmd.exe` lines (a GitHub Actions `shell: cmd` step) split as cmd splits them, words located.
@Suite struct CmdScriptTests {
    static func commands(_ text: String) -> [[String]] {
        CmdScript.parse(text).commands.map { $0.words.map(\.text) }
    }

    @Test func splitsTheWayCmdDoes() {
        let text = #"""
            @echo off
            rem docker run --privileged alpine
            :: docker run --privileged alpine
            @REM docker run --privileged alpine
            docker run --rm ^
              -v "C:\build cache:C:\cache" ^
              -e "SAY=""hi""" alpine && echo ok
            call "C:\Program Files\Docker\docker.exe" run --pid=host alpine | more
            if defined CI (docker run --ipc=host alpine) else (echo no)
            docker run -e A^&B -e "X & Y" alpine
            echo "unclosed
            docker ps
            """#
        #expect(Self.commands(text) == [
            ["echo", "off"],
            ["docker", "run", "--rm", "-v", #"C:\build cache:C:\cache"#, "-e", #"SAY="hi""#, "alpine"],
            ["echo", "ok"],
            ["docker", "run", "--pid=host", "alpine"],
            ["more"],
            ["if", "defined", "CI"],
            ["docker", "run", "--ipc=host", "alpine"],
            ["else"],
            ["echo", "no"],
            ["docker", "run", "-e", "A&B", "-e", "X & Y", "alpine"],
            ["echo", "unclosed"],
            ["docker", "ps"],
        ])
    }

    @Test func wordsKeepTheirLinesAndColumns() {
        let words = CmdScript.parse("docker run ^\n  --privileged \"a b\"").commands[0].words
        #expect(words.map { "\($0.text)@\($0.line):\($0.column)" } == ["docker@1:1", "run@1:8", "--privileged@2:3", "a b@2:16"])
    }

    /// `,`, `;` and `=` separate only where no word has begun: inside a word they reach the program
    /// (a `--mount` list, a `-v` mode), which splits its own arguments at blanks alone.
    @Test func commasAndEqualsInsideAWordStayInIt() {
        #expect(Self.commands("docker run --mount type=bind,source=/var/run/docker.sock,target=/s -v /a:/b,ro alpine") == [
            ["docker", "run", "--mount", "type=bind,source=/var/run/docker.sock,target=/s", "-v", "/a:/b,ro", "alpine"],
        ])
        #expect(Self.commands("echo ,;= a;b") == [["echo", "a;b"]])
    }

    @Test func windowsVolumeSpecsKeepTheirDrive() {
        let spec = VolumeSpec.parse(#"C:\data:C:\data:ro"#)
        #expect(spec.source == #"C:\data"# && spec.target == #"C:\data"# && spec.readOnly)
        #expect(VolumeSpec.parse(#"\\.\pipe\docker_engine:\\.\pipe\docker_engine"#).source == #"\\.\pipe\docker_engine"#)
        #expect(VolumeSpec.kind(of: #"C:\data"#) == .absolute)
        #expect(VolumeSpec.kind(of: "c:/data") == .absolute)
        #expect(VolumeSpec.kind(of: #"\\.\pipe\docker_engine"#) == .absolute)
        #expect(VolumeSpec.parse("data:/data").source == "data")
        #expect(VolumeSpec.parse("/srv/a:/b:ro").target == "/b")
        #expect(VolumeSpec.parse("a:/b").source == "a")
        #expect(VolumeSpec.parse("a:/b:ro").source == "a")
        #expect(VolumeSpec.parse("C:/data:D:/data").source == "C:/data")
    }
}
