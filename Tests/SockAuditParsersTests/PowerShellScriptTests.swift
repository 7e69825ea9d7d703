import SockAuditParsers
import Testing

/// PowerShell steps (GitHub Actions `shell: pwsh`/`powershell`, Windows runners): backtick
/// continuation and escapes, both quotes, the call operator, comments, statement separators.
@Suite struct PowerShellScriptTests {
    static func commands(_ text: String) -> [[String]] {
        PowerShellScript.parse(text).commands.map { $0.words.map(\.text) }
    }

    @Test func backtickContinuationJoinsOneCommand() {
        let text = """
            docker run --rm `
              -v /var/run/docker.sock:/var/run/docker.sock `
              --privileged `
              mcr.microsoft.com/windows/servercore:ltsc2022
            """
        let script = PowerShellScript.parse(text)
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.words.map { "\($0.text)@\($0.line):\($0.column)" } } == [[
            "docker@1:1", "run@1:8", "--rm@1:12", "-v@2:3", "/var/run/docker.sock:/var/run/docker.sock@2:6",
            "--privileged@3:3", "mcr.microsoft.com/windows/servercore:ltsc2022@4:3",
        ]])
    }

    @Test func quotingAndEscapes() {
        #expect(Self.commands(#"docker run -e "A=`"x`"" -e 'B=it''s' -e C=a`tb img"#)
                == [["docker", "run", "-e", #"A="x""#, "-e", "B=it's", "-e", "C=a\tb", "img"]])
        #expect(Self.commands(#"docker run -v "$($env:USERPROFILE)\.docker:/root/.docker" img"#)
                == [["docker", "run", "-v", #"$($env:USERPROFILE)\.docker:/root/.docker"#, "img"]])
    }

    @Test func callOperatorAndWindowsPaths() {
        #expect(Self.commands(#"& "C:\Program Files\Docker\Docker\resources\bin\docker.exe" run --privileged img"#)
                == [["docker", "run", "--privileged", "img"]])
        #expect(Self.commands("docker.exe ps") == [["docker", "ps"]])
    }

    @Test func statementsCommentsAndBlocks() {
        let text = """
            <# block
               comment: docker run --privileged x #>
            $ErrorActionPreference = 'Stop' # a comment
            if ($env:CI) { docker run --pid=host a } else { docker info }
            docker pull b; docker run c | Out-Null
            docker run d 2>&1 > out.txt
            """
        let commands = Self.commands(text).filter { $0.first == "docker" }
        #expect(commands == [["docker", "run", "--pid=host", "a"], ["docker", "info"], ["docker", "pull", "b"], ["docker", "run", "c"], ["docker", "run", "d"]])
    }

    @Test func unclosedQuoteIsAnErrorAndTheRestIsRead() {
        let script = PowerShellScript.parse("docker run -e 'oops img\ndocker run --privileged x")
        #expect(script.errors.map { "\($0.line):\($0.column)" } == ["1:15"])
        #expect(script.commands.map { $0.words.map(\.text) } == [["docker", "run", "--privileged", "x"]])
    }
}
