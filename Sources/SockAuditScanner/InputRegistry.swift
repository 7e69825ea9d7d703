/// Every input kind the scanner reads. A new input kind is a parser, an adapter and one line here.
enum InputRegistry {
    /// Inputs read from YAML and JSON documents, in the order they are offered a file.
    static let structured: [any StructuredInput] = [
        HostSnapshotInput(),
        ComposeInput(),
        KubernetesInput(),
        DaemonJSONInput(),
        InspectInput(),
        GitHubActionsInput(),
        GitLabCIInput(),
    ]

    /// Inputs read from plain text, claimed by name, extension or shebang; the first that claims wins.
    /// They are offered a file before the YAML and JSON inputs, so a JSON dialect of its own (a dev
    /// container's comments) is read by the input that owns the name.
    static let text: [any TextInput] = [
        DevContainerInput(),
        MCPConfigInput(),
        DockerfileInput(),
        MakefileInput(),
        SystemdUnitInput(),
        JenkinsfileInput(),
        DockerDefaultsInput(),
        ShellScriptInput(),
    ]

    static let yamlExtensions: Set<String> = ["yaml", "yml"]
    static let jsonExtensions: Set<String> = ["json"]
}
