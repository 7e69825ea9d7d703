import SockAuditParsers
import Testing

@Suite struct ShellSplitterTests {
    @Test func splitsSimpleCommand() {
        let script = ShellScript.parse("docker run -v /a:/b alpine")
        #expect(script.commands.count == 1)
        #expect(script.commands[0].words.map(\.text) == ["docker", "run", "-v", "/a:/b", "alpine"])
    }
}
