import SockAuditCore
import SockAuditParsers
import Testing

/// Shapes real scripts take that a one-value-per-variable reading missed: assignments in both
/// branches, `set -- dockerd … "$@"; exec "$@"`, bash arrays, here-documents inside `$( … )`.
@Suite struct ShellReachingValuesTests {
    static func commands(_ text: String) -> [[String]] {
        ShellScript.parse(text).commands.filter { !$0.words.isEmpty }.map { $0.words.map(\.text) }
    }

    @Test func bothBranchesOfAnIfReachTheCommand() {
        let text = """
            if [ -n "$CI" ]; then
              opts="-v /var/run/docker.sock:/var/run/docker.sock"
            else
              opts="--network=host"
            fi
            docker run $opts alpine
            """
        let runs = Self.commands(text).filter { $0.first == "docker" }
        #expect(runs == [
            ["docker", "run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "alpine"],
            ["docker", "run", "--network=host", "alpine"],
        ])
    }

    @Test func anIfWithoutElseKeepsTheValueBefore() {
        let text = """
            mode=bridge
            [ "$HOST_NET" = 1 ] && mode=host
            if [ -z "$x" ]; then user=0; fi
            docker run --network $mode alpine
            """
        let runs = Self.commands(text).filter { $0.first == "docker" }
        #expect(runs.map { $0[3] } == ["host", "bridge"])
    }

    @Test func caseArmsEachReachTheCommand() {
        let text = """
            case "$1" in
              dind) flags="--privileged" ;;
              sock) flags="-v /run/docker.sock:/run/docker.sock" ;;
              *) flags="" ;;
            esac
            docker run $flags alpine
            """
        let runs = Self.commands(text).filter { $0.first == "docker" }
        #expect(runs.count == 3)
        #expect(runs.contains(["docker", "run", "--privileged", "alpine"]))
        #expect(runs.contains(["docker", "run", "-v", "/run/docker.sock:/run/docker.sock", "alpine"]))
    }

    @Test func aLaterPlainAssignmentReplacesEveryBranch() {
        let text = """
            if x; then a=1; else a=2; fi
            a=3
            echo $a
            """
        #expect(Self.commands(text).last == ["echo", "3"])
    }

    @Test func setDashDashThenExecRunsTheNewPositionalParameters() {
        let text = """
            #!/bin/sh
            set -e
            if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
              if [ -n "${DOCKER_TLS_CERTDIR:-}" ]; then
                set -- dockerd \\
                  --host=unix:///var/run/docker.sock \\
                  --host=tcp://0.0.0.0:2376 \\
                  --tlsverify \\
                  "$@"
              else
                set -- dockerd \\
                  --host=unix:///var/run/docker.sock \\
                  --host=tcp://0.0.0.0:2375 \\
                  "$@"
              fi
            fi
            exec "$@"
            """
        let script = ShellScript.parse(text)
        let daemons = script.commands.filter { $0.words.first?.text == "dockerd" }
        #expect(daemons.map { $0.words.map(\.text) }.contains([
            "dockerd", "--host=unix:///var/run/docker.sock", "--host=tcp://0.0.0.0:2375", "$@",
        ]))
        // each word stays where it was written
        let plain = daemons.first { $0.words.contains { $0.text == "--host=tcp://0.0.0.0:2375" } }
        #expect(plain?.words.first { $0.text == "--host=tcp://0.0.0.0:2375" }.map { "\($0.line):\($0.column)" } == "13:7")
    }

    @Test func bashArraysExpandToTheirElements() {
        let text = """
            args=(
              dockerd
              --host=tcp://0.0.0.0:2375
            )
            args+=(--tls=false)
            exec "${args[@]}"
            """
        let script = ShellScript.parse(text)
        let daemon = script.commands.first { $0.words.first?.text == "dockerd" }
        #expect(daemon?.words.map(\.text) == ["dockerd", "--host=tcp://0.0.0.0:2375", "--tls=false"])
        #expect(daemon?.words.map { "\($0.line):\($0.column)" } == ["2:3", "3:3", "5:8"])
    }

    @Test func localArrayDeclarations() {
        let text = """
            run() {
              local -a opts=(--privileged -v /var/run/docker.sock:/var/run/docker.sock)
              docker run "${opts[@]}" alpine
            }
            """
        #expect(Self.commands(text).last == ["docker", "run", "--privileged", "-v", "/var/run/docker.sock:/var/run/docker.sock", "alpine"])
    }

    @Test func appendingToAScalar() {
        let text = """
            opts="--rm"
            opts+=" --privileged"
            docker run $opts alpine
            """
        #expect(Self.commands(text).last == ["docker", "run", "--rm", "--privileged", "alpine"])
    }

    @Test func anUnsetPositionalListStaysAsWritten() {
        #expect(Self.commands("docker run --privileged \"$@\"") == [["docker", "run", "--privileged", "$@"]])
    }

    @Test func alternativesAreBoundedWhateverTheBranches() {
        var text = ""
        for index in 0..<40 { text += "if a; then v\(index)=x; else v\(index)=y; fi\n" }
        text += "echo " + (0..<40).map { "$v\($0)" }.joined(separator: " ") + "\n"
        let echoes = Self.commands(text).filter { $0.first == "echo" }
        #expect(echoes.count == 8)
    }

    @Test func hereDocumentInsideACommandSubstitution() {
        let text = """
            config=$(cat <<EOF
            {"hosts": ["unix:///var/run/docker.sock"], "it's": "a quote (and a paren"}
            EOF
            )
            docker run -v /var/run/docker.sock:/var/run/docker.sock alpine
            """
        let script = ShellScript.parse(text)
        #expect(script.errors.isEmpty, "\(script.errors)")
        #expect(script.commands.map { $0.words.first?.text ?? "=" } == ["cat", "=", "docker"])
        #expect(script.commands.last?.words.first?.line == 5)
    }

    @Test func commentInsideACommandSubstitution() {
        let text = """
            ids=$(
              # the agent's containers (not ours)
              docker ps -q
            )
            """
        let script = ShellScript.parse(text)
        #expect(script.errors.isEmpty, "\(script.errors)")
        #expect(script.commands.first?.words.map(\.text) == ["docker", "ps", "-q"])
    }
}
