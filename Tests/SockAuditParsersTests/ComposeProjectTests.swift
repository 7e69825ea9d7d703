import SockAuditCore
import Testing
@testable import SockAuditParsers

@Suite struct ComposeProjectTests {
    func load(_ text: String, path: String = "compose.yaml", variables: [String: String] = [:], files: [String: String] = [:])
        -> ComposeAdapter.Output
    {
        let parsed = YAMLParser.parse(text)
        return ComposeAdapter.read(ComposeProject.load(documents: parsed.documents, path: path, variables: variables, loader: { files[$0] }))
    }

    @Test func extendsLayersTheBaseUnderTheService() throws {
        let output = load("""
            services:
              base:
                image: example/base
                privileged: true
                volumes: ["/var/run/docker.sock:/var/run/docker.sock", "/srv/a:/data"]
              web:
                extends: base
                volumes: ["/srv/b:/data"]
              remote:
                extends: {file: common/base.yml, service: agent}
            """, files: ["common/base.yml": """
                services:
                  agent:
                    image: example/agent
                    pid: host
                """])
        #expect(output.problems.isEmpty)
        let web = try #require(output.containers.first { $0.name == "web" })
        #expect(web.image == "example/base")
        #expect(web.privileged?.value == true)
        #expect(web.privileged?.location.line == 4)
        #expect(web.mounts.map(\.source) == ["/var/run/docker.sock", "/srv/b"])
        let remote = try #require(output.containers.first { $0.name == "remote" })
        #expect(remote.hostPID?.value == true)
        #expect(remote.hostPID?.location == SourceLocation(path: "common/base.yml", line: 4, column: 10))
        #expect(remote.location == SourceLocation(path: "compose.yaml", line: 9, column: 3))
    }

    @Test func extendsCyclesAreReportedNotLooped() {
        let output = load("""
            services:
              a:
                extends: b
              b:
                extends:
                  service: a
              c:
                extends: c
            """)
        #expect(output.containers.count == 3)
        let lines = Set(output.problems.map(\.location.line))
        #expect(lines == [3, 6, 8])
        #expect(output.problems.allSatisfy { $0.reason.hasPrefix("extends cycle: ") })
        #expect(output.problems.contains { $0.reason == "extends cycle: compose.yaml: c -> compose.yaml: c" })
    }

    @Test func extendsAcrossFilesCycle() {
        let output = load("""
            services:
              web:
                extends: {file: other.yml, service: web}
            """, files: ["other.yml": """
                services:
                  web:
                    extends: {file: compose.yaml, service: web}
                """])
        #expect(output.problems.count == 1)
        #expect(output.problems.first?.location == SourceLocation(path: "other.yml", line: 3, column: 44))
        #expect(output.problems.first?.reason == "extends cycle: compose.yaml: web -> other.yml: web -> compose.yaml: web")
    }

    @Test func includeIsFollowedAndCyclesReported() throws {
        let output = load("""
            include:
              - proxy/compose.yaml
            services:
              app: {image: example/app}
            """, files: [
                "proxy/compose.yaml": """
                    include:
                      - path: ../compose.yaml
                    services:
                      proxy:
                        image: example/proxy
                        volumes: ["${SOCK:-/var/run/docker.sock}:/var/run/docker.sock"]
                    """,
                "proxy/.env": "SOCK=/run/user/1000/docker.sock\n",
            ])
        let proxy = try #require(output.containers.first { $0.name == "proxy" })
        #expect(proxy.mounts.first?.source == "/run/user/1000/docker.sock")
        #expect(proxy.mounts.first?.location == SourceLocation(path: "proxy/compose.yaml", line: 6, column: 15))
        #expect(output.problems.map(\.reason) == ["include cycle: compose.yaml -> proxy/compose.yaml -> compose.yaml"])
        #expect(output.problems.first?.location == SourceLocation(path: "proxy/compose.yaml", line: 2, column: 11))
    }

