import SockAuditCore

/// SA301: privileged mode.
public struct PrivilegedRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA301", slug: "privileged", severity: .high,
        summary: "The container runs in privileged mode.",
        rationale: """
            A privileged container gets every capability, every host device, and no seccomp, AppArmor or \
            SELinux confinement. Mounting the host's disk or loading a kernel module from inside it is a \
            one-line escape.
            """,
        remediation: """
            Drop privileged mode and add back only the capabilities and devices the workload needs \
            (for example NET_BIND_SERVICE, or one device with --device).
            """,
        references: RuleSupport.cis("5.5") + [.podSecurity("Baseline: Privileged Containers")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    privileged: ↓true
                - name: b
                  image: busybox
                  securityContext: {privileged: ↓yes}
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    #"↓"Privileged": true"#,
                    InspectDocument.array("SecurityOpt", ["label=disable"]),
                ])),
            Example("compose.yaml", """
                x-priv: &priv
                  privileged: ↓true
                services:
                  dind:
                    image: docker:dind
                    privileged: ↓true
                  a:
                    <<: *priv
                    image: busybox
                  b:
                    <<: *priv
                    image: busybox
                  c:
                    image: busybox
                    privileged: ↓${PRIV:-yes}
                """),
            Example("run.sh", #"""
                #!/bin/bash
                docker run ↓--privileged alpine
                podman run -d ↓--privileged=true quay.io/example/agent
                """#),
            Example("Makefile", #"""
                dind:
                \#t-docker run -d ↓--privileged docker:27-dind
                """#),
            Example(".github/workflows/ci.yml", #"""
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    container:
                      image: example/builder:1
                      options: --cpus 1 ↓--privileged
                    steps:
                      - run: make test
                """#),
            Example(".gitlab-ci.yml", #"""
                test:
                  script:
                    - |
                      docker run --rm \
                        ↓--privileged alpine
                """#),
            // Items folded over several lines (plain and double-quoted), escapes, and `sh -c`
            // strings: each flag at the line and column where it is written.
            Example(".gitlab-ci.yml", #"""
                e2e:
                  image: docker:27
                  services: [docker:27-dind]
                  script:
                    - docker run --rm
                      -e CI=true
                      ↓--privileged example/e2e:1
                    - "docker run --rm -e \"MODE=full\"
                      ↓--privileged example/e2e:1"
                    - sh -c "docker run -e \"A=1\" ↓--privileged alpine"
                    - sh -c "docker run --rm
                      ↓--privileged alpine"
                    - 'docker run -e ''B=2'' ↓--privileged alpine'
                """#),
            Example("Jenkinsfile", #"""
                node {
                  docker.image('node:20').inside('↓--privileged') {
                    sh 'npm test'
                  }
                }
                """#),
            Example("Dockerfile", #"""
                FROM docker:27-cli
                RUN ["docker", "run", ↓"--privileged", "alpine"]
                """#),
        ] + InputExamples.firing("SA301"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                securityContext: {privileged: true}
                containers:
                - name: a
                  image: busybox
                  securityContext:
                    privileged: false
                - name: b
                  image: busybox
                  securityContext: {privileged: "true"}
                """)),
            Example("inspect.json", InspectDocument.container(
                hostConfig: [
                    InspectDocument.array("CapDrop", ["ALL"]),
                    #""ReadonlyRootfs": true"#,
                    InspectDocument.array("SecurityOpt", ["no-new-privileges"]),
                    #""Memory": 268435456"#,
                    #""NanoCpus": 500000000"#,
                    #""PidsLimit": 100"#,
                ],
                config: [#""User": "101:101""#])),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    privileged: false
                    labels: {privileged: "true"}
                  api:
                    image: example/api
                    privileged: ${PRIV:-false}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --privileged=false alpine
                docker run alpine --privileged
                echo docker run --privileged alpine
                """#),
        ] + InputExamples.silent("SA301"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        guard let privileged = container.privileged, privileged.value else { return [] }
        return [Self.description.finding(
            at: privileged.location,
            "\(container.subject) runs privileged (\(privileged.spelling)): it has every capability and host device and no seccomp or LSM confinement",
            subject: container.subject, evidence: "privileged", written: privileged.spelling)]
    }
}
