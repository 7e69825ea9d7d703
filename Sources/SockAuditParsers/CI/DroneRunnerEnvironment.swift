import SockAuditCore

/// A Drone runner configured by environment (`drone/drone-runner-docker` in Compose, `docker run
/// -e`, a Kubernetes or Nomad container): `DRONE_RUNNER_VOLUMES` bind-mounts its `SRC:DST` list
/// into every step of every pipeline the runner takes, and `DRONE_RUNNER_PRIVILEGED_IMAGES` starts
/// the images it lists privileged, for any pipeline that names one (as a Woodpecker server's
/// `WOODPECKER_PLUGINS_PRIVILEGED` does). Read from any container's environment, so every input
/// that describes a container gets it, and from the variables a script or a systemd unit sets for
/// a runner it starts.
enum DroneRunnerEnvironment {
    static func containers(_ runner: ContainerSpec) -> [ContainerSpec] {
        guard !runner.environment.isEmpty else { return [] }
        var specs: [ContainerSpec] = []
        if let volumes = runner.environmentValue("DRONE_RUNNER_VOLUMES"), !volumes.value.isEmpty {
            let subject = "every step of every pipeline the Drone runner \(runner.subject) starts"
            var spec = derived(from: runner, subject: subject, at: volumes.entry.location)
            for item in volumes.value.split(separator: ",") {
                let text = item.trimming(" \t")
                guard let mount = DockerRunCommand.volumeMount(
                    text, location: volumes.entry.location, written: "DRONE_RUNNER_VOLUMES (\(text))") else { continue }
                spec.mounts.append(mount)
            }
            if !spec.mounts.isEmpty { specs.append(spec) }
        }
        for list in privilegedImageLists {
            guard let images = runner.environmentValue(list.variable), !images.value.trimming(" \t,").isEmpty else { continue }
            let listed = images.value.split(separator: ",").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
            var spec = derived(
                from: runner, subject: "every \(list.step) whose image is \(listed.joined(separator: ", ")) on the \(list.system) \(runner.subject)",
                at: images.entry.location)
            spec.privileged = Setting(true, at: images.entry.location, spelling: "\(list.variable)=\(images.value) (\(list.effect))")
            specs.append(spec)
        }
        return specs
    }

    /// Settings that list images a CI system starts privileged for any pipeline that names one.
    /// Drone's runner appends its list to `DronePrivilegedPlugins`; Woodpecker (3.x) grants no plugin
    /// privileges unless its server lists it (`WOODPECKER_ESCALATE` is the name before 3.0, and
    /// `DRONE_ESCALATE` Drone 0.8's, which early Woodpecker read too).
    static let privilegedImageLists: [(variable: String, system: String, step: String, effect: String)] = [
        ("DRONE_RUNNER_PRIVILEGED_IMAGES", "Drone runner", "step",
         "the runner starts these images privileged for any pipeline's step that names one without commands, command, entrypoint or volumes"),
        ("WOODPECKER_PLUGINS_PRIVILEGED", "Woodpecker server", "plugin step",
         "Woodpecker runs these images privileged for any pipeline that uses one as a plugin"),
        ("WOODPECKER_ESCALATE", "Woodpecker server", "plugin step",
         "Woodpecker runs these images privileged for any pipeline that uses one as a plugin"),
        ("DRONE_ESCALATE", "Drone 0.8 server", "plugin step",
         "Drone 0.8 runs these images privileged for any pipeline that uses one as a plugin"),
    ]

    /// The variables read from a runner's environment wherever it is set.
    static let variables: Set<String> = Set(["DRONE_RUNNER_VOLUMES"] + privilegedImageLists.map(\.variable))

    /// `DRONE_RUNNER_VOLUMES=…` assigned or exported in a script, or a systemd unit's
    /// `Environment=` (read as exports): the environment of a runner started from there.
    static func containers(assignedIn command: ShellCommand, path: String) -> [ContainerSpec] {
        let assignments = command.assignments.filter { variables.contains($0.name) }
        guard let first = assignments.first else { return [] }
        var runner = ContainerSpec(
            name: "drone-runner", subject: "configured here", location: first.word.location(in: path), dialect: .commandLine)
        runner.environment = assignments.map { Setting("\($0.name)=\($0.value)", at: $0.word.location(in: path), spelling: $0.word.text) }
        return containers(runner)
    }

    private static func derived(from runner: ContainerSpec, subject: String, at location: SourceLocation) -> ContainerSpec {
        var spec = ContainerSpec(name: runner.name, subject: subject, location: location, dialect: runner.dialect)
        spec.isComplete = false
        return spec
    }
}
