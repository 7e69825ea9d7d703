import SockAuditCore

/// SA203: inter-container communication on the default bridge is not disabled.
public struct ICCOnRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA203", slug: "icc-on", severity: .low,
        summary: "Containers on the default bridge can all talk to each other (icc is not false).",
        rationale: """
            With inter-container communication on, every container on docker0 reaches every port of every \
            other one: one compromised container can probe and attack its neighbours, including a socket proxy \
            or a dind daemon listening on the bridge.
            """,
        remediation: """
            Set "icc": false in daemon.json (or --icc=false) and connect containers that must talk through \
            user-defined networks.
            """,
        references: DaemonSupport.cis(v160: "2.2", v180: "2.2")
            + [.url("https://docs.docker.com/engine/network/drivers/bridge/")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                ↓{
                  "live-restore": true
                }
                """),
            Example("daemon.json", """
                {
                  ↓"icc": true
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--icc=true]
                """)),
        ] + DaemonSupport.flagExamples("↓--icc=true"),
        silentExamples: [
            Example("daemon.json", """
                {"icc": false}
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                """)),
        ] + DaemonSupport.flagExamples("--icc=false"))

    public func check(_ facts: Facts) -> [Finding] {
        DaemonSupport.judge(
            Self.description, facts, \.icc, safe: false,
            explicit: { daemon, setting in "\(daemon.subject) lets containers on the default bridge reach each other (\(setting.spelling))" },
            missing: { daemon in "\(daemon.subject) does not set \"icc\": false: containers on the default bridge reach each other" })
    }
}
