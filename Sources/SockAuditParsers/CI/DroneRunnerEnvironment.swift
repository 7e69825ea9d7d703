import SockAuditCore

/// A Drone runner configured by environment (`drone/drone-runner-docker` in Compose, `docker run
/// -e`, a Kubernetes or Nomad container): `DRONE_RUNNER_VOLUMES` bind-mounts its `SRC:DST` list
/// into every step of every pipeline the runner takes, and `DRONE_RUNNER_PRIVILEGED_IMAGES` starts
/// the images it lists privileged, for any pipeline that names one. Read from any container's
/// environment, so every input that describes a container gets it, and from the variables a
/// script or a systemd unit sets for a runner it starts.
enum DroneRunnerEnvironment {
    static func containers(_ runner: ContainerSpec) -> [ContainerSpec] {
        var specs: [ContainerSpec] = []
        let subject = "every step of every pipeline the Drone runner \(runner.subject) starts"
        if let volumes = runner.environmentValue("DRONE_RUNNER_VOLUMES"), !volumes.value.isEmpty {
            var spec = derived(from: runner, subject: subject, at: volumes.entry.location)
            for item in volumes.value.split(separator: ",") {
                let text = item.trimming(" \t")
                guard let mount = DockerRunCommand.volumeMount(
                    text, location: volumes.entry.location, written: "DRONE_RUNNER_VOLUMES (\(text))") else { continue }
                spec.mounts.append(mount)
            }
            if !spec.mounts.isEmpty { specs.append(spec) }
        }
        if let images = runner.environmentValue("DRONE_RUNNER_PRIVILEGED_IMAGES"), !images.value.trimming(" \t,").isEmpty {
            let listed = images.value.split(separator: ",").map { $0.trimming(" \t") }.filter { !$0.isEmpty }
            var spec = derived(
                from: runner, subject: "every step whose image is \(listed.joined(separator: ", ")) on the Drone runner \(runner.subject)",
                at: images.entry.location)
            spec.privileged = Setting(
                true, at: images.entry.location,
                spelling: "DRONE_RUNNER_PRIVILEGED_IMAGES=\(images.value) (the runner starts these images privileged, and any pipeline may name one and run its own commands there)")
            specs.append(spec)
        }
        return specs
    }

    /// `DRONE_RUNNER_VOLUMES=…` assigned or exported in a script, or a systemd unit's
    /// `Environment=` (read as exports): the environment of a runner started from there.
    static func containers(assignedIn command: ShellCommand, path: String) -> [ContainerSpec] {
        let assignments = command.assignments.filter { $0.name == "DRONE_RUNNER_VOLUMES" || $0.name == "DRONE_RUNNER_PRIVILEGED_IMAGES" }
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
