import SockAuditParsers
import Testing

/// Nothing traps on user input: random text from shell-significant characters goes through every
/// splitter without a crash (a deterministic generator, so a failure reproduces).
@Suite struct ShellRobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    static let characters: [String] = "ab -=$(){}[]'\"`\\\n\t;&|<>#@!*:,.0/\r".map { String($0) }
    static let fragments: [String] = ["docker ", "run ", "-v ", "<<EOF\n", "EOF\n", "$((", "${", "\"\"\"", "'''", "sh '", "RUN ", "ExecStart=", "\t@"]
    static let alphabet: [String] = characters + fragments

    @Test func randomTextNeverTraps() {
        var generator = Generator(state: 42)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 60) {
                text += Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))]
            }
            _ = ShellScript.parse(text)
            _ = MakefileRecipes.script(text)
            _ = DockerfileInstructions.script(text)
            _ = SystemdUnit.facts(text, path: "x.socket", unitName: "docker.socket")
            _ = JenkinsfileSteps.sources(text)
            for command in ShellScript.parse(text).commands {
                _ = DockerRunCommand.container(command, path: "x")
                _ = SSHForwardCommand.forwards(command, path: "x")
                _ = SocatCommand.forwards(command, path: "x")
            }
        }
    }
}
