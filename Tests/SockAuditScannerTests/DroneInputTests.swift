import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// Drone pipelines: several documents per file, volumes joined by name within one pipeline, and
/// the runner's environment in any container.
@Suite struct DroneInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static func positions(_ result: ScanResult, _ rule: String) -> [String] {
        result.findings.filter { $0.ruleID == rule }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
    }

    @Test func volumesAreJoinedWithinTheirOwnPipelineOnly() {
        let pipeline = """
            kind: pipeline
            name: build
            steps:
            - name: a
              image: docker:27-cli
              volumes:
              - name: sock
                path: /var/run/docker.sock
            volumes:
            - name: sock
              host:
                path: /var/run/docker.sock
            ---
            kind: pipeline
            name: test
            steps:
            - name: b
              image: docker:27-cli
              volumes:
              - name: sock
                path: /var/run
            services:
            - name: docker
              image: docker:27-dind
              privileged: true
              volumes:
              - name: sock
                path: /var/run
            volumes:
            - name: sock
              temp: {}
            ---
            kind: signature
            hmac: 0123456789abcdef
            """
        let result = Self.scan([(".drone.yml", pipeline)])
        #expect(result.filesScanned["drone"] == 1)
        #expect(result.filesScanned["compose"] == nil)
        #expect(Self.positions(result, "SA101") == [".drone.yml:12:11"])
        #expect(result.findings.first { $0.ruleID == "SA101" }?.message.contains(#"Drone step "a" in pipeline "build""#) == true)
        #expect(Self.positions(result, "SA301") == [".drone.yml:25:15"])
        #expect(Self.positions(result, "SA901").isEmpty)
    }

    @Test func anchorsAndOneMountPerStepThatNamesTheVolume() {
        let pipeline = """
            kind: pipeline
            name: default
            x-sock: &sock
              - name: dockersock
                path: /var/run/docker.sock
            steps:
            - name: build
              image: docker:27-cli
              volumes: *sock
            - name: push
              image: docker:27-cli
              volumes: *sock
            - name: unknown
              image: alpine
              volumes:
              - name: nowhere
                path: /data
            volumes:
            - name: dockersock
              host: {path: /var/run/docker.sock}
            """
        let result = Self.scan([(".drone.yaml", pipeline)])
        // each step that names the volume is a finding at the host path (one line, two subjects)
        #expect(Self.positions(result, "SA101") == [".drone.yaml:20:16", ".drone.yaml:20:16"])
        #expect(Set(result.findings.filter { $0.ruleID == "SA101" }.map(\.subject)).count == 2)
    }

    @Test func aFileOfSecretsOnlyIsNotInScopeAndNotUnscannable() {
        let secrets = "kind: secret\nname: token\nget:\n  path: ci/token\n  name: value\n"
        let result = Self.scan([(".drone.yml", secrets)])
        #expect(result.filesScanned["drone"] == nil)
        #expect(result.findings.isEmpty)
    }

    @Test func aBrokenPipelineIsUnscannableAtItsLine() {
        let broken = "kind: pipeline\nsteps:\n- name: a\n  image: [unclosed\n"
        let result = Self.scan([(".drone.yml", broken)])
        #expect(result.findings.map(\.ruleID) == ["SA901"])
    }

    @Test func theRunnerEnvironmentIsReadInAKubernetesContainer() {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: drone-runner}
            spec:
              template:
                spec:
                  containers:
                  - name: runner
                    image: drone/drone-runner-docker:1
                    env:
                    - name: DRONE_RUNNER_VOLUMES
                      value: "/var/run/docker.sock:/var/run/docker.sock"
                    - name: DRONE_RUNNER_PRIVILEGED_IMAGES
                      value: " , "
            """
        let result = Self.scan([("runner.yaml", deployment)])
        let socket = result.findings.filter { $0.ruleID == "SA101" }
        #expect(socket.count == 1)
        #expect(socket.first?.message.contains("every step of every pipeline the Drone runner") == true)
        #expect(socket.first?.message.contains("DRONE_RUNNER_VOLUMES (/var/run/docker.sock:/var/run/docker.sock)") == true)
        // an empty list of images starts nothing privileged
        #expect(result.findings.filter { $0.ruleID == "SA301" }.isEmpty)
    }
}
