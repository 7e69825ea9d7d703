import SockAuditParsers
import Testing

/// Make's own expansion before the shell reads a recipe: recursive variables, both branches of
/// `$(if …)` and of `ifdef`, functions with parentheses inside quotes, references over continuation
/// lines, and unknown values never taken for an image.
@Suite struct MakefileExpansionTests {
    static func commands(_ text: String) -> [[String]] {
        let (source, variables) = MakefileRecipes.script(text)
        let script = ShellScript.parse(source, alternatives: variables)
        return script.commands.filter { !$0.words.isEmpty }.map { $0.words.map(\.text) }
    }

    static func errors(_ text: String) -> [String] {
        let (source, variables) = MakefileRecipes.script(text)
        return ShellScript.parse(source, alternatives: variables).errors.map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func aVariableThatRefersToAnotherIsExpanded() {
        let text = """
            DOCKER ?= docker
            SOCK = /var/run/docker.sock
            RUN = $(DOCKER) run --rm --privileged -v $(SOCK):$(SOCK)
            IMAGE := example/ci:1

            test:
            \t$(RUN) $(IMAGE) make check
            """
        #expect(Self.commands(text) == [["docker", "run", "--rm", "--privileged", "-v", "/var/run/docker.sock:/var/run/docker.sock", "example/ci:1", "make", "check"]])
    }

    @Test func expandedWordsStandAtTheReference() {
        let (source, variables) = MakefileRecipes.script("RUN = docker run --privileged\nall:\n\t@$(RUN) alpine\n")
        let command = ShellScript.parse(source, alternatives: variables).commands[0]
        #expect(command.words.map { "\($0.text)@\($0.line):\($0.column)" } == ["docker@3:3", "run@3:3", "--privileged@3:3", "alpine@3:10"])
    }

    @Test func bothBranchesOfIfAreRead() {
        let text = """
            all:
            \tdocker run $(if $(CI),-v /var/run/docker.sock:/var/run/docker.sock,--network=host) alpine
            """
        #expect(Self.commands(text) == [
            ["docker", "run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "alpine"],
            ["docker", "run", "--network=host", "alpine"],
        ])
    }

    @Test func bothBranchesOfIfdefAreRead() {
        let text = """
            ifdef CI
            FLAGS = --privileged
            else
            FLAGS = --cap-drop=ALL
            endif
            all:
            \tdocker run $(FLAGS) alpine
            """
        #expect(Self.commands(text) == [["docker", "run", "--privileged", "alpine"], ["docker", "run", "--cap-drop=ALL", "alpine"]])
    }

    @Test func anUnknownVariableIsNeverTheImage() {
        let text = """
            all:
            \tdocker run $(DOCKER_FLAGS) --privileged $(IMAGE) sh
            """
        let (source, variables) = MakefileRecipes.script(text)
        let script = ShellScript.parse(source, alternatives: variables)
        #expect(script.commands[0].words.map(\.text) == ["docker", "run", "${DOCKER_FLAGS}", "--privileged", "${IMAGE}", "sh"])
    }

    @Test func functionsWithParenthesesInQuotesAreOneReference() {
        let text = """
            VERSION := $(shell git describe --tags 2>/dev/null || echo "v0.0.0 (dev)")
            all:
            \tdocker run -e VERSION="$(shell date +"%Y(%m)")" -v /var/run/docker.sock:/s app:$(VERSION)
            """
        #expect(Self.errors(text) == [])
        #expect(Self.commands(text).contains { $0.starts(with: ["docker", "run", "-e"]) && $0.contains("/var/run/docker.sock:/s") })
    }

    @Test func foreachAndIfOverContinuationLines() {
        let text = """
            MOUNTS = /var/run/docker.sock /etc/ssl
            all:
            \tdocker run --rm \\
            \t  $(foreach m,$(MOUNTS),-v $(m):$(m)) \\
            \t  $(if $(DEBUG),\\
            \t    -e DEBUG=1,\\
            \t    -e QUIET=1) alpine
            """
        #expect(Self.errors(text) == [])
        let runs = Self.commands(text)
        #expect(runs.first?.starts(with: ["docker", "run", "--rm", "-v", "/var/run/docker.sock:/var/run/docker.sock", "-v", "/etc/ssl:/etc/ssl"]) == true)
    }

    @Test func shellFunctionsAreCommands() {
        let text = """
            ID = $(shell docker run -d -v /var/run/docker.sock:/var/run/docker.sock agent:1)
            all:
            \techo $(ID)
            """
        #expect(Self.commands(text).contains(["docker", "run", "-d", "-v", "/var/run/docker.sock:/var/run/docker.sock", "agent:1"]))
    }

    @Test func selfReferenceAndRecursionAreBounded() {
        let text = """
            A = $(B) $(B)
            B = $(A) $(A)
            X := x
            X := $(X) y
            all:
            \techo $(A) $(X) $@ $(@D)
            """
        let echo = Self.commands(text).first { $0.first == "echo" }
        #expect(echo?.suffix(4) == ["x", "y", "$@", "$(@D)"])
    }
}
