import SockAuditCore

/// SA308: no non-root user.
public struct RunsAsRootRule: ContainerRule {
    public init() {}

    public static let description = RuleDescription(
        id: "SA308", slug: "runs-as-root", severity: .low,
        summary: "The container may run as root.",
        rationale: """
            Root in the container is root on the host's kernel unless user namespaces remap it: every \
            escape bug lands with uid 0, and files on any host mount are owned by root.
            """,
        remediation: """
            Run as a non-root user: set a non-zero user and make the runtime refuse root.
            """,
        references: RuleSupport.cis("4.1") + [.podSecurity("Restricted: Running as Non-root")],
        inputs: [.kubernetes, .compose, .commandLine, .inspect, .infrastructure],
        firingExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                securityContext:
                  runAsUser: ↓0
                containers:
                - name: inherits-root
                  image: busybox
                - name: null-user-inherits
                  image: busybox
                  securityContext: {runAsUser: null}
                - name: explicit
                  image: busybox
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: ↓0
                """)),
            Example("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: j}
                spec:
                  template:
                    spec:
                      containers:
                      - name: nonroot-false
                        image: busybox
                        securityContext:
                          runAsNonRoot: ↓false
                      - ↓name: unset
                        image: busybox
                """),
            Example("inspect.json", InspectDocument.container(marked: true)),
            Example("root.json", InspectDocument.container(config: [#"↓"User": "0:0""#])),
            Example("compose.yaml", """
                services:
                  ↓web:
                    image: nginx
                  api:
                    image: example/api
                    user: ↓root
                  job:
                    image: example/job
                    user: ↓"0:0"
                """),
            Example("run.sh", #"""
                #!/bin/sh
                ↓docker run alpine
                docker run ↓-u 0 alpine
                docker run ↓--user root:root alpine
                """#),
        ] + InputExamples.firing("SA308"),
        silentExamples: [
            Example("pod.yaml", PodDocument.pod(spec: """
                securityContext:
                  runAsNonRoot: true
                containers:
                - name: inherits
                  image: busybox
                - name: own-uid
                  image: busybox
                  securityContext: {runAsUser: 1000, runAsNonRoot: false}
                """)),
            Example("inspect.json", InspectDocument.container(config: [#""User": "101:101""#])),
            Example("containers.json", InspectDocument.summary()),
            Example("compose.yaml", """
                services:
                  web:
                    image: nginx
                    user: "1000:1000"
                  api:
                    image: example/api
                    user: app
                  job:
                    image: example/job
                    user: ${APP_UID:-1001}
                """),
            Example("run.sh", #"""
                #!/bin/sh
                docker run --user 1000:1000 alpine
                docker run -u app alpine
                """#),
            Example("Jenkinsfile", #"""
                node {
                  docker.image('node:20').inside('-e CI=1') {
                    sh 'npm test'
                  }
                }
                """#),
        ] + InputExamples.silent("SA308"))

    public func check(_ container: ContainerSpec) -> [Finding] {
        if let user = container.user {
            guard RuleSupport.isRoot(user.value) else { return [] }
            return [Self.description.finding(
                at: user.location, "\(container.subject) runs as root (\(user.spelling))", subject: container.subject)]
        }
        if let nonRoot = container.runAsNonRoot {
            if nonRoot.value { return [] }
            return [Self.description.finding(
                at: nonRoot.location, "\(container.subject) may run as root (\(nonRoot.spelling))",
                subject: container.subject)]
        }
        guard container.isComplete else { return [] }
        return [Self.description.finding(
            at: container.location,
            "\(container.subject) sets no non-root user, so it runs as the image's user (root unless the image says otherwise): set \(container.dialect.nonRootUser)",
            subject: container.subject)]
    }
}
