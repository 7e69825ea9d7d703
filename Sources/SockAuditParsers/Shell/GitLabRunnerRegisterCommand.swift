import SockAuditCore

/// `gitlab-runner register` with executor flags (`--docker-privileged`, `--docker-volumes
/// /var/run/docker.sock:/var/run/docker.sock`, `--kubernetes-privileged`): the command writes them
/// into the runner's `config.toml`, so they are read as the keys they set there, for every job of
/// every project the registered runner takes. Found wherever a command line is: `gitlab-runner
/// register`, `docker exec RUNNER gitlab-runner register`, and `docker run … gitlab/gitlab-runner
/// register` (the image's entrypoint is `gitlab-runner`).
public enum GitLabRunnerRegisterCommand {
    static let programs: Set<String> = ["gitlab-runner", "gitlab-ci-multi-runner", "gitlab-runner.exe"]

    /// `gitlab-runner` options before the subcommand that take a value.
    static let globalValued: Set<String> = ["--log-level", "-l", "--log-format", "--cpuprofile", "--config", "-c"]

    /// Flags that take no value (so the next word is not theirs).
    static let booleanFlags: Set<String> = [
        "non-interactive", "n", "leave-runner", "run-untagged", "locked", "paused", "debug",
        "docker-privileged", "docker-services-privileged", "docker-tlsverify", "docker-disable-cache",
        "docker-disable-entrypoint-overwrite", "docker-oom-kill-disable", "kubernetes-privileged",
    ]

    /// Register flags and the `[runners.docker]` key each one sets.
    static let dockerKeys: [String: String] = [
        "docker-volumes": "volumes", "docker-network-mode": "network_mode", "docker-userns": "userns_mode",
        "docker-cap-add": "cap_add", "docker-cap-drop": "cap_drop", "docker-security-opt": "security_opt",
    ]

    /// `exported`: the variables a script exported before this command, which `register` reads too.
    /// `unnamed`: who the runner is when neither `--description` nor `--name` says.
    public static func containers(
        _ command: ShellCommand, path: String, exported: [ShellAssignment] = [],
        unnamed: String = "the GitLab Runner this command registers"
    ) -> [ContainerSpec] {
        guard let register = registerIndex(command.words) else { return [] }
        let registerWord = command.words[register]
        var flags: [(name: String, value: String?, word: ShellWord, written: String)] = []
        var index = register + 1
        let words = command.words
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.text.hasPrefix("-"), word.text.count > 1 else { continue }
            var name = String(word.text.drop { $0 == "-" })
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            name = String(name.map { $0 == "_" ? "-" : $0 })
            if value == nil, !booleanFlags.contains(name), index < words.count, !words[index].text.hasPrefix("-") {
                value = words[index].text
                flags.append((name, value, words[index], "\(word.text) \(words[index].text)"))
                index += 1
                continue
            }
            flags.append((name, value, word, word.text))
        }
        // the environment register reads for the same keys, overridden by an explicit flag
        flags = environmentFlags(command, before: register, exported: exported) + flags
        let described = flags.last { $0.name == "description" || $0.name == "name" }?.value
        let runner = described.map { "GitLab Runner \"\($0)\"" } ?? unnamed
        let location = registerWord.location(in: path)

        var docker = ContainerSpec(
            name: runner, subject: GitLabRunnerConfig.jobsSubject(runner, executor: "docker"), location: location,
            dialect: .gitLabRunner, image: flags.last { $0.name == "docker-image" }?.value)
        docker.isComplete = false
        var kubernetes = ContainerSpec(
            name: runner, subject: GitLabRunnerConfig.jobsSubject(runner, executor: "kubernetes"), location: location,
            dialect: .gitLabRunner, pidsLimitApplies: false)
        kubernetes.isComplete = false
        var servicesPrivileged: Setting<Bool>?

