import SockAuditCore

/// A GitLab Runner `config.toml` (as a located TOML tree) -> the containers its executors start.
/// Each `[[runners]]` entry's `[runners.docker]` describes every job container (and service
/// container) the runner starts, for every job of every project it takes: a socket in `volumes` or
/// `privileged = true` there gives all of them root on the host, and the messages say so. Read:
/// `privileged`, `services_privileged`, `allowed_privileged_images`/`_services` (they narrow
/// privileged mode to images a job may still name), `volumes`, `network_mode`, `userns_mode`,
/// `cap_add`, `cap_drop`, `security_opt`, and `host` (the daemon the runner drives). The Kubernetes
/// executor's `privileged`, `cap_add`, `[[runners.kubernetes.volumes.host_path]]` and
/// `[[runners.kubernetes.pod_spec]]` patches (`GitLabRunnerPodSpecPatch`).
///
/// A runner's settings are the defaults every job's container starts from; the job's image decides
/// the rest, so the "missing setting" rules stay quiet on it and only what it states is judged.
public enum GitLabRunnerConfig {
    public static func isRunnerConfig(_ root: Node) -> Bool {
        root["runners"]?.sequence?.contains(where: \.isMapping) == true
    }

    /// A cheap look before parsing: a line that opens a `[[runners]]` (or `[[runners.…]]`) table.
    public static func declaresRunners(_ text: String) -> Bool {
        guard TextSearch.contains(text, "runners") else { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("[[") else { continue }
            if trimmed.dropFirst(2).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("runners") { return true }
        }
        return false
    }

    /// `text`: what the TOML was parsed from, for the strings that hold documents of their own.
    static func facts(from root: Node, path: String, text: GitLabRunnerTOMLText) -> Facts {
        var facts = Facts()
        for (position, runner) in (root["runners"]?.sequence ?? []).enumerated() where runner.isMapping {
            let name = runner["name"]?.string.map { "GitLab Runner \"\($0)\"" } ?? "GitLab Runner #\(position + 1) (no name)"
            if let docker = runner["docker"], docker.isMapping {
                facts.merge(dockerExecutor(docker, runner: name, path: path))
            }
            if let kubernetes = runner["kubernetes"], kubernetes.isMapping {
                facts.containers.append(kubernetesExecutor(kubernetes, runner: name, path: path))
                facts.containers += services(kubernetes["services"], runner: name, executor: "kubernetes", path: path)
                facts.containers += containerSecurityContexts(kubernetes, runner: name, path: path)
                for (index, entry) in (kubernetes["pod_spec"]?.sequence ?? []).enumerated() where entry.isMapping {
                    facts.merge(GitLabRunnerPodSpecPatch.facts(entry, index: index, runner: name, text: text, path: path))
                }
            }
        }
        return facts
    }

    /// Who a runner's settings reach; `runner` names it (`GitLab Runner "shared"`).
    static func jobsSubject(_ runner: String, executor: String) -> String {
        "every job of every project on \(runner) (\(executor) executor)"
    }

    static func dockerExecutor(_ docker: Node, runner: String, path: String) -> Facts {
        var facts = Facts()
        var spec = ContainerSpec(
            name: runner, subject: jobsSubject(runner, executor: "docker"), location: docker.location(in: path),
            dialect: .gitLabRunner, image: docker["image"]?.string)
        spec.isComplete = false
        let privileged = docker["privileged"]
        if let privileged, privileged.bool == true {
            spec.privileged = Setting(
                true, at: privileged.location(in: path),
                spelling: privilegedSpelling("[runners.docker] privileged = true", allowed: docker["allowed_privileged_images"], list: "allowed_privileged_images"))
        }
        for pair in docker.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            for item in pair.value.sequence ?? [pair.value] {
                guard let text = item.string else { continue }
                applyDocker(key, item, spelling: "[runners.docker] \(key) \"\(text)\"", to: &spec, path: path)
            }
        }
        facts.containers.append(spec)

