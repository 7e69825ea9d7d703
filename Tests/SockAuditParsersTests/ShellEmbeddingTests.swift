import SockAuditParsers
import Testing

/// Command lines embedded in other files keep the line and column they have in that file.
@Suite struct ShellEmbeddingTests {
    static func located(_ script: ShellScript) -> [String] {
        script.commands.flatMap { command in command.words.map { "\($0.text)@\($0.line):\($0.column)" } }
    }

    @Test func blockScalarLinesMapBackIntoTheYAML() throws {
        let yaml = """
            jobs:
              a:
                steps:
                  - run: |
                      echo hi
                      docker run \\
                        --privileged alpine
                  - run: >-
                      docker run
                      --pid=host alpine
                  - run: docker run --ipc=host x
                  - run: "docker ps"
            """
        let document = try #require(YAMLParser.parse(yaml).documents.first)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let steps = try #require(document["jobs"]?["a"]?["steps"]?.sequence)
        let sources = steps.compactMap { $0["run"].flatMap { YAMLScalarSource.source($0, fileLines: lines) } }
        let words = sources.map { Self.located(ShellScript.parse($0)) }
        #expect(words[0] == ["echo@5:11", "hi@5:16", "docker@6:11", "run@6:18", "--privileged@7:13", "alpine@7:26"])
        #expect(words[1] == ["docker@9:11", "run@9:18", "--pid=host@10:11", "alpine@10:22"])
        #expect(words[2] == ["docker@11:14", "run@11:21", "--ipc=host@11:25", "x@11:36"])
        #expect(words[3] == ["docker@12:15", "ps@12:22"])
    }

