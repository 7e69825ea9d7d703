import SockAuditCore

/// SA207: the userland proxy is not turned off.
public struct UserlandProxyOnRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA207", slug: "userland-proxy-on", severity: .low,
        summary: "The Docker daemon runs a userland proxy process for published ports.",
        rationale: """
            With userland-proxy on, dockerd starts a docker-proxy process for every published port: more \
            processes running as root, more attack surface, and loopback-published ports that hairpin NAT \
            alone would not expose the same way.
            """,
        remediation: """
            Set "userland-proxy": false in daemon.json (or --userland-proxy=false) where the kernel supports \
            hairpin NAT.
            """,
        references: DaemonSupport.cis(v160: "2.16", v180: "2.17"),
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                ↓{
                  "icc": false
                }
                """),
            Example("daemon.json", """
                {
                  ↓"userland-proxy": true
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--userland-proxy=true]
                """)),
        ] + DaemonSupport.flagExamples("↓--userland-proxy=true"),
        silentExamples: [
            Example("daemon.json", """
                {"userland-proxy": false}
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                """)),
        ] + DaemonSupport.flagExamples("--userland-proxy=false"))

    public func check(_ facts: Facts) -> [Finding] {
        DaemonSupport.judge(
            Self.description, facts, \.userlandProxy, safe: false,
            explicit: { daemon, setting in "\(daemon.subject) runs the userland proxy for published ports (\(setting.spelling))" },
            missing: { daemon in "\(daemon.subject) does not set \"userland-proxy\": false: a root docker-proxy process runs for every published port" })
    }
}
