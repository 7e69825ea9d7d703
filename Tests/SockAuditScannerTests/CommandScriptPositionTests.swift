import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// The script of `sh -c` given as one item of a container's command list (Kubernetes `command:`/
/// `args:`, Compose `command:`/`entrypoint:`, a Dockerfile's exec form) is placed character by
/// character where the file writes it, whatever its quoting: plain, single- or double-quoted with
/// escapes, a literal or folded block, a JSON string, an exec form continued over lines.
@Suite struct CommandScriptPositionTests {
    static func positions(_ path: String, _ text: String, rule: String = "SA107") -> [String] {
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: path, bytes: Array(text.utf8))])
        return result.findings.filter { $0.ruleID == rule }.map { "\($0.location.line):\($0.location.column)" }
    }

    /// The column of `needle` on 1-based `line` of `text`, counted in Unicode scalars.
    static func at(_ needle: String, line: Int, in text: String) -> String {
        let row = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1])
        let scalars = Array(row.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            return "\(line):\(start + 1)"
        }
        Issue.record("\(needle) not on line \(line)")
        return ""
    }

    static let pod = #"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: relay
        spec:
          containers:
            - name: plain
              image: alpine:3.20
              command:
                - sh
                - -c
                - socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock
            - name: double
              image: alpine:3.20
              args: ["sh", "-c", "echo \"ready\" \u00e9 && socat TCP-LISTEN:2376,fork UNIX-CONNECT:/var/run/docker.sock"]
            - name: single
              image: alpine:3.20
              args: ['sh', '-c', 'echo ''ready'' && socat TCP-LISTEN:2377,fork UNIX-CONNECT:/var/run/docker.sock']
            - name: literal
              image: alpine:3.20
              args:
                - sh
                - -c
                - |
                  apk add --no-cache socat
                  exec socat TCP-LISTEN:2378,fork UNIX-CONNECT:/var/run/docker.sock
            - name: folded
              image: alpine:3.20
              args:
                - /bin/sh
                - -c
                - >-
                  exec socat
                  TCP-LISTEN:2379,fork UNIX-CONNECT:/var/run/docker.sock
            - name: multiline-plain
              image: alpine:3.20
              command:
                - sh
                - -c
                - exec socat
                  TCP-LISTEN:2380,fork
                  UNIX-CONNECT:/var/run/docker.sock
            - name: multiline-double
              image: alpine:3.20
              command:
                - sh
                - -c
                - "exec socat \
                  TCP-LISTEN:2381,fork UNIX-CONNECT:/var/run/docker.sock"
        """#

    @Test func kubernetesCommandItemsInEveryQuotingStyle() {
        let text = Self.pod
        #expect(Self.positions("pod.yaml", text) == [
            Self.at("TCP-LISTEN", line: 12, in: text),
            Self.at("TCP-LISTEN", line: 15, in: text),
            Self.at("TCP-LISTEN", line: 18, in: text),
            Self.at("TCP-LISTEN", line: 26, in: text),
            Self.at("TCP-LISTEN", line: 34, in: text),
            Self.at("TCP-LISTEN", line: 41, in: text),
            Self.at("TCP-LISTEN", line: 49, in: text),
        ])
        // The arithmetic the helper does, pinned once by hand: `        - socat TCP-LISTEN…`.
        #expect(Self.at("TCP-LISTEN", line: 12, in: text) == "12:17")
    }

    @Test func composeListItemsAndWindowsLineEnds() {
        let text = #"""
            services:
              relay:
                image: alpine:3.20
                entrypoint:
                  - sh
                  - -c
                command:
                  - apk add socat && socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock
              relay-flow:
                image: alpine:3.20
                command: ["/bin/sh", "-c", "socat TCP-LISTEN:2376,fork,reuseaddr UNIX-CONNECT:/var/run/docker.sock"]
            """#
        let expected = [Self.at("TCP-LISTEN", line: 8, in: text), Self.at("TCP-LISTEN", line: 11, in: text)]
        #expect(expected == ["8:32", "11:39"])
        #expect(Self.positions("compose.yaml", text) == expected)
        #expect(Self.positions("compose.yaml", text.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
    }

    /// A Compose `command:` string split as a shell splits it: the script of `sh -c` is found where
    /// it is written inside a quoted scalar or a folded block.
    @Test func composeCommandStringsQuotedOrFolded() {
        let text = #"""
            services:
              quoted:
                image: alpine:3.20
                command: "sh -c 'socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock'"
              folded:
                image: alpine:3.20
                command: >
                  sh -c "apk add --no-cache socat &&
                  socat TCP-LISTEN:2376,fork UNIX-CONNECT:/var/run/docker.sock"
              plain:
                image: alpine:3.20
                command: sh -c "socat TCP-LISTEN:2377,fork UNIX-CONNECT:/var/run/docker.sock"
            """#
        let expected = [
            Self.at("TCP-LISTEN", line: 4, in: text), Self.at("TCP-LISTEN", line: 9, in: text), Self.at("TCP-LISTEN", line: 12, in: text),
        ]
        #expect(expected == ["4:28", "9:13", "12:27"])
        #expect(Self.positions("compose.yaml", text) == expected)
    }

    @Test func dockerfileExecFormWithEscapesAndContinuations() {
        let text = #"""
            FROM alpine:3.20
            RUN apk add --no-cache socat
            ENTRYPOINT ["sh", "-c", "echo \"relay\" && exec socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock"]

            FROM docker:27-cli
            CMD ["/bin/sh", \
                 # the relay
                 "-c", \
                 "socat TCP-LISTEN:2376,fork UNIX-CONNECT:/var/run/docker.sock"]
            """#
        let expected = [Self.at("TCP-LISTEN", line: 3, in: text), Self.at("TCP-LISTEN", line: 9, in: text)]
        #expect(expected == ["3:55", "9:13"])
        #expect(Self.positions("Dockerfile", text) == expected)
    }

    @Test func dockerfileExecFormContinuedKeepsItsFlags() {
        let text = """
            FROM docker:27-dind
            ENTRYPOINT ["dockerd", \\
                        "--host=tcp://0.0.0.0:2375", \\
                        "--tls=false"]
            """
        #expect(Self.positions("Dockerfile", text, rule: "SA102") == ["3:13"])
    }
}

/// The rules give the value as the file writes it beside its normalised evidence.
@Suite struct WrittenEvidenceTests {
    @Test func hostPathsCapabilitiesAndSettingsAsWritten() {
        let compose = """
            services:
              agent:
                image: portainer/agent:2.21
                privileged: true
                cap_add: [CAP_SYS_ADMIN]
                network_mode: host
                volumes:
                  - /var/run//docker.sock:/var/run/docker.sock
            """
        let result = Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: [SourceFile(path: "compose.yaml", bytes: Array(compose.utf8))])
        func pair(_ rule: String) -> [String] {
            result.findings.filter { $0.ruleID == rule }.map { "\($0.evidence) | \($0.written ?? "nil")" }
        }
        #expect(pair("SA101") == ["/run/docker.sock | /var/run//docker.sock"])
        #expect(pair("SA301") == ["privileged | privileged: true"])
        #expect(pair("SA302") == ["SYS_ADMIN | cap_add: CAP_SYS_ADMIN"])
        #expect(pair("SA402") == ["network namespace | network_mode: host"])
        // Missing settings name nothing written.
        #expect(result.findings.filter { $0.ruleID == "SA304" }.allSatisfy { $0.written == nil })
    }
}
