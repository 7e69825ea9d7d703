import SockAuditCore
import Testing
@testable import SockAuditParsers

private func parse(_ text: String) throws -> Node {
    do throws(ParseError) { return try JSONParser.parse(text) } catch { throw error }
}

@Suite struct DaemonJSONAdapterTests {
    @Test func settingsPointAtTheirKeysAndTheConfigurationAtItsBrace() throws {
        let text = """
            {
              "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
              "tls": true,
              "tlsverify": true,
                "icc": false,
              "insecure-registries": ["10.0.0.0/8"],
              "seccomp-profile": "unconfined"
            }
            """
        let config = try DaemonJSONAdapter.config(from: parse(text), path: "etc/docker/daemon.json").get()
        #expect(config.isComplete)
        #expect(config.location.line == 1 && config.location.column == 1)
        #expect(config.hosts.map(\.value) == ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"])
        #expect(config.hosts.allSatisfy { $0.location.line == 2 && $0.location.column == 3 })
        #expect(config.tlsVerify?.value == true)
        #expect(config.icc?.value == false && config.icc?.location.column == 5)
        #expect(config.insecureRegistries.first?.location.line == 6)
        #expect(config.seccompProfile?.value == "unconfined")
        #expect(config.origin?.kind == .daemonJSON && config.origin?.hostRoot == ".")
    }

    @Test func recognisedByContentNotByAnyJSON() throws {
        #expect(DaemonJSONAdapter.isDaemonConfiguration(try parse(#"{"live-restore": true, "log-driver": "journald"}"#), fileName: "docker-config.json"))
        #expect(!DaemonJSONAdapter.isDaemonConfiguration(try parse(#"{"name": "x", "version": "1", "hosts": []}"#), fileName: "package.json"))
        #expect(!DaemonJSONAdapter.isDaemonConfiguration(try parse(#"{"compilerOptions": {}}"#), fileName: "tsconfig.json"))
        if case .success = DaemonJSONAdapter.config(from: try parse("[1]"), path: "daemon.json") { Issue.record("an array is not a daemon.json") }
    }

    @Test func hostRootsOfDaemonFiles() {
        #expect(DaemonOrigin.locate("examples/daemon/etc/docker/daemon.json")?.hostRoot == "examples/daemon")
        #expect(DaemonOrigin.locate("/etc/docker/daemon.json")?.hostRoot == "/")
        #expect(DaemonOrigin.locate("/usr/lib/systemd/system/docker.service")?.kind == .unit(precedence: 1))
        #expect(DaemonOrigin.locate("/usr/lib/systemd/system/docker.service")?.hostRoot == "/")
        #expect(DaemonOrigin.locate("r/etc/systemd/system/docker.service.d/override.conf")?.kind == .dropIn(sortKey: "override.conf"))
        #expect(DaemonOrigin.locate("r/etc/sysconfig/docker")?.kind == .defaultsFile)
        #expect(DaemonOrigin.locate("docs/daemon.json") == nil)
    }
}

@Suite struct InspectAdapterTests {
    static let podman = """
        [
            {
                "Id": "0c6c8a4e1b7f2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f",
                "Name": "builder",
                "HostConfig": {
                    "Binds": [
                        "/run/podman/podman.sock:/run/podman/podman.sock:rw,rprivate,rbind"
                    ],
                    "PidMode": "private",
                    "Privileged": false,
                    "SecurityOpt": [],
                    "PidsLimit": 2048,
                    "Memory": 0
                },
                "Config": {
                    "User": "",
                    "Image": "quay.io/podman/stable:latest"
                }
            }
        ]
        """

    @Test func podmanCompatShape() throws {
        let specs = InspectAdapter.containers(in: try parse(Self.podman), path: "p.json")
        #expect(specs.count == 1)
        let spec = try #require(specs.first)
        #expect(spec.subject == "container \"builder\" (0c6c8a4e1b7f)")
        #expect(spec.hostPID?.value == false)
        #expect(spec.mounts.map(\.source) == ["/run/podman/podman.sock"])
        #expect(spec.mounts.first?.readOnly == false)
        #expect(spec.pidsLimit?.value == "2048")
        #expect(spec.memoryLimit == nil)
        #expect(spec.user == nil && spec.isComplete)
        #expect(spec.image == "quay.io/podman/stable:latest")
    }

    @Test func securityOptionsInBothSpellings() throws {
        let text = #"{"Id": "abc", "Name": "/x", "HostConfig": {"Privileged": false, "SecurityOpt": ["seccomp:unconfined", "apparmor=unconfined", "label:type:spc_t", "no-new-privileges"]}, "Config": {}}"#
        let spec = try #require(InspectAdapter.containers(in: try parse(text), path: "x.json").first)
        #expect(spec.seccomp?.value == .unconfined)
        #expect(spec.appArmor?.value == .unconfined)
        #expect(spec.seLinux?.value == .type("spc_t"))
        #expect(spec.noNewPrivileges?.value == true)
    }

    @Test func bareMountsArrayIsAPartialContainer() throws {
        let text = #"[{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"}]"#
        let node = try parse(text)
        #expect(InspectAdapter.isInspectOutput(node))
        let spec = try #require(InspectAdapter.containers(in: node, path: "m.json").first)
        #expect(!spec.isComplete)
        #expect(spec.mounts.first?.location.column == 17)
    }

    @Test func otherJSONIsNotInspectOutput() throws {
        #expect(!InspectAdapter.isInspectOutput(try parse(#"{"name": "web", "dependencies": {}}"#)))
        #expect(!InspectAdapter.isInspectOutput(try parse("[1, 2]")))
    }
}
