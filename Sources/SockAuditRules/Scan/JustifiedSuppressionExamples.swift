import SockAuditCore

/// A used suppression with a written reason, in each input: silent for SA902 and SA903 alike.
enum JustifiedSuppressionExamples {
    static let inUse: [Example] = [
        Example("pod.yaml", PodDocument.pod(spec: """
            containers:
            - name: a
              image: busybox
              securityContext:
                # sockaudit:ignore SA301 -- node tuning needs sysctl writes; reviewed in SEC-142
                privileged: true
            """)),
        Example("compose.yaml", """
            services:
              web:
                image: nginx
                # sockaudit:ignore SA301 -- node tuning needs sysctl writes; reviewed in SEC-142
                privileged: true
            """),
        Example("run.sh", #"""
            #!/bin/sh
            # sockaudit:ignore privileged -- the kernel test suite needs it; reviewed in SEC-143
            docker run --privileged alpine
            """#),
    ]
}
