import SockAuditCore

/// An environment file a CI runner is started with (`docker run --env-file`, Compose `env_file:`, a
/// systemd `EnvironmentFile=`, the runner's own `.env`): `NAME=value` lines, `export NAME=value`,
/// `#` comments, values bare (a ` #` ends them), single- or double-quoted. Each entry keeps the
/// line and column of its name, where a finding about it points.
public enum RunnerEnvironmentFile {
    public struct Entry: Sendable {
        public var name: String
        public var value: String
        public var line: Int
        public var column: Int
        /// The line as written, from the name on.
        public var written: String
    }

    public static func entries(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        // LF line ends: a CRLF is one Character to Swift, so the lines would not split on "\n"
        for (offset, raw) in TextDecoding.unixLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            var column = 1
            func skipBlanks() {
                while let first = line.first, first == " " || first == "\t" {
                    line.removeFirst()
                    column += 1
                }
            }
            skipBlanks()
            guard let first = line.first, first != "#" else { continue }
            if line.hasPrefix("export ") || line.hasPrefix("export\t") {
                line = line.dropFirst("export".count)
                column += "export".count
                skipBlanks()
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[..<equals]).trimming(" \t")
            guard let head = name.unicodeScalars.first, head == "_" || (head.isASCII && head.properties.isAlphabetic),
                  name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) })
            else { continue }
            let rest = String(line[line.index(after: equals)...]).trimming(" \t\r")
            entries.append(Entry(
                name: name, value: value(rest), line: offset + 1, column: column, written: String(line).trimming(" \t\r")))
        }
        return entries
    }

    /// A value as the runner sees it: quotes removed, a bare value's ` #` comment dropped.
    static func value(_ raw: String) -> String {
        for quote in ["\"", "'"] where raw.hasPrefix(quote) {
            let body = raw.dropFirst()
            return String(body.firstIndex(of: Character(quote)).map { body[..<$0] } ?? body)
        }
        var previous: Character?
        for index in raw.indices {
            if raw[index] == "#", previous == " " || previous == "\t" { return String(raw[..<index]).trimming(" \t") }
            previous = raw[index]
        }
        return raw
    }
}

/// Environment files that configure a Drone runner (`DRONE_RUNNER_VOLUMES`,
/// `DRONE_RUNNER_PRIVILEGED_IMAGES`) or `gitlab-runner register` (`DOCKER_PRIVILEGED`,
/// `DOCKER_VOLUMES`, … beside a register variable such as `REGISTRATION_TOKEN` or `RUNNER_EXECUTOR`,
/// which tells the file is a runner's). Claimed by name: `.env`, `NAME.env`, `.env.NAME`, a
/// `config`, `env` or `*.conf` file in a `drone-runner…` (or `.drone-runner…`) folder, and a file
/// named for a Drone or GitLab runner in `default/` or `sysconfig/` (what a systemd
/// `EnvironmentFile=` names). A file that sets none of these variables is not in scope.
public struct RunnerEnvironmentFileInput: TextInput {
    public init() {}

    public let kind = InputKind.runnerEnvironment

    /// Variables `gitlab-runner register` reads in place of its flags, and that only it reads
    /// together: one of them beside a `DOCKER_…` setting makes the file a registration's.
    static let registerVariables: Set<String> = [
        "REGISTRATION_TOKEN", "CI_SERVER_URL", "CI_SERVER_TOKEN", "RUNNER_EXECUTOR", "RUNNER_TAG_LIST", "REGISTER_NON_INTERACTIVE",
    ]

    public func claims(_ file: SourceFile) -> Bool {
        let name = file.name
        if name == ".env" || name.hasPrefix(".env.") || (file.pathExtension == "env" && name.count > 4) { return true }
        // `drone-runner-docker/`, and the exec runner's `~/.drone-runner-exec/config`
        let folder = file.folderName.hasPrefix(".") ? String(file.folderName.dropFirst()) : file.folderName
        if folder.hasPrefix("drone-runner") && (name == "config" || name == "env" || file.pathExtension == "conf") { return true }
        if folder == "default" || folder == "sysconfig" { return name.hasPrefix("drone") || name.hasPrefix("gitlab-runner") }
        return false
    }

