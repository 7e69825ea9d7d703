import SockAuditCore
import Testing
import SockAuditParsers
@testable import SockAuditScanner

@Suite struct DockerDefaultsInputTests {
    @Test func optionVariablesBecomeOneLocatedDaemon() throws {
        let text = """
            # comment DOCKER_OPTS="-H tcp://0.0.0.0:2375"
            DOCKER_OPTS="--dns 8.8.8.8 -H tcp://0.0.0.0:2375"
            export OPTIONS='--selinux-enabled --icc=true'
            """
        let file = SourceFile(path: "etc/default/docker", bytes: Array(text.utf8))
        let outcome = FileScanner(context: .inMemory([:])).scan(file)
        #expect(outcome.kind == .input(.daemon))
        let config = try #require(outcome.facts.daemons.first)
        #expect(outcome.facts.daemons.count == 1)
        #expect(config.hosts.map(\.value) == ["tcp://0.0.0.0:2375"])
        #expect(config.hosts.first?.location == SourceLocation(path: "etc/default/docker", line: 2, column: 28))
        #expect(config.icc?.value == true && config.icc?.location.line == 3)
        #expect(config.isComplete == false)
        #expect(config.origin?.kind == .defaultsFile)
    }

    @Test func otherFilesNamedDockerAreNotClaimed() {
        let file = SourceFile(path: "scripts/docker", bytes: Array("DOCKER_OPTS=-H tcp://0.0.0.0:2375\n".utf8))
        #expect(FileScanner(context: .inMemory([:])).scan(file).kind == nil)
    }
}