    @Test func missingFilesAndServicesAreProblems() {
        let output = load("""
            include: [missing.yml]
            services:
              web:
                extends: {file: gone.yml, service: x}
              api:
                extends: nothing
            """)
        #expect(output.problems.map(\.location.line) == [1, 4, 6])
    }

    @Test func interpolationErrorsAreLocatedAndTheRestIsRead() throws {
        let output = load("""
            services:
              web:
                image: nginx:${TAG
                privileged: true
            """)
        let web = try #require(output.containers.first)
        #expect(web.image == "nginx:${TAG")
        #expect(web.privileged?.value == true)
        #expect(output.problems.first?.location == SourceLocation(path: "compose.yaml", line: 3, column: 18))
    }

    @Test func requiredVariablesAreUnresolvedNotProblems() throws {
        let output = load("""
            services:
              web:
                image: ${IMAGE:?set IMAGE}
                volumes:
                  - ${SOCK_DIR:?where the socket is}/docker.sock:/var/run/docker.sock
            """)
        let web = try #require(output.containers.first)
        #expect(output.problems.isEmpty)
        #expect(web.image == "${IMAGE}")
        #expect(web.mounts.map(\.source) == ["${SOCK_DIR}/docker.sock"])
        #expect(web.mounts.first?.spelling.contains("${SOCK_DIR} required") == true)
    }

    @Test func servicesThatAreNotMappingsAreNamedAndTheOthersRead() throws {
        let output = load("""
            services:
              cache:
              proxy: traefik:v3.1
              worker: [a, b]
              agent:
                image: portainer/agent
                privileged: true
            """)
        #expect(output.containers.map(\.name) == ["agent"])
        #expect(output.problems.map(\.location.line) == [2, 3, 4])
        #expect(output.problems.map(\.extent) == [.part, .part, .part])
        #expect(output.problems[1].reason.hasPrefix("service \"proxy\" is a string"))
        let mixed = YAMLParser.parse("services:\n  cache:\n  web:\n    image: nginx\n").documents[0]
        let allNull = YAMLParser.parse("services:\n  a:\n  b: x\n").documents[0]
        #expect(ComposeFile.isCompose(mixed, namedAsCompose: false))
        #expect(!ComposeFile.isCompose(allNull, namedAsCompose: false))
        #expect(ComposeFile.isCompose(allNull, namedAsCompose: true))
    }

    @Test func remoteIncludesAreNotReadAsPaths() {
        let output = load("""
            include:
              - oci://docker.io/example/app:latest
              - git@github.com:example/app.git
              - https://github.com/example/app.git#main:deploy
              - path: [ssh://git@example.com/app.git]
              - github.com/example/app
            services: {}
            """)
        #expect(output.problems.map(\.location.line) == [2, 3, 4, 5, 6])
        #expect(output.problems.allSatisfy { $0.reason.contains("is remote") && !$0.reason.contains("missing") })
        // written as is, not as a path with `//` collapsed
        #expect(output.problems[0].reason.contains("oci://docker.io/example/app:latest"))
        for local in ["./a.yml", "../x/compose.yaml", "/srv/compose.yaml", "C:/stacks/a.yml", "sub:dir/a.yml"] {
            #expect(!ComposePath.isRemote(local), "\(local)")
        }
    }

    @Test func composeShape() {
        let compose = YAMLParser.parse("services:\n  web:\n    image: nginx\n").documents[0]
        let other = YAMLParser.parse("services:\n  auth:\n    url: https://x\n").documents[0]
        let gitlab = YAMLParser.parse("services:\n  - docker:dind\n").documents[0]
        #expect(ComposeFile.isCompose(compose, namedAsCompose: false))
        #expect(!ComposeFile.isCompose(other, namedAsCompose: false))
        #expect(ComposeFile.isCompose(other, namedAsCompose: true))
        #expect(!ComposeFile.isCompose(gitlab, namedAsCompose: true))
        #expect(ComposeFile.isComposeName("docker-compose.prod.yml"))
        #expect(ComposeFile.isComposeName("compose.yaml"))
        #expect(ComposeFile.isComposeName("compose.override.yaml"))
        #expect(!ComposeFile.isComposeName("composer.yaml"))
        #expect(ComposeFile.isComposeName("web.compose.YML"))
        #expect(!ComposeFile.isComposeName("compose.json"))
        #expect(!ComposeFile.isComposeName("stack.yml"))
    }

