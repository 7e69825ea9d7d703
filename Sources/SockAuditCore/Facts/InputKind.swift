/// The groups the rule catalogue files inputs under (`sockaudit rules` prints them): a rule says
/// which groups it covers, and its examples prove it.
public enum InputGroup: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Kubernetes manifests (and rendered Helm charts).
    case kubernetes = "k8s"
    case compose
    /// Command lines wherever they appear: shell scripts, Makefiles, Dockerfiles, systemd units, CI
    /// configs, Jenkinsfiles.
    case commandLine = "cli"
    /// `daemon.json` and the daemon's defaults file.
    case daemon
    /// `docker inspect` / Engine API container JSON.
    case inspect
    /// A live host, or a snapshot of one.
    case host
    /// Infrastructure as code that declares containers: Terraform (and ECS, CloudFormation, Nomad,
    /// Ansible as they are read).
    case infrastructure = "iac"

    public static func < (lhs: InputGroup, rhs: InputGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One kind of input file, by the name the scan summary counts it under (`github-actions`), and the
/// catalogue group it belongs to. A new input defines its own kind; the built-in ones are below.
public struct InputKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var name: String
    public var group: InputGroup

    public init(_ name: String, group: InputGroup) {
        self.name = name
        self.group = group
    }

    public var description: String { name }

    public static func < (lhs: InputKind, rhs: InputKind) -> Bool { lhs.name < rhs.name }
}

extension InputKind {
    public static let kubernetes = InputKind("k8s", group: .kubernetes)
    public static let helm = InputKind("helm", group: .kubernetes)
    /// Kustomize overlays built by their engine (one item per overlays that share a base).
    public static let kustomize = InputKind("kustomize", group: .kubernetes)
    public static let compose = InputKind("compose", group: .compose)
    /// `daemon.json` and the daemon's defaults file (`/etc/default/docker`).
    public static let daemon = InputKind("daemon", group: .daemon)
    public static let inspect = InputKind("inspect", group: .inspect)
    public static let hostSnapshot = InputKind("host", group: .host)
    public static let shell = InputKind("shell", group: .commandLine)
    public static let makefile = InputKind("makefile", group: .commandLine)
    public static let dockerfile = InputKind("dockerfile", group: .commandLine)
    public static let systemd = InputKind("systemd", group: .commandLine)
    public static let jenkinsfile = InputKind("jenkinsfile", group: .commandLine)
    public static let gitHubActions = InputKind("github-actions", group: .commandLine)
    public static let gitLabCI = InputKind("gitlab-ci", group: .commandLine)
    /// `devcontainer.json`: a container described by `docker run` arguments and mounts.
    public static let devContainer = InputKind("devcontainer", group: .commandLine)
    /// MCP client configurations: servers started as `docker run` command lines.
    public static let mcpConfig = InputKind("mcp", group: .commandLine)
}
