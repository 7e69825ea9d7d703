import SockAuditCore

/// SA202: live-restore is not on.
public struct LiveRestoreOffRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA202", slug: "live-restore-off", severity: .low,
        summary: "The Docker daemon does not keep containers running while it restarts (live-restore).",
        rationale: """
            Without live-restore every daemon restart or upgrade stops all containers, which pushes operators \
            to postpone daemon security updates; with it, containers keep running while dockerd is patched.
            """,
        remediation: """
            Set "live-restore": true in daemon.json (or --live-restore).
            """,
        references: DaemonSupport.cis(v160: "2.15", v180: "2.16")
            + [.url("https://docs.docker.com/engine/daemon/live-restore/")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                ↓{
                  "userns-remap": "default"
                }
                """),
            Example("daemon.json", """
                {
                  "userns-remap": "default",
                  ↓"live-restore": false
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--live-restore=false]
                """)),
        ] + DaemonSupport.flagExamples("↓--live-restore=false"),
        silentExamples: [
            Example("daemon.json", """
                {"live-restore": true}
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                """)),
        ] + DaemonSupport.flagExamples("--live-restore"))

    public func check(_ facts: Facts) -> [Finding] {
        DaemonSupport.judge(
            Self.description, facts, \.liveRestore, safe: true,
            explicit: { daemon, setting in "\(daemon.subject) turns live-restore off (\(setting.spelling)): every daemon restart or upgrade stops all containers" },
            missing: { daemon in "\(daemon.subject) does not set \"live-restore\": true: every daemon restart or upgrade stops all containers" })
    }
}
