import SockAuditCore

/// SA205: the daemon-wide seccomp profile is `unconfined`.
public struct DaemonSeccompUnconfinedRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA205", slug: "daemon-seccomp-unconfined", severity: .high,
        summary: "The Docker daemon runs every container without seccomp.",
        rationale: """
            The default seccomp profile blocks about 50 system calls that have been the way out of containers \
            again and again (unshare, keyctl, bpf, mount in some kernels). seccomp-profile: unconfined removes \
            that filter from every container on the host at once.
            """,
        remediation: """
            Remove seccomp-profile (the built-in default applies) or point it at a profile file that is at \
            least as strict as Docker's default.
            """,
        references: DaemonSupport.cis(v160: "2.17", v180: "2.18") + RuleSupportDaemon.seccompContainer
            + [.url("https://docs.docker.com/engine/security/seccomp/")],
        inputs: [.daemon, .commandLine, .compose, .kubernetes],
        firingExamples: [
            Example("daemon.json", """
                {
                  "icc": false,
                  ↓"seccomp-profile": "unconfined"
                }
                """),
            Example("pod.yaml", PodDocument.pod(name: "builder", spec: """
                containers:
                - name: dind
                  image: docker:27-dind
                  args: [↓--seccomp-profile=unconfined]
                """)),
        ] + DaemonSupport.flagExamples("↓--seccomp-profile=unconfined"),
        silentExamples: [
            Example("daemon.json", """
                {
                  "seccomp-profile": "/etc/docker/seccomp/strict.json"
                }
                """),
            Example("daemon.json", """
                {"icc": false}
                """),
        ] + DaemonSupport.flagExamples("--seccomp-profile=/etc/docker/seccomp.json", pod: true))

    public func check(_ facts: Facts) -> [Finding] {
        facts.daemons.compactMap { daemon in
            guard let profile = daemon.seccompProfile, profile.value.lowercased() == "unconfined" else { return nil }
            return Self.description.finding(
                at: profile.location,
                "\(daemon.subject) runs every container without seccomp (\(profile.spelling))",
                subject: daemon.subject, evidence: profile.spelling)
        }
    }
}

enum RuleSupportDaemon {
    /// The container-level item the daemon-wide profile undoes.
    static let seccompContainer: [Reference] = [.cisDocker("5.22", benchmark: "1.6.0"), .cisDocker("5.22", benchmark: "1.8.0")]
}
