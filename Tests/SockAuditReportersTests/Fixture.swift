import SockAuditCore
import SockAuditReporters

/// A fixed scan result: two files, four severities, one suppressed finding, a rule without findings;
/// `gating` adds what a run compared with a baseline holds.
/// Findings are listed out of order on purpose: reporters must sort them.
enum Fixture {
    static let tool = ToolInfo(
        name: "sockaudit", version: "0.0.0-test", informationURI: "https://github.com/sockaudit/sockaudit")
    static let baseURI = "file:///srv/checkout/"

    static let socketMount = RuleDescription(
        id: "SA101", slug: "runtime-socket-mount", severity: .high,
        summary: "A container can reach a container-runtime API socket on the host.",
        rationale: "Whoever can talk to the Docker socket can start a privileged container and so owns the host.",
        remediation: "Remove the mount; if the container needs the API, put a read-only socket proxy in front of it.",
        references: [
            .cisDocker("5.32", benchmark: "1.6.0"),
            .url("https://docs.docker.com/engine/security/#docker-daemon-attack-surface"),
        ])
    static let tcpNoTLS = RuleDescription(
        id: "SA102", slug: "daemon-tcp-no-tls", severity: .critical,
        summary: "The Docker daemon listens on TCP without TLS.",
        rationale: "Anyone who can reach the port has root on the host, with no credentials.",
        remediation: "Listen on the unix socket only, or configure tlsverify with client certificates.",
        references: [.cisDocker("2.6", benchmark: "1.6.0")])
    static let iccOn = RuleDescription(
        id: "SA203", slug: "icc-on", severity: .low,
        summary: "Inter-container communication on the default bridge is enabled.",
        rationale: "Containers on the default bridge can talk to each other without restriction.",
        remediation: "Set \"icc\": false in daemon.json.",
        references: [.cisDocker("2.1", benchmark: "1.6.0")])
    static let privileged = RuleDescription(
        id: "SA301", slug: "privileged", severity: .high,
        summary: "A container runs in privileged mode.",
        rationale: "A privileged container has every capability and every device; escaping it is trivial.",
        remediation: "Drop privileged mode and add only the capabilities the workload needs.",
        references: [.cisDocker("5.4", benchmark: "1.6.0"), .podSecurity("Baseline: Privileged Containers")])
    static let runsAsRoot = RuleDescription(
        id: "SA308", slug: "runs-as-root", severity: .low,
        summary: "A container may run as root.",
        rationale: "Root in the container is root on the host once anything else goes wrong.",
        remediation: "Set a non-root user.",
        references: [.cisDocker("4.1", benchmark: "1.6.0")])
    static let hostNetwork = RuleDescription(
        id: "SA402", slug: "host-network", severity: .medium,
        summary: "A container shares the host's network namespace.",
        rationale: "It can reach services bound to localhost on the host, including a TCP daemon.",
        remediation: "Use a bridge or overlay network and publish only the ports needed.",
        references: [.cisDocker("5.9", benchmark: "1.6.0"), .podSecurity("Baseline: Host Namespaces")])

    static let pod = "k8s/pod.yaml"
    static let compose = "deploy/my stack/compose.yaml"

    static let findings: [Finding] = [
        tcpNoTLS.finding(
            at: SourceLocation(path: compose, line: 6, column: 7),
            "dockerd listens on tcp://0.0.0.0:2375 without TLS — anyone on the network is root",
            subject: "service dind", evidence: "tcp://0.0.0.0:2375", written: "--host=tcp://0.0.0.0:2375"),
        privileged.finding(
            at: SourceLocation(path: pod, line: 21, column: 9), "container \"agent\" runs privileged",
            subject: "Pod ci-runner, container agent", evidence: "privileged: true"),
        socketMount.finding(
            at: SourceLocation(path: pod, line: 14, column: 15),
            "hostPath /var/run/docker.sock is mounted into container \"agent\"; it controls the Docker daemon",
            subject: "Pod ci-runner, container agent", evidence: "/run/docker.sock", written: "/var/run//docker.sock"),
        Finding(
            ruleID: hostNetwork.id, slug: hostNetwork.slug, severity: hostNetwork.severity,
            message: "service \"node-exporter\" uses the host network",
            location: SourceLocation(path: compose, line: 12, column: 5),
            subject: "service node-exporter", evidence: "network_mode: host",
            suppression: Suppression(
                reason: "node-exporter must see the host's interfaces", source: "deploy/my stack/compose.yaml:11")),
        runsAsRoot.finding(
            at: SourceLocation(path: pod, line: 9, column: 7),
            "container \"agent\" may run as root: no runAsNonRoot and no non-zero runAsUser",
            subject: "Pod ci-runner, container agent"),
    ]

