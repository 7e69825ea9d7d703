import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditParsers
@testable import SockAuditScanner

/// Buildkite pipelines: which files are pipelines, plugin references, groups and anchors.
@Suite struct BuildkiteInputTests {
    static func scan(_ files: [(String, String)]) -> ScanResult {
        Scanner(options: ScanOptions(rules: BuiltInRules.all))
            .scan(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }

    static func positions(_ result: ScanResult, _ rule: String) -> [String] {
        result.findings.filter { $0.ruleID == rule }.map { "\($0.location.path):\($0.location.line):\($0.location.column)" }
    }

    @Test func pluginReferencesAreNamedByTheirRepository() {
        #expect(BuildkiteAdapter.pluginName("docker#v5.13.0") == "docker")
        #expect(BuildkiteAdapter.pluginName("buildkite-plugins/docker#v5") == "docker")
        #expect(BuildkiteAdapter.pluginName("https://github.com/buildkite-plugins/docker-buildkite-plugin.git#v5.0.0") == "docker")
        #expect(BuildkiteAdapter.pluginName("ssh://git@github.com/example/docker-compose-buildkite-plugin.git#v4") == "docker-compose")
        #expect(BuildkiteAdapter.pluginName("docker-login#v3.0.0") == "docker-login")
        #expect(BuildkiteAdapter.pluginName("Docker") == "docker")
    }

    @Test func onlyYAMLWithAStepsListIsAPipeline() {
        let compose = "services:\n  app:\n    image: example/app\n    privileged: true\n"
        let settings = "models:\n  - name: a\n    privileged: true\n"
        let pipeline = "steps:\n  - wait\n  - block: Release\n  - trigger: deploy\n"
        let result = Self.scan([
            (".buildkite/docker-compose.yml", compose), (".buildkite/models.yaml", settings), (".buildkite/pipeline.yml", pipeline),
        ])
        #expect(result.filesScanned["compose"] == 1)
        #expect(result.filesScanned["buildkite"] == 1)
        #expect(Self.positions(result, "SA301") == [".buildkite/docker-compose.yml:4:17"])
        #expect(Self.positions(result, "SA901").isEmpty)
    }

    /// The Agent Stack for Kubernetes' plugin: a pod spec with a `hostPath` socket, an anchored
    /// sidecar reused by a second step, and a GPU pod whose only host path is a cache. Only what a
    /// step states is judged (no "missing setting" findings).
    @Test func kubernetesPluginPodsAndSidecars() {
        let pipeline = """
            x-dind: &dind
              image: docker:27-dind
              securityContext: {privileged: true}
            steps:
              - label: build
                command: docker build .
                plugins:
                  - kubernetes:
                      podSpec:
                        containers:
                          - {image: docker:27-cli, volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]}
                        volumes:
                          - {name: s, hostPath: {path: /var/run/docker.sock}}
              - label: test
                plugins:
                  - kubernetes:
                      sidecars: [*dind]
              - label: gpu
                plugins:
                  kubernetes:
                    podSpec:
                      containers: [{image: ci:1, volumeMounts: [{name: c, mountPath: /cache}]}]
                      volumes: [{name: c, hostPath: {path: /mnt/cache, type: DirectoryOrCreate}}]
            """
        let result = Self.scan([(".buildkite/pipeline.yml", pipeline)])
        #expect(Self.positions(result, "SA101") == [".buildkite/pipeline.yml:13:44"])
        #expect(Self.positions(result, "SA301") == [".buildkite/pipeline.yml:3:33"])
        #expect(result.findings.filter { $0.ruleID == "SA301" }.first?.message.contains("sidecar \"(unnamed)\" in Buildkite step \"test\" (kubernetes plugin)") == true)
        #expect(Self.positions(result, "SA308").isEmpty)
        #expect(Self.positions(result, "SA501").isEmpty)
    }

    @Test func anchoredPluginsAndNestedGroupsAreEachAStep() {
        let pipeline = """
            common:
              - &docker
                docker#v5.13.0:
                  image: docker:27-cli
                  volumes: [/var/run/docker.sock:/var/run/docker.sock]

            steps:
              - label: build
                command: make build
                plugins: [*docker]
              - group: tests
                steps:
                  - label: unit
                    command: make test
                    plugins:
                      - *docker
                      - docker-compose#v5.5.0:
                          run: app
                  - wait
            """
        let result = Self.scan([(".buildkite/pipeline.yml", pipeline)])
        // one mount line, two steps that use it
        #expect(Self.positions(result, "SA101") == [".buildkite/pipeline.yml:5:17", ".buildkite/pipeline.yml:5:17"])
        #expect(Set(result.findings.filter { $0.ruleID == "SA101" }.map(\.subject))
            == [#"Buildkite step "build" (docker plugin, docker:27-cli)"#, #"Buildkite step "unit" (docker plugin, docker:27-cli)"#])
    }

    @Test func aDindImageThatRunsTheStepsCommandIsNoDaemon() {
        let pipeline = """
            steps:
              - command: docker version
                plugins:
                  - docker#v5.13.0:
                      image: docker:27-dind
                      environment: [DOCKER_TLS_CERTDIR=]
              - plugins:
                  - docker#v5.13.0:
                      image: docker:27-dind
                      privileged: true
                      environment: [DOCKER_TLS_CERTDIR=]
            """
        let result = Self.scan([("buildkite.yml", pipeline)])
        // the second runs the image's entrypoint: dockerd on 2375 without TLS
        #expect(Self.positions(result, "SA102") == ["buildkite.yml:11:25"])
    }

    @Test func aPipelineWithWindowsLineEndsAndComments() {
        let pipeline = "# CI\r\nsteps:\r\n  # build the image\r\n  - label: build # with the host daemon\r\n    commands:\r\n      - echo hi\r\n"
            + "      - docker run -v /var/run/docker.sock:/var/run/docker.sock alpine\r\n"
        let result = Self.scan([(".buildkite/pipeline.yml", pipeline)])
        #expect(Self.positions(result, "SA101") == [".buildkite/pipeline.yml:7:20"])
    }
}
