import SockAuditCore

/// SA902: an ignore directive gives no reason; it suppresses nothing.
public struct UnjustifiedSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA902", slug: "unjustified-suppression", severity: .medium,
        summary: "A sockaudit:ignore directive gives no reason, so it suppresses nothing.",
        rationale: """
            Accepting a finding is a decision someone must be able to read later: why this workload needs \
            the socket, who agreed. A suppression without a written reason hides risk without recording the \
            decision, so it is refused and reported.
            """,
        remediation: """
            Write the reason after two dashes: # sockaudit:ignore SA101 -- the CI runner builds images; reviewed by platform-security.
            """,
        inputs: [.kubernetes, .compose, .commandLine],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    ↓# sockaudit:ignore SA301
                    privileged: true
                    allowPrivilegeEscalation: true  ↓# sockaudit:ignore privilege-escalation-allowed --
                """)),
                        Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ↓# sockaudit:ignore SA301
                    privileged: true
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓# sockaudit:ignore privileged
                docker run --privileged alpine
                """#),
        ],
        silentExamples: JustifiedSuppressionExamples.inUse)

    public func check(_ facts: Facts) -> [Finding] {
        facts.directives.filter { !$0.isJustified }.map { directive in
            Self.description.finding(
                at: directive.writtenAt,
                "suppression of \(directive.rules.joined(separator: ", ")) gives no reason after \"--\", so it suppresses nothing",
                evidence: directive.rules.joined(separator: ","))
        }
    }
}
