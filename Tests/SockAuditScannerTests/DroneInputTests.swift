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

    @Test func listedPluginsArePrivilegedByDefaultOnlyAsTheRunnerDecides() {
        let pipeline = """
            kind: pipeline
            name: default
            steps:
            - name: tagged
              image: index.docker.io/plugins/gcr:20@sha256:0123
            - name: empty commands
              image: plugins/heroku
              commands: []
            - name: restricted
              image: plugins/docker
              environment:
                DOCKER_HOST: unix:///var/run/docker.sock
            - name: entrypoint
              image: plugins/acr
              entrypoint: [sh, -c]
            - name: elsewhere
              image: ghcr.io/plugins/docker
            - name: lookalike
              image: plugins/docker-buildx
            services:
            - name: builder
              image: plugins/gar
            ---
            kind: pipeline
            type: ssh
            name: remote
            steps:
            - name: on the host
              image: plugins/docker
            ---
            kind: pipeline
            type: digitalocean
            name: droplet
            steps:
            - name: on the droplet
              image: plugins/ecr
              privileged: true
              commands:
              - make deploy
            """
        let result = Self.scan([(".drone.yml", pipeline)])
        #expect(Self.positions(result, "SA301") == [".drone.yml:5:10", ".drone.yml:7:10", ".drone.yml:22:10"])
        #expect(result.findings.first { $0.ruleID == "SA301" }?.message.contains("Drone runs the plugins/gcr plugin privileged by default") == true)
        #expect(Self.positions(result, "SA901").isEmpty)
    }

    @Test func programsAreNotScannedAndSayHowToGetThemJudged() {
        let result = Self.scan([
            (".drone.star", "def main(ctx):\n    return {\"kind\": \"pipeline\", \"steps\": [{\"privileged\": True}]}\n"),
            ("lib/steps.star", "def step():\n    return {}\n"),
            (".drone.jsonnet", "[{kind: 'pipeline'}]\n"),
        ])
        #expect(Self.positions(result, "SA901") == [".drone.jsonnet:1:1", ".drone.star:1:1"])
        #expect(result.findings.first { $0.location.path == ".drone.jsonnet" }?.message.contains("drone jsonnet --stream --stdout") == true)
        #expect(result.findings.allSatisfy { $0.ruleID == "SA901" })
    }

    @Test func runnerEnvironmentFilesAreKnownByNameAndByWhatTheySet() {
        let drone = "DRONE_RPC_HOST=drone.example.com\n  export DRONE_RUNNER_VOLUMES='/var/run/docker.sock:/var/run/docker.sock'\n"
        let application = "DATABASE_URL=postgres://db/app\nDOCKER_PRIVILEGED=true\n"
        let register = "# registration\r\nRUNNER_EXECUTOR=docker\r\nDOCKER_PRIVILEGED=\"true\"\r\n"
        let result = Self.scan([
            ("ci/drone-runner.env", drone),
            ("app/.env", application),
            ("gitlab/.env.production", register),
            ("etc/drone-runner-docker/runner.conf", drone),
            ("notes/drone-runner.txt", drone),
        ])
        #expect(Self.positions(result, "SA101") == ["ci/drone-runner.env:2:10", "etc/drone-runner-docker/runner.conf:2:10"])
        #expect(Self.positions(result, "SA301") == ["gitlab/.env.production:3:1"])
        #expect(result.findings.first { $0.ruleID == "SA301" }?.message.contains("GitLab Runner registered with .env.production") == true)
        #expect(result.filesScanned["runner-env"] == 3)
    }

    @Test func aScriptsExportsReachTheRegisterThatFollowsOnTheHostOnly() {
        let script = """
            #!/bin/sh
            export DOCKER_PRIVILEGED=true
            docker run --rm gitlab/gitlab-runner register --non-interactive --executor docker
            gitlab-runner register --non-interactive --executor docker --docker-privileged=false
            gitlab-runner register --non-interactive --executor docker
            unset DOCKER_PRIVILEGED
            gitlab-runner register --non-interactive --executor docker
            """
        let result = Self.scan([("register.sh", script)])
        // the container does not inherit the script's exports; an explicit flag wins over the variable
        #expect(Self.positions(result, "SA301") == ["register.sh:2:8"])
        #expect(result.findings.filter { $0.ruleID == "SA301" }.count == 1)
    }

    @Test func aContainerThatRegistersFromItsEnvironmentIsReadOnceAtItsEntries() {
        let script = """
            #!/bin/sh
            docker service create --name runner \\
              --env='RUNNER_EXECUTOR=docker' \\
              --env="DOCKER_VOLUMES=/var/run/docker.sock:/var/run/docker.sock" \\
              example/gitlab-runner-autoregister
            docker run -d -e RUNNER_EXECUTOR=docker -e DOCKER_PRIVILEGED=true gitlab/gitlab-runner register --non-interactive
            docker run -d -e DOCKER_PRIVILEGED=true example/app
            """
        let result = Self.scan([("deploy.sh", script)])
        #expect(Self.positions(result, "SA101") == ["deploy.sh:4:3"])
        #expect(result.findings.first { $0.ruleID == "SA101" }?.message.contains("GitLab Runner that docker service create of example/gitlab-runner-autoregister registers") == true)
        // the register command line is read once; an application's own DOCKER_PRIVILEGED is not a runner's
        #expect(Self.positions(result, "SA301") == ["deploy.sh:6:44"])
    }
}
