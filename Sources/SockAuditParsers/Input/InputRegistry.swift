/// Every input kind sockaudit reads. A new input kind is a parser, an adapter with its
/// `InputAdapter` beside it, and one line here.
public enum InputRegistry {
    /// In the order they are offered a file. Text inputs come first: the first that claims a file
    /// reads it alone (so a JSON dialect of its own, a dev container's comments, is read by the
    /// input that owns the name). Every document input that claims a YAML or JSON file reads it
    /// (the summary counts it under the first that finds facts).
    public static let builtIn: [any InputAdapter] = [
        HostSnapshotInput(),
        ComposeInput(),
        KubernetesInput(),
        JenkinsCasCInput(),
        DaemonJSONInput(),
        InspectInput(),
        GitHubActionsInput(),
        GiteaActionsInput(),
        WoodpeckerInput(),
        DroneInput(),
        DroneProgramInput(),
        RunnerEnvironmentFileInput(),
        BuildkiteInput(),
        ActRunnerConfigInput(),
        ActRunnerEmbeddedInput(),
        GitLabCIInput(),
        GitLabRunnerEmbeddedInput(),
        ECSInput(),
        CloudFormationInput(),
        DevContainerInput(),
        MCPConfigInput(),
        TerraformInput(),
        QuadletInput(),
        NomadInput(),
        NomadAgentInput(),
        NomadJSONInput(),
        NomadAgentJSONInput(),
        AnsibleInput(),
        MoleculeInput(),
        GitLabRunnerConfigInput(),
        DockerfileInput(),
        MakefileInput(),
        SystemdUnitInput(),
        JenkinsfileInput(),
        DockerDefaultsInput(),
        ShellScriptInput(),
        TemplatedYAMLInput(),
    ]

    public static let yamlExtensions: Set<String> = ["yaml", "yml"]
    public static let jsonExtensions: Set<String> = ["json"]
}
