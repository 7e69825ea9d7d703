/// The plugin images the Drone docker and Kubernetes runners start privileged by themselves (they
/// build images with a Docker daemon of their own), and the rule they follow. A runner's
/// `DRONE_RUNNER_PRIVILEGED_IMAGES` is appended to this list, never replaces it, so these stay
/// privileged on every such runner.
///
/// Source: drone-runner-docker `engine/compiler/compiler.go` (`Privileged`, `isPrivileged`, called
/// for steps and services; `plugins/gar` added in its latest releases) and `command/daemon/daemon.go`
/// (`append(config.Runner.Privileged, compiler.Privileged...)`); drone-runner-kube
/// `engine/compiler/compiler.go` (the same list without `plugins/gar`, the same rule);
/// `internal/docker/image/image.go` (`Match` compares the image names without tag or digest).
public enum DronePrivilegedPlugins {
    public static let images = ["plugins/docker", "plugins/acr", "plugins/ecr", "plugins/gcr", "plugins/heroku", "plugins/gar"]

    /// Pipeline types whose runner applies the list: the docker runner (`type: docker`, the
    /// default) and the Kubernetes runner.
    public static let pipelineTypes: Set<String> = ["docker", "kubernetes"]

    /// Variables a step may not set and stay privileged by default (`restrictedVars`).
    public static let restrictedVariables: Set<String> = ["XDG_RUNTIME_DIR", "DOCKER_OPTS", "DOCKER_HOST", "PATH", "HOME"]

    /// The listed image `image` names, compared as Docker does: tag and digest dropped, `docker.io/`
    /// and `index.docker.io/` are the default registry (`plugins/docker:20`,
    /// `docker.io/plugins/docker@sha256:…` match; `ghcr.io/plugins/docker` does not).
    public static func listed(_ image: String) -> String? {
        let name = familiarName(image)
        return images.first { $0 == name }
    }

    static func familiarName(_ image: String) -> String {
        var name = Substring(image.lowercased())
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        // a tag follows the last `:` after the last `/` (a registry port comes before a `/`)
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        for registry in ["docker.io/", "index.docker.io/"] where name.hasPrefix(registry) {
            name = name.dropFirst(registry.count)
            break
        }
        return String(name)
    }
}
