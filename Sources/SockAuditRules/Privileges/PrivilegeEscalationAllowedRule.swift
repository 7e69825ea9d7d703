import SockAuditCore

/// SA306: no-new-privileges not set.
public struct PrivilegeEscalationAllowedRule: HardeningSwitchRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA306", slug: "privilege-escalation-allowed", severity: .medium,
        summary: "Processes in the container may gain privileges through setuid binaries or file capabilities.",
        rationale: """
            Without no-new-privileges, a setuid-root binary in the image (or one an attacker writes) turns a \
            non-root process into root inside the container, one step closer to the host.
            """,
        remediation: """
            Set no-new-privileges on the container (Kubernetes: allowPrivilegeEscalation: false).
            """,
        references: RuleSupport.cis("5.26") + [.podSecurity("Restricted: Privilege Escalation")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - ↓name: unset
                  image: busybox
                - name: allowed
                  image: busybox
                  securityContext:
                    allowPrivilegeEscalation: ↓true
                """)),
            Example("inspect.json", InspectDocument.container(marked: true)),
            Example("explicit.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["↓no-new-privileges:false"]),
                ])),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                  api:
                    image: example/api
                    security_opt: [↓"no-new-privileges:false"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓--security-opt no-new-privileges=false alpine
                """#),
        ] + InputExamples.firing("SA306"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext: {allowPrivilegeEscalation: false}
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["no-new-privileges:true"]),
                ])),
            Example("bare.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("SecurityOpt", ["no-new-privileges"]),
                ])),
            Example("mounts.json", """
                [{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"},{"Type":"volume","Name":"data","Source":"/var/lib/docker/volumes/data/_data","Destination":"/data","Driver":"local","Mode":"z","RW":true,"Propagation":""}]
                """),
            Example("compose.yaml", """
                services:
                  a:
                    image: busybox
                    security_opt: [no-new-privileges]
                  b:
                    image: busybox
                    security_opt: ["no-new-privileges:true"]
                  c:
                    image: busybox
                    security_opt: ["no-new-privileges=true"]
                  d:
                    image: busybox
                    security_opt: ["no-new-privileges=1"]
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --security-opt no-new-privileges alpine
                docker run --security-opt=no-new-privileges:true alpine
                docker run --security-opt no-new-privileges=1 alpine
                """#),
            // Go's ParseBool reads 1 and T as true in every input, docker inspect output included
            Example("api.json", """
                [{"Id": "4b1c2d3e", "Name": "/api", "Config": {"Image": "example/api"},
                  "HostConfig": {"Privileged": false, "SecurityOpt": ["no-new-privileges=1"]}},
                 {"Id": "5c2d3e4f", "Name": "/worker", "Config": {"Image": "example/worker"},
                  "HostConfig": {"Privileged": false, "SecurityOpt": ["no-new-privileges:T"]}}]
                """),
        ] + InputExamples.silent("SA306"))

    static let risk = "allows privilege escalation"

    static func setting(of container: ContainerSpec) -> Setting<Bool>? { container.noNewPrivileges }

    static func fix(in dialect: ContainerDialect) -> String { dialect.noNewPrivileges }
}
