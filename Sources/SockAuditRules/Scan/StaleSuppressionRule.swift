import SockAuditCore

/// SA903: a suppression that matched nothing, names no rule, or has expired.
///
/// Only the policy step knows which suppressions matched a finding, so it reports this rule
/// (`Policy.staleSuppression`); `check` has nothing to judge in the facts alone.
public struct StaleSuppressionRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA903", slug: "stale-suppression", severity: .info,
        summary: "A suppression matched no finding, names no known rule, or has expired.",
        rationale: """
            Suppressions outlive the code they were written for: a directive left behind after a fix would \
            silently accept the next finding on that line, and an expired exception must be looked at again. \
            Reporting them keeps the list of accepted risks true.
            """,
        remediation: """
            Remove the suppression, correct its rule ID, or renew its expiry date after a new review.
            """,
        inputs: [.kubernetes, .compose, .commandLine],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  ↓# sockaudit:ignore SA301 -- was privileged once, fixed since
                  securityContext:
                    privileged: false
                  ↓# sockaudit:ignore SA999 -- typo in the rule ID
                """)),
                        Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    ↓# sockaudit:ignore SA301 -- was privileged once, fixed since
                    privileged: false
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓# sockaudit:ignore privileged -- was privileged once, fixed since
                docker run alpine
                """#),
        ],
        silentExamples: JustifiedSuppressionExamples.inUse)

    public func check(_ facts: Facts) -> [Finding] { [] }
}
