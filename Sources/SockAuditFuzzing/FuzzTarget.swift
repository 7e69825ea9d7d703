import SockAuditCore
import SockAuditParsers
import SockAuditRules
import SockAuditScanner

/// One parser under fuzzing: how to feed it bytes, and the tokens its mutations insert. Each input
/// goes through the parser alone and through the whole scanner under the file names that claim it.
public struct FuzzTarget: Sendable {
    public var name: String
    /// Names the input is scanned under, so each input kind that reads this format sees it.
    public var fileNames: [String]
    /// Structural fragments of the format, for insert mutations.
    public var tokens: [String]
    /// The parser alone: the problems found with its output (empty when every invariant holds).
    public var parse: @Sendable (_ bytes: [UInt8], _ bounds: PositionBounds) -> [String]

    /// Runs every invariant on one input; returns the violations.
    public func check(_ bytes: [UInt8]) -> [String] {
        let bounds = PositionBounds(bytes)
        var problems = parse(bytes, bounds)
        let sources = fileNames.map { SourceFile(path: $0, bytes: bytes) }
        var options = ScanOptions(rules: BuiltInRules.all)
        options.workers = 1
        // One file at a time: files named together are merged as one host's daemon configuration.
        for source in sources {
            let result = Scanner(options: options).scan(sources: [source])
            for finding in result.findings {
                problems += bounds.violations(line: finding.location.line, column: finding.location.column,
                                              what: "\(finding.ruleID) finding in \(source.path)")
            }
        }
        return problems
    }
}

/// Every fuzz target; a new parser is one line here.
public enum FuzzTargets {
    public static let all: [FuzzTarget] = [.yaml, .json, .jsonc, .shell, .systemd, .makefile, .dockerfile, .hcl, .powershell, .toml, .templatedYAML, .envFile, .nomadTemplate]

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

extension FuzzTarget {
    public static let yaml = FuzzTarget(
        name: "yaml", fileNames: ["docker-compose.yml", "manifest.yaml"],
        tokens: [": ", "- ", "? ", "&a ", "*a", "&b ", "*b", "<<: *a\n", "!!str ", "!!map ", "!tag ", "|\n", ">-\n", "|2+\n",
                 "\n  ", "\n    ", "\t", "\r", "\r\n", "'", "\"", "\\", "{", "}", "[", "]", ",", "#", "---\n", "...\n",
                 "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\u{2028}", "\u{85}", "\u{FEFF}", "\\x00", "\\u0000", "\u{0}",
                 "services:\n  a:\n    volumes: [/var/run/docker.sock:/s]\n", "apiVersion: v1\nkind: Pod\n",
                 "extends: {file: x.yml, service: a}\n", "include: [a.yml]\n", "${VAR:-/var/run/docker.sock}", "${A:-", "}",
                 "# sockaudit:ignore SA101 -- why\n", "- {name: v, hostPath: {path: /run}}\n", "  s: {extends: s}\n"],
        parse: { bytes, bounds in
            let result = YAMLParser.parse(String(decoding: bytes, as: UTF8.self))
            var problems = result.documents.flatMap { bounds.violations(in: $0) }
            if let error = result.error {
                problems += bounds.violations(line: error.line, column: error.column, what: "YAML error \"\(error.message)\"")
            }
            return problems
        })

    public static let json = FuzzTarget(
        name: "json", fileNames: ["daemon.json", "inspect.json", "manifest.json"],
        tokens: ["{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud83d", "\\udc00", "\\u0000", "1e400", "-0", "0.",
                 "true", "null", "\n", "\r", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{7F}", "\"HostConfig\": {\"Binds\": [\"/var/run/docker.sock:/s\"]}",
                 "\"hosts\": [\"tcp://0.0.0.0:2375\"]", "\"apiVersion\": \"v1\", \"kind\": \"Pod\""],
        parse: { bytes, bounds in
            do throws(ParseError) {
                return bounds.violations(in: try JSONParser.parse(bytes))
            } catch {
                return bounds.violations(line: error.line, column: error.column, what: "JSON error \"\(error.message)\"")
            }
        })
}

extension FuzzTarget {
    static let shellTokens = [
        " ", "\n", "\\\n", "'", "\"", "\\", "$", "${", "}", "$(", ")", "`", "<<EOF\n", "\nEOF\n", "<<-'X'\n", "|", "&&", ";",
        "#", "\r\n", "\r", "\t", "=", "docker run --privileged -v /var/run/docker.sock:/s x", "-H tcp://0.0.0.0:2375",
        "dockerd ", "socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock", "sh -c \"", "ssh -L 0.0.0.0:2375:/var/run/docker.sock h",
        "eval ", "export DOCKER_HOST=tcp://h:2375\n", "\u{0}", "\u{FEFF}", "\u{2028}",
    ]