    @Test func mergeKeysReportForEveryInheritingServiceAtTheAnchorLine() {
        let output = load("""
            x-a: &a
              volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
            x-b: &b
              privileged: true
            services:
              one: {<<: *a, image: x}
              two:
                <<: [*b, *a]
                image: y
            """)
        #expect(output.containers.map(\.name) == ["one", "two"])
        for container in output.containers {
            #expect(container.mounts.map(\.location.line) == [2])
        }
        #expect(output.containers[1].privileged?.location.line == 4)
        #expect(output.containers[0].location == SourceLocation(path: "compose.yaml", line: 6, column: 3))
    }

    @Test func readsSettingsInBothSpellings() throws {
        let output = load("""
            services:
              web:
                image: ${REGISTRY}/web
                security_opt: ["seccomp=unconfined", "apparmor:unconfined", "label:type:spc_t", "no-new-privileges=false"]
                environment: {A: "1", B: null, C: ""}
                ports: ["8080:80", {target: 2375, published: "2375", host_ip: 127.0.0.1}, 9000]
                command: ["--flag", "$$literal"]
                entrypoint: dockerd
                user: 0
                pids_limit: 100
                deploy: {resources: {limits: {memory: 1G, cpus: "2"}}}
            """, variables: ["REGISTRY": "ghcr.io/acme"])
        let web = try #require(output.containers.first)
        #expect(web.image == "ghcr.io/acme/web")
        #expect(web.seccomp?.value == .unconfined)
        #expect(web.appArmor?.value == .unconfined)
        #expect(web.seLinux?.value == .type("spc_t"))
        #expect(web.noNewPrivileges?.value == false)
        #expect(web.environment.map(\.value) == ["A=1", "C="])
        #expect(web.publishedPorts.map(\.value) == [
            PublishedPort(hostIP: nil, hostPort: "8080", containerPort: "80"),
            PublishedPort(hostIP: "127.0.0.1", hostPort: "2375", containerPort: "2375"),
            PublishedPort(hostIP: nil, hostPort: nil, containerPort: "9000"),
        ])
        #expect(web.command.map(\.value) == ["dockerd", "--flag", "$literal"])
        #expect(web.user?.value == "0")
        #expect(web.pidsLimit?.value == "100")
        #expect(web.memoryLimit?.spelling == "deploy.resources.limits.memory: 1G")
        #expect(web.cpuLimit?.value == "2")
        #expect(web.dialect == .compose)
        #expect(web.subject == "service \"web\"")
    }
    /// A service with neither `image` nor `build` is an override merged over another file's (a dev
    /// container's extend file): only what it states is judged. One that extends a service with an
    /// image is a whole service.
    @Test func aServiceWithoutImageOrBuildIsAnOverride() throws {
        let output = load("""
            version: '3.8'
            services:
              app:
                volumes:
                  - ..:/workspaces:cached
                  - /var/run/docker.sock:/var/run/docker-host.sock
                command: sleep infinity
              web:
                extends: {file: base.yml, service: web}
              worker:
                build: .
            """, path: ".devcontainer/docker-compose.yml", files: [".devcontainer/base.yml": "services:\n  web:\n    image: nginx\n"])
        let app = try #require(output.containers.first { $0.name == "app" })
        #expect(!app.isComplete)
        #expect(app.mounts.contains { $0.source == "/var/run/docker.sock" })
        #expect(output.containers.first { $0.name == "web" }?.isComplete == true)
        #expect(output.containers.first { $0.name == "worker" }?.isComplete == true)
    }
}