        for flag in flags {
            let node = Node(.scalar(Node.Scalar(flag.value ?? "", isPlain: false)), line: flag.word.line, column: flag.word.column)
            if let key = dockerKeys[flag.name] {
                GitLabRunnerConfig.applyDocker(key, node, spelling: flag.written, to: &docker, path: path)
                continue
            }
            guard booleanFlags.contains(flag.name), let on = flag.value.map(BooleanSpelling.go) ?? true else { continue }
            let setting = Setting(on, at: flag.word.location(in: path), spelling: flag.written)
            switch flag.name {
            case "docker-privileged": docker.privileged = setting
            case "docker-services-privileged": servicesPrivileged = setting
            case "kubernetes-privileged": kubernetes.privileged = setting
            default: break
            }
        }
        var specs: [ContainerSpec] = []
        if docker.privileged != nil || !docker.mounts.isEmpty || docker.hostNetwork != nil || docker.hostUserNamespace != nil
            || !docker.capabilitiesAdded.isEmpty || docker.seccomp != nil || docker.appArmor != nil || docker.seLinux != nil {
            specs.append(docker)
        }
        if let servicesPrivileged, servicesPrivileged.value, docker.privileged?.value != true {
            var services = ContainerSpec(
                name: runner, subject: "every service container of " + GitLabRunnerConfig.jobsSubject(runner, executor: "docker"),
                location: location, dialect: .gitLabRunner)
            services.isComplete = false
            services.privileged = servicesPrivileged
            specs.append(services)
        }
        if kubernetes.privileged != nil { specs.append(kubernetes) }
        return specs
    }

    /// The environment variables `register` reads in place of its flags (`DOCKER_PRIVILEGED=true`),
    /// by the flag each one stands for.
    static let environmentKeys: [String: String] = [
        "DOCKER_PRIVILEGED": "docker-privileged", "DOCKER_SERVICES_PRIVILEGED": "docker-services-privileged",
        "DOCKER_VOLUMES": "docker-volumes", "DOCKER_NETWORK_MODE": "docker-network-mode", "DOCKER_USERNS_MODE": "docker-userns",
        "DOCKER_CAP_ADD": "docker-cap-add", "DOCKER_CAP_DROP": "docker-cap-drop", "DOCKER_SECURITY_OPT": "docker-security-opt",
        "KUBERNETES_PRIVILEGED": "kubernetes-privileged",
    ]

    /// `DOCKER_PRIVILEGED=true gitlab-runner register …`, `docker run -e DOCKER_PRIVILEGED=true
    /// gitlab/gitlab-runner register …`, and `export DOCKER_PRIVILEGED=true` earlier in the script
    /// (for `register` run on the host itself, not in a container): each variable as the flag it
    /// stands for, at its word.
    static func environmentFlags(
        _ command: ShellCommand, before register: Int, exported: [ShellAssignment] = []
    ) -> [(name: String, value: String?, word: ShellWord, written: String)] {
        var flags: [(name: String, value: String?, word: ShellWord, written: String)] = []
        func add(_ name: String, _ value: String, _ word: ShellWord, written: String? = nil) {
            guard let flag = environmentKeys[name] else { return }
            flags.append((flag, value, word, written ?? "\(name)=\(value)"))
        }
        if programs.contains(command.words[0].basename) {
            for assignment in exported { add(assignment.name, assignment.value, assignment.word, written: "export \(assignment.name)=\(assignment.value)") }
        }
        for assignment in command.assignments { add(assignment.name, assignment.value, assignment.word) }
        let words = command.words
        var index = 0
        while index < register {
            let text = words[index].text
            var entry: ShellWord?
            if (text == "-e" || text == "--env"), index + 1 < register {
                entry = words[index + 1]
                index += 1
            } else if text.hasPrefix("--env=") {
                entry = ShellWord(String(text.dropFirst("--env=".count)), line: words[index].line, column: words[index].column)
            }
            index += 1
            guard let entry, let equals = entry.text.firstIndex(of: "=") else { continue }
            add(String(entry.text[..<equals]), String(entry.text[entry.text.index(after: equals)...]), entry)
        }
        return flags
    }

    /// Commands that run another command given as their arguments (`sudo gitlab-runner register`,
    /// `docker exec runner gitlab-runner register`): the runner may be any word after them, where
    /// after `echo` or `grep` it is only text.
    static let launchers: Set<String> = ["sudo", "doas", "env", "docker", "podman", "nerdctl", "kubectl", "oc"]

    /// The index of `register` after the runner program (or an image whose entrypoint it is) and
    /// its global options.
    static func registerIndex(_ words: [ShellWord]) -> Int? {
        // The subcommand first: it is one comparison per word, and almost no command line has it
        // (looking at every word of every `docker run` as a possible runner image cost a sweep 8%).
        guard let register = words.firstIndex(where: { $0.text == "register" }), register > 0 else { return nil }
        let launched = launchers.contains(words[0].basename)
        for index in 0..<register where index == 0 || launched {
            let word = words[index]
            guard programs.contains(word.basename) || isRunnerImage(word.text) else { continue }
            var next = index + 1
            while next < register, words[next].text.hasPrefix("-") {
                next += globalValued.contains(words[next].text) ? 2 : 1
            }
            if next == register { return register }
        }
        return nil
    }

    /// `gitlab/gitlab-runner[:tag]`, `registry.gitlab.com/gitlab-org/gitlab-runner[:tag]`.
    static func isRunnerImage(_ text: String) -> Bool {
        var name = Substring(text)
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        return name.hasSuffix("gitlab/gitlab-runner") || name.hasSuffix("gitlab-org/gitlab-runner")
    }
}