    /// Shell words: every word and error of a parsed script.
    static func shellViolations(_ script: ShellScript, _ bounds: PositionBounds) -> [String] {
        var problems: [String] = []
        for command in script.commands {
            for word in command.words + command.assignments.map(\.word) {
                problems += bounds.violations(line: word.line, column: word.column, what: "word \"\(word.text.prefix(40))\"")
            }
        }
        for error in script.errors {
            problems += bounds.violations(line: error.line, column: error.column, what: "shell error \"\(error.message)\"")
        }
        return problems
    }

    public static let shell = FuzzTarget(
        name: "shell", fileNames: ["run.sh"], tokens: shellTokens,
        parse: { bytes, bounds in shellViolations(ShellScript.parse(String(decoding: bytes, as: UTF8.self)), bounds) })

    public static let systemd = FuzzTarget(
        name: "systemd", fileNames: ["docker.service", "docker.socket"],
        tokens: shellTokens + ["[Service]\n", "[Socket]\n", "ExecStart=", "ExecStart=-@/usr/bin/dockerd ", "Environment=\"A=b c\"\n",
                               "ListenStream=0.0.0.0:2375\n", "EnvironmentFile=/etc/default/docker\n", "; ", "\\\n"],
        parse: { bytes, bounds in
            var problems: [String] = []
            for entry in SystemdUnit.entries(String(decoding: bytes, as: UTF8.self)) {
                problems += bounds.violations(line: entry.line, column: entry.column, what: "entry \(entry.key.prefix(40))")
                problems += shellViolations(ShellScript.parse(entry.value), bounds)
            }
            return problems
        })

    public static let makefile = FuzzTarget(
        name: "makefile", fileNames: ["Makefile"],
        tokens: shellTokens + ["\n\t", "all:\n\t", "X := ", "X = ", "$(X)", "$$", "@", "-", "define X\n", "endef\n", "ifeq (a,b)\n", "endif\n", ".PHONY: a\n"],
        parse: { bytes, bounds in
            let (source, variables) = MakefileRecipes.script(String(decoding: bytes, as: UTF8.self))
            return shellViolations(ShellScript.parse(source, alternatives: variables), bounds)
        })

    /// A GitHub Actions step's PowerShell (`shell: pwsh`, Windows runners).
    public static let powershell = FuzzTarget(
        name: "powershell", fileNames: ["step.ps1"],
        tokens: ["docker ", "run ", "-v ", "`\n", "`\r\n", "`\"", "'", "''", "\"", "\"\"", "$(", ")", "$env:DOCKER_HOST", "& ", "<#", "#>",
                 "# ", "; ", "|", "&&", "||", "{", "}", "2>&1", "*> out.txt", "C:\\Program Files\\Docker\\docker.exe "],
        parse: { bytes, bounds in shellViolations(PowerShellScript.parse(String(decoding: bytes, as: UTF8.self)), bounds) })

    public static let dockerfile = FuzzTarget(
        name: "dockerfile", fileNames: ["Dockerfile"],
        tokens: shellTokens + ["FROM x\n", "RUN ", "RUN [\"sh\", \"-c\", \"", "\"]", "# escape=`\n", "`\n", "ARG A=b\n", "ENV A=b\n",
                               "RUN <<EOF\n", "EOF\n", "CMD ", "ENTRYPOINT [", "ONBUILD RUN ", "\\\n"],
        parse: { bytes, bounds in shellViolations(DockerfileInstructions.script(String(decoding: bytes, as: UTF8.self)), bounds) })
}