        // Services follow `privileged` unless `services_privileged` says otherwise.
        if privileged?.bool != true, let services = docker["services_privileged"], services.bool == true {
            var serviceSpec = ContainerSpec(
                name: runner, subject: "every service container of " + jobsSubject(runner, executor: "docker"),
                location: docker.location(in: path), dialect: .gitLabRunner)
            serviceSpec.isComplete = false
            serviceSpec.privileged = Setting(
                true, at: services.location(in: path),
                spelling: privilegedSpelling("[runners.docker] services_privileged = true", allowed: docker["allowed_privileged_services"], list: "allowed_privileged_services"))
            facts.containers.append(serviceSpec)
        }
        facts.containers += services(docker["services"], runner: runner, executor: "docker", path: path)
        if let host = docker["host"], let address = host.string, !address.isEmpty {
            let usesTLS = docker["tls_verify"]?.bool == true || !(docker["tls_cert_path"]?.string ?? "").isEmpty
            facts.clients.append(ClientEndpoint(
                address: Setting(address, at: host.location(in: path), spelling: "[runners.docker] host = \"\(address)\""),
                usesTLS: usesTLS, subject: runner))
        }
        return facts
    }

    /// `[[runners.docker.services]]` and `[[runners.kubernetes.services]]` (`name`, `entrypoint`,
    /// `command`; the old `services = ["image"]` list too): the service containers every job gets. Their privileged mode is the
    /// runner's `privileged`/`services_privileged`, already reported where it is written; what is
    /// read here is what they run, so a dind service's daemon is judged (`command =
    /// ["--host=tcp://0.0.0.0:2375"]`).
    static func services(_ node: Node?, runner: String, executor: String, path: String) -> [ContainerSpec] {
        (node?.sequence ?? []).compactMap { service in
            guard let nameNode = service.string != nil ? service : service["name"], let image = nameNode.string, !image.isEmpty else { return nil }
            var spec = ContainerSpec(
                name: image, subject: "service \"\(image)\" of " + jobsSubject(runner, executor: executor),
                location: nameNode.location(in: path), dialect: .gitLabRunner, image: image)
            spec.isComplete = false
            spec.command = (RunArgumentList.words(service["entrypoint"]) + RunArgumentList.words(service["command"])).map { $0.setting(in: path) }
            return spec
        }
    }

    /// `allowed_privileged_images` narrows privileged mode to the images it lists, but any job may
    /// name one of them and run its own script there.
    static func privilegedSpelling(_ setting: String, allowed: Node?, list: String) -> String {
        let images = (allowed?.sequence ?? []).compactMap(\.string)
        guard !images.isEmpty else { return setting }
        return "\(setting), for the images \(list) names (\(images.joined(separator: ", "))), which any job may use"
    }

    /// One `[runners.docker]` setting; a list key one item at a time. `gitlab-runner register`
    /// flags come here too, by the key they set.
    static func applyDocker(_ key: String, _ value: Node, spelling: String, to spec: inout ContainerSpec, path: String) {
        guard let text = value.string else { return }
        switch key {
        case "volumes":
            if let mount = DockerRunCommand.volumeMount(text, location: value.location(in: path), written: spelling) {
                spec.mounts.append(mount)
            }
        case "network_mode":
            RunArgumentList.apply(flag: "network", value: text, at: value, to: &spec, path: path, spelling: spelling)
        case "userns_mode":
            RunArgumentList.apply(flag: "userns", value: text, at: value, to: &spec, path: path, spelling: spelling)
        case "cap_add":
            RunArgumentList.apply(flag: "cap-add", value: text, at: value, to: &spec, path: path, spelling: spelling)
        case "cap_drop":
            RunArgumentList.apply(flag: "cap-drop", value: text, at: value, to: &spec, path: path, spelling: spelling)
        case "security_opt":
            RunArgumentList.apply(flag: "security-opt", value: text, at: value, to: &spec, path: path, spelling: spelling)
        default:
            break
        }
    }

    static func kubernetesExecutor(_ kubernetes: Node, runner: String, path: String) -> ContainerSpec {
        var spec = ContainerSpec(
            name: runner, subject: jobsSubject(runner, executor: "kubernetes"), location: kubernetes.location(in: path),
            dialect: .gitLabRunner, image: kubernetes["image"]?.string, pidsLimitApplies: false)
        spec.isComplete = false
        if let privileged = kubernetes["privileged"], privileged.bool == true {
            spec.privileged = Setting(true, at: privileged.location(in: path), spelling: "[runners.kubernetes] privileged = true")
        }
        for key in ["cap_add", "cap_drop"] {
            for item in kubernetes[key]?.sequence ?? [] {
                guard let text = item.string else { continue }
                RunArgumentList.apply(
                    flag: key == "cap_add" ? "cap-add" : "cap-drop", value: text, at: item, to: &spec, path: path,
                    spelling: "[runners.kubernetes] \(key) \"\(text)\"")
            }
        }
        for volume in kubernetes["volumes"]?["host_path"]?.sequence ?? [] {
            // `host_path` defaults to `mount_path`
            guard let source = volume["host_path"] ?? volume["mount_path"], let hostPath = source.string else { continue }
            let name = volume["name"]?.string ?? hostPath
            spec.mounts.append(HostMount(
                source: hostPath, target: volume["mount_path"]?.string, readOnly: volume["read_only"]?.bool == true,
                location: source.location(in: path), spelling: "[[runners.kubernetes.volumes.host_path]] \"\(name)\""))
        }
        return spec
    }
    /// The Kubernetes executor's per-container security contexts, each one container of every job
    /// pod: its `privileged` and `capabilities` `add`/`drop` (the runner-wide `privileged` and
    /// `cap_add` are read by `kubernetesExecutor`).
    static let securityContexts = [
        ("build_container_security_context", "the build container"), ("helper_container_security_context", "the helper container"),
        ("service_container_security_context", "every service container"),
        ("init_permissions_container_security_context", "the init-permissions container"),
    ]

    static func containerSecurityContexts(_ kubernetes: Node, runner: String, path: String) -> [ContainerSpec] {
        securityContexts.compactMap { key, container in
            guard let context = kubernetes[key], context.isMapping else { return nil }
            var spec = ContainerSpec(
                name: runner, subject: "\(container) of " + jobsSubject(runner, executor: "kubernetes"), location: context.location(in: path),
                dialect: .gitLabRunner, image: nil, pidsLimitApplies: false)
            spec.isComplete = false
            if let privileged = context["privileged"], privileged.bool == true {
                spec.privileged = Setting(true, at: privileged.location(in: path), spelling: "[runners.kubernetes.\(key)] privileged = true")
            }
            for (list, flag) in [("add", "cap-add"), ("drop", "cap-drop")] {
                for item in context["capabilities"]?[list]?.sequence ?? [] {
                    guard let text = item.string else { continue }
                    RunArgumentList.apply(
                        flag: flag, value: text, at: item, to: &spec, path: path,
                        spelling: "[runners.kubernetes.\(key).capabilities] \(list) \"\(text)\"")
                }
            }
            return spec
        }
    }
}

extension ContainerDialect {
    /// GitLab Runner `config.toml` executor keys.
    public static let gitLabRunner = ContainerDialect(
        dropAllCapabilities: "[runners.docker] cap_drop = [\"ALL\"]",
        noNewPrivileges: "[runners.docker] security_opt = [\"no-new-privileges\"]",
        readOnlyRoot: "a read-only root in the job's image (the runner has no setting for it)",
        nonRootUser: "[runners.docker] user = \"1000:1000\" (any non-zero UID)",
        memoryLimit: "[runners.docker] memory = \"2g\"",
        cpuLimit: "[runners.docker] cpus = \"2\"",
        pidsLimit: "the daemon's default-pids-limit (the runner has no setting for it)")
}