    static let result = ScanResult(
        findings: findings, filesScanned: ["k8s": 1, "compose": 1], filesSkipped: 3,
        rules: [socketMount, tcpNoTLS, iccOn, privileged, runsAsRoot, hostNetwork])

    static let daemon = "etc/docker/daemon.json"
    static let job = "k8s/job.yaml"

    /// A finding recorded in the baseline, one suppressed by the configuration file (with markup
    /// characters in its reason), and a baseline entry fixed since: the shape of a gated pull request.
    static let gatingFindings: [Finding] = findings + [
        Finding(
            ruleID: iccOn.id, slug: iccOn.slug, severity: iccOn.severity,
            message: "\"icc\" is not false: containers on the default bridge can reach each other",
            location: SourceLocation(path: daemon, line: 2, column: 3),
            subject: "daemon", evidence: "icc: true", isBaselined: true),
        Finding(
            ruleID: runsAsRoot.id, slug: runsAsRoot.slug, severity: runsAsRoot.severity,
            message: "container \"migrate\" may run as root: no runAsNonRoot and no non-zero runAsUser",
            location: SourceLocation(path: job, line: 12, column: 9),
            subject: "Job migrate, container migrate",
            suppression: Suppression(
                reason: "binds port 80 <privileged> & exits; reviewed in SEC-9 | DBA-2",
                source: ".sockaudit.yml:7", kind: .external)),
    ]

    static let fixedEntry = BaselineEntry(hostNetwork.finding(
        at: SourceLocation(path: "deploy/legacy/compose.yaml", line: 4, column: 5),
        "service \"metrics\" uses the host network", subject: "service metrics", evidence: "network_mode: host"))

    static let gating: ScanResult = {
        var result = ScanResult(
            findings: gatingFindings, filesScanned: ["k8s": 2, "compose": 1, "daemon": 1], filesSkipped: 3,
            rules: [socketMount, tcpNoTLS, iccOn, privileged, runsAsRoot, hostNetwork])
        result.fixedSinceBaseline = [fixedEntry]
        return result
    }()

    static let empty = ScanResult(findings: [], filesScanned: [:], filesSkipped: 0, rules: [])

    /// A result holding exactly the given findings, with no rule metadata.
    static func result(_ findings: [Finding], rules: [RuleDescription] = []) -> ScanResult {
        ScanResult(findings: findings, filesScanned: ["k8s": 1], filesSkipped: 0, rules: rules)
    }

    static func finding(
        _ id: String = "SA101", _ severity: Severity = .high, path: String = "a.yaml", line: Int = 1, column: Int = 1,
        message: String = "m"
    ) -> Finding {
        Finding(
            ruleID: id, slug: "rule-\(id.lowercased())", severity: severity, message: message,
            location: SourceLocation(path: path, line: line, column: column), subject: "s", evidence: "e")
    }
}

extension Fixture {
    /// What a format's streamed report left out of `result`, read after it was written.
    static func cut(_ format: ReporterName, maxResults: Int? = nil, _ result: ScanResult) -> ReportCut? {
        var reporter = format.streamingReporter(ReporterSettings(baseURI: baseURI, tool: tool, maxResults: maxResults))
        _ = reporter.render(result)
        return reporter.cut
    }
}
