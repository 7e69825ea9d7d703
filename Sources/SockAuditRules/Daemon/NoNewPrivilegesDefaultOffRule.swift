import SockAuditCore

/// SA204: no-new-privileges is not the daemon-wide default.
public struct NoNewPrivilegesDefaultOffRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA204", slug: "no-new-privileges-default-off", severity: .low,
        summary: "The Docker daemon does not set no-new-privileges for every container.",
        rationale: """
            Without no-new-privileges a process in a container can gain privileges through setuid and setgid \
            binaries or file capabilities. Setting it daemon-wide covers every container, including the ones \
            whose authors forgot --security-opt no-new-privileges.
            """,
        remediation: """
            Set "no-new-privileges": true in daemon.json (or --no-new-privileges).
            """,
        references: DaemonSupport.cis(v160: "2.14", v180: "2.15"),
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                ↓{
                  "icc": false
                }
                """),
            Example("daemon.json", """
                {
                  ↓"no-new-privileges": false
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--no-new-privileges=false]
                """)),
        ] + DaemonSupport.flagExamples("↓--no-new-privileges=false"),
        silentExamples: [
            Example("daemon.json", """
                {"no-new-privileges": true}
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                """)),
        ] + DaemonSupport.flagExamples("--no-new-privileges"))

    public func check(_ facts: Facts) -> [Finding] {
        DaemonSupport.judge(
            Self.description, facts, \.noNewPrivileges, safe: true,
            explicit: { daemon, setting in "\(daemon.subject) turns the daemon-wide no-new-privileges off (\(setting.spelling))" },
            missing: { daemon in "\(daemon.subject) does not set \"no-new-privileges\": true: containers may gain privileges through setuid binaries" })
    }
}