    /// Plain and quoted scalars folded over lines, with escapes, and `sh -c` strings inside them:
    /// every word where it is written, never at a column the line does not have.
    @Test func flowScalarsFoldedOverLinesMapBackIntoTheYAML() throws {
        let yaml = #"""
            job:
              script:
                - docker run --rm
                  -e FOO=bar

                  --privileged alpine
                - "docker run \"--pid=host\" \
                  --ipc=host\talpine"
                - 'echo ''it is''
                  --net=host'
                - sh -c "docker run
                  -e \"A=B\" --privileged x"
                - bash -c docker\ run\ --cap-add=ALL\ x
            """#
        let document = try #require(YAMLParser.parse(yaml).documents.first)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let items = try #require(document["job"]?["script"]?.sequence)
        let words = items.compactMap { YAMLScalarSource.source($0, fileLines: lines) }.map { Self.located(ShellScript.parse($0)) }
        #expect(words[0] == ["docker@3:7", "run@3:14", "--rm@3:18", "-e@4:7", "FOO=bar@4:10", "--privileged@6:7", "alpine@6:20"])
        #expect(words[1] == ["docker@7:8", "run@7:15", "--pid=host@7:19", "--ipc=host@8:7", "alpine@8:19"])
        #expect(words[2] == ["echo@9:8", "it is@9:13", "--net=host@10:7"])
        #expect(words[3].contains("--privileged@12:18") && words[3].contains("-e@12:7") && words[3].contains("docker@11:14"))
        #expect(words[4].contains("--cap-add=ALL@13:28"))
    }

    /// A directive above a YAML value folded over lines covers the whole value, so a finding now
    /// located on a continuation line stays suppressible; a mapping item or a block scalar does not
    /// stretch it.
    @Test func directivesCoverYAMLValuesFoldedOverLines() {
        let yaml = """
            job:
              script:
                # sockaudit:ignore SA301 -- the e2e runner needs it
                - docker run --rm
                  -e CI=true

                  --privileged alpine
                - docker ps
              services:
                # sockaudit:ignore SA101 -- reviewed
                - name: docker:dind
                  command: ["--tls=false"]
                # sockaudit:ignore SA102 -- reviewed
                - |
                  dockerd
                  --tls=false
            """
        let directives = SuppressionDirectives.scan(yaml, path: ".gitlab-ci.yml")
        #expect(directives.map(\.lines) == [3...7, 10...11, 13...14])
        #expect(SuppressionDirectives.scan(yaml, path: "run.sh").map(\.lines) == [3...4, 10...11, 13...14])
    }

    @Test func makefileRecipes() {
        let (source, variables) = MakefileRecipes.script("SOCK ?= /run/docker.sock\nall:\n\t@docker run -v $(SOCK):/s \\\n\t  -e HOME=$$HOME img\n")
        // make values are expanded in the recipe text; only values with several expansions stay variables
        #expect(variables.isEmpty)
        let script = ShellScript.parse(source, alternatives: variables)
        // the expanded value stands where `$(SOCK)` is written
        #expect(Self.located(script) == ["docker@3:3", "run@3:10", "-v@3:14", "/run/docker.sock:/s@3:17", "-e@4:4", "HOME=$HOME@4:7", "img@4:19"])
    }

    @Test func dockerfileRunLines() {
        let text = """
            FROM alpine
            ENV SOCK=/var/run/docker.sock
            RUN --mount=type=cache,target=/c apk add x && \\
                # comment inside
                docker run -v $SOCK:/s img
            RUN ["docker", "ps"]
            run <<EOF
            docker info
            EOF
            """
        let script = DockerfileInstructions.script(text)
        #expect(script.commands.map { $0.words.map(\.text) } == [
            [], ["apk", "add", "x"], ["docker", "run", "-v", "/var/run/docker.sock:/s", "img"], ["docker", "info"], ["docker", "ps"],
        ])
        #expect(script.commands[2].words[2].line == 5 && script.commands[2].words[2].column == 16)
        #expect(script.commands[4].words[0].line == 6 && script.commands[4].words[0].column == 6)
        #expect(script.commands[3].words[0].line == 8)
    }

    @Test func systemdExecLines() {
        let entries = SystemdUnit.entries("[Service]\n# ExecStart=/bin/no\nExecStart=-/usr/bin/dockerd \\\n  -H tcp://0.0.0.0:2375\n")
        #expect(entries.map(\.key) == ["ExecStart"])
        let facts = SystemdUnit.facts("[Service]\nExecStart=@/usr/bin/dockerd dockerd \\\n  -H tcp://0.0.0.0:2375\n", path: "d.service", unitName: "docker.service")
        #expect(facts.daemons.first?.hosts.map { "\($0.value)@\($0.location.line):\($0.location.column)" } == ["tcp://0.0.0.0:2375@3:3"])
        let socket = SystemdUnit.facts("[Socket]\nListenStream=/run/docker.sock\nListenStream=0.0.0.0:2375\n", path: "docker.socket", unitName: "docker.socket")
        #expect(socket.daemons.first?.hosts.map(\.value) == ["tcp://0.0.0.0:2375"])
    }

    @Test func jenkinsfileSteps() {
        let text = """
            node {
              // sh 'docker run --privileged no'
              sh 'docker ps'
              sh(script: "docker run \\\\$X --pid=host img", returnStdout: true)
              sh \"\"\"
                docker info
              \"\"\"
              docker.image('node:20').inside('-v /a:/b') { }
              sh label: 'docker run --privileged not-a-command', script: 'docker version'
            }
            """
        let words = JenkinsfileSteps.sources(text).map { Self.located(ShellScript.parse($0)) }
        #expect(words.count == 5)
        #expect(words[4] == ["docker@9:63", "version@9:70"])
        #expect(words[0] == ["docker@3:7", "ps@3:14"])
        #expect(words[1] == ["docker@4:15", "run@4:22", "$X@4:26", "--pid=host@4:31", "img@4:42"])
        #expect(words[2] == ["docker@6:5", "info@6:12"])
        #expect(words[3].contains("-v@8:35"))
        #expect(words[3].last == "node:20@8:17")
    }
}