    public func facts(from text: String, file: SourceFile, context: InputContext) -> Facts? {
        let entries = RunnerEnvironmentFile.entries(text)
        var facts = Facts()
        let drone = entries.filter { DroneRunnerEnvironment.variables.contains($0.name) }
        if let first = drone.first {
            var runner = ContainerSpec(
                name: "runner", subject: "configured by \(file.name)",
                location: SourceLocation(path: file.path, line: first.line, column: first.column), dialect: .commandLine)
            runner.environment = drone.map {
                Setting("\($0.name)=\($0.value)", at: SourceLocation(path: file.path, line: $0.line, column: $0.column), spelling: $0.written)
            }
            facts.containers += DroneRunnerEnvironment.containers(runner)
        }
        let registers = entries.contains(where: { Self.registerVariables.contains($0.name) })
            && entries.contains(where: { GitLabRunnerRegisterCommand.environmentKeys[$0.name] != nil })
        if registers, let first = entries.first(where: { Self.registerVariables.contains($0.name) }) {
            let register = ShellWord("register", line: first.line, column: first.column)
            let assignments = entries.map {
                ShellAssignment(name: $0.name, value: $0.value, word: ShellWord($0.written, line: $0.line, column: $0.column))
            }
            facts.containers += GitLabRunnerRegisterCommand.containers(
                ShellCommand(words: [ShellWord("gitlab-runner", line: first.line, column: first.column), register], assignments: assignments),
                path: file.path, unnamed: "the GitLab Runner registered with \(file.name)")
        }
        // a runner's file that sets nothing dangerous was still read: it counts as scanned
        return drone.isEmpty && !registers ? nil : facts
    }
}

extension InputKind {
    /// Environment files that configure a CI runner.
    public static let runnerEnvironment = InputKind("runner-env", group: .commandLine)
}

/// A container that registers a GitLab Runner from its environment (images built around
/// `gitlab-runner register` read `RUNNER_EXECUTOR`, `REGISTRATION_TOKEN`, … and the
/// `DOCKER_PRIVILEGED`, `DOCKER_VOLUMES`, … that register takes): the same reading as an
/// environment file's, at the container's environment entries. A container whose own command is
/// `register` is read as a command line already.
enum GitLabRunnerRegistrationEnvironment {
    static func containers(_ container: ContainerSpec) -> [ContainerSpec] {
        let entries = container.environment.compactMap { setting -> (name: String, value: String, setting: Setting<String>)? in
            guard let equals = setting.value.firstIndex(of: "=") else { return nil }
            return (String(setting.value[..<equals]), String(setting.value[setting.value.index(after: equals)...]), setting)
        }
        guard let first = entries.first(where: { RunnerEnvironmentFileInput.registerVariables.contains($0.name) }),
              entries.contains(where: { GitLabRunnerRegisterCommand.environmentKeys[$0.name] != nil }),
              !container.command.contains(where: { $0.value == "register" }) else { return [] }
        let path = first.setting.location.path
        let assignments = entries.map {
            ShellAssignment(
                name: $0.name, value: $0.value,
                word: ShellWord("\($0.name)=\($0.value)", line: $0.setting.location.line, column: $0.setting.location.column))
        }
        let at = ShellWord("register", line: first.setting.location.line, column: first.setting.location.column)
        return GitLabRunnerRegisterCommand.containers(
            ShellCommand(words: [ShellWord("gitlab-runner", line: at.line, column: at.column), at], assignments: assignments),
            path: path, unnamed: "the GitLab Runner that \(container.subject) registers")
    }
}
