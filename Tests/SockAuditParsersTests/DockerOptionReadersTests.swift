import SockAuditCore
import Testing

@testable import SockAuditParsers

/// The Docker option grammars, each read in one place and every adapter calling it: one table per
/// grammar, over the spellings the tools accept and the ones they refuse.
@Suite struct DockerOptionReadersTests {
    @Test(arguments: [
        // Go's strconv.ParseBool (docker, dockerd and Podman flag values, --mount fields)
        ("1", true as Bool?), ("t", true), ("T", true), ("true", true), ("True", true), ("TRUE", true),
        ("0", false), ("f", false), ("F", false), ("false", false), ("False", false), ("FALSE", false),
        ("yes", nil), ("no", nil), ("on", nil), ("tRUE", nil), ("", nil), (" true", nil), ("2", nil),
    ])
    func goBooleans(text: String, expected: Bool?) {
        #expect(BooleanSpelling.go(text) == expected)
    }

    @Test(arguments: [
        // YAML 1.1 plain scalars, as the Kubernetes loader reads them
        ("true", true as Bool?), ("True", true), ("TRUE", true), ("yes", true), ("Yes", true), ("YES", true),
        ("on", true), ("On", true), ("ON", true), ("y", true), ("Y", true),
        ("false", false), ("False", false), ("FALSE", false), ("no", false), ("No", false), ("NO", false),
        ("off", false), ("Off", false), ("OFF", false), ("n", false), ("N", false),
        ("1", nil), ("0", nil), ("tRUE", nil), ("t", nil), ("", nil),
    ])
    func yamlBooleans(text: String, expected: Bool?) {
        #expect(BooleanSpelling.yaml(text) == expected)
    }

    @Test(arguments: [
        // Compose: the YAML words in any case, and 1 and 0
        ("true", true as Bool?), ("TrUe", true), ("yes", true), ("on", true), ("y", true), ("1", true),
        ("false", false), ("NO", false), ("off", false), ("n", false), ("0", false),
        ("t", nil), ("2", nil), ("", nil), ("enabled", nil),
    ])
    func composeBooleans(text: String, expected: Bool?) {
        #expect(BooleanSpelling.compose(text) == expected)
    }

    @Test(arguments: [
        ("seccomp=unconfined", SecurityOption.seccomp(.unconfined) as SecurityOption?),
        ("seccomp:unconfined", .seccomp(.unconfined)),
        ("seccomp=Unconfined", .seccomp(.custom("Unconfined"))),
        ("seccomp=UNCONFINED", .seccomp(.custom("UNCONFINED"))),
        ("seccomp=builtin", .seccomp(.runtimeDefault)),
        ("seccomp=/etc/docker/seccomp.json", .seccomp(.custom("/etc/docker/seccomp.json"))),
        (#"seccomp={"defaultAction":"SCMP_ACT_ALLOW"}"#, .seccomp(.custom(#"{"defaultAction":"SCMP_ACT_ALLOW"}"#))),
        ("Seccomp=unconfined", .other(name: "Seccomp", value: "unconfined")),
        ("apparmor=unconfined", .appArmor(.unconfined)),
        ("apparmor:unconfined", .appArmor(.unconfined)),
        ("apparmor=Unconfined", .appArmor(.custom("Unconfined"))),
        ("apparmor=docker-default", .appArmor(.runtimeDefault)),
        ("apparmor=my-profile", .appArmor(.custom("my-profile"))),
        ("label=disable", .label(.disabled)),
        ("label:disable", .label(.disabled)),
        ("disable", .label(.disabled)),
        ("label=type:spc_t", .label(.type("spc_t"))),
        ("label:type:spc_t", .label(.type("spc_t"))),
        ("label=level:s0:c100,c200", .label(.other("level:s0:c100,c200"))),
        ("label=user:USER", .label(.other("user:USER"))),
        ("label=nested", .label(.other("nested"))),
        ("label=type=spc_t", nil),
        ("label=Disable", nil),
        ("no-new-privileges", .noNewPrivileges(true)),
        ("no-new-privileges=true", .noNewPrivileges(true)),
        ("no-new-privileges:true", .noNewPrivileges(true)),
        ("no-new-privileges=1", .noNewPrivileges(true)),
        ("no-new-privileges:1", .noNewPrivileges(true)),
        ("no-new-privileges=T", .noNewPrivileges(true)),
        ("no-new-privileges=false", .noNewPrivileges(false)),
        ("no-new-privileges:0", .noNewPrivileges(false)),
        ("no-new-privileges=yes", nil),
        ("no-new-privileges=", nil),
        ("No-New-Privileges", nil),
        ("systempaths=unconfined", .other(name: "systempaths", value: "unconfined")),
        ("seccomp", nil),
        ("=unconfined", nil),
        ("", nil),
    ])
    func securityOptions(text: String, expected: SecurityOption?) {
        #expect(SecurityOption.parse(text) == expected)
    }

    @Test(arguments: [
        ("/var/run/docker.sock:/var/run/docker.sock", "/var/run/docker.sock" as String?, "/var/run/docker.sock", [String]()),
        ("/var/run/docker.sock:/var/run/docker.sock:ro", "/var/run/docker.sock", "/var/run/docker.sock", ["ro"]),
        ("/run:/host/run:ro,rslave", "/run", "/host/run", ["ro", "rslave"]),
        ("/srv:/srv:z", "/srv", "/srv", ["z"]),
        ("./docker.sock:/sock:Z", "./docker.sock", "/sock", ["Z"]),
        ("data:/data:rw,nocopy", "data", "/data", ["rw", "nocopy"]),
        ("/var/lib/data", nil, "/var/lib/data", []),
        ("/a:/b:readonly", "/a", "/b:readonly", []),
        ("/run/podman/podman.sock:/run/podman/podman.sock:rw,rprivate,rbind", "/run/podman/podman.sock", "/run/podman/podman.sock", ["rw", "rprivate", "rbind"]),
        ("/src:/dst:U,noexec,nosuid,nodev", "/src", "/dst", ["U", "noexec", "nosuid", "nodev"]),
        ("~/.docker/run/docker.sock:/var/run/docker.sock:cached", "~/.docker/run/docker.sock", "/var/run/docker.sock", ["cached"]),
    ])
    func volumeSpecs(text: String, source: String?, target: String, options: [String]) {
        let volume = VolumeSpec.parse(text)
        #expect(volume.source == source)
        #expect(volume.target == target)
        #expect(volume.options == options)
        #expect(volume.readOnly == options.contains("ro"))
    }

    @Test(arguments: [
        ("/var/run/docker.sock", VolumeSpec.SourceKind.absolute, ComposeVolumeSource.Kind.hostPath),
        ("~/.docker/run/docker.sock", .home, .hostPath),
        ("${SOCK_DIR}/docker.sock", .variable, .hostPath),
        ("$XDG_RUNTIME_DIR/docker.sock", .variable, .hostPath),
        ("./docker.sock", .relative, .projectPath),
        ("../run/docker.sock", .relative, .projectPath),
        ("run/docker.sock", .otherPath, .projectPath),
        ("docker.sock", .named, .named),
        ("sockets", .named, .named),
    ])
    func volumeSources(source: String, kind: VolumeSpec.SourceKind, compose: ComposeVolumeSource.Kind) {
        #expect(VolumeSpec.kind(of: source) == kind)
        #expect(ComposeVolumeSource.kind(of: source) == compose)
    }

    @Test(arguments: [
        ("type=bind,source=/var/run/docker.sock,target=/s", "/var/run/docker.sock" as String?, "/s" as String?, false),
        ("type=bind,src=/d,dst=/d,readonly", "/d", "/d", true),
        ("type=bind,src=/d,dst=/d,ro", "/d", "/d", true),
        ("type=bind,src=/d,dst=/d,readonly=1", "/d", "/d", true),
        ("type=bind,src=/d,dst=/d,readonly=true", "/d", "/d", true),
        ("type=bind,src=/d,dst=/d,readonly=false", "/d", "/d", false),
        ("type=bind,src=/d,dst=/d,readonly=0", "/d", "/d", false),
        ("TYPE=BIND,SOURCE=/d,Destination=/d", "/d", "/d", false),
        ("type=bind,\"source=/e,f\",destination=/g", "/e,f", "/g", false),
        ("type=volume,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/f,target=/f", "/f", "/f", false),
        ("type=volume,source=data,target=/data", nil, "/data", false),
        ("source=/x,target=/x", nil, "/x", false),
        ("type=tmpfs,target=/tmp", nil, "/tmp", false),
        ("type=bind,source=,target=/x", nil, "/x", false),
    ])
    func mountSpecs(text: String, hostSource: String?, target: String?, readOnly: Bool) {
        let mount = MountSpec.parse(text)
        #expect(mount.hostSource == hostSource)
        #expect(mount.target == target)
        #expect(mount.readOnly == readOnly)
    }

    @Test(arguments: [
        ("2375", nil as String?, nil as String?, "2375" as String?),
        ("2375:2375", nil, "2375", "2375"),
        ("2375:2375/tcp", nil, "2375", "2375"),
        ("127.0.0.1:2375:2375", "127.0.0.1", "2375", "2375"),
        ("0.0.0.0::2375", "0.0.0.0", nil, "2375"),
        ("[::1]:2375:2375", "::1", "2375", "2375"),
        ("[::]:2375:2375/udp", "::", "2375", "2375"),
        ("8000-8010:8000-8010", nil, "8000-8010", "8000-8010"),
        (":2375", nil, nil, "2375"),
        ("2375:", nil, nil, nil),
        ("", nil, nil, nil),
    ])
    func portSpecs(text: String, hostIP: String?, hostPort: String?, containerPort: String?) {
        let port = PortSpec.parse(text)
        #expect(port?.containerPort == containerPort)
        #expect(port?.hostIP == hostIP)
        #expect(port?.hostPort == hostPort)
    }

    @Test(arguments: [
        ("SYS_ADMIN", "SYS_ADMIN"), ("sys_admin", "SYS_ADMIN"), ("CAP_SYS_ADMIN", "SYS_ADMIN"), ("cap_sys_admin", "SYS_ADMIN"),
        ("all", "ALL"), ("ALL", "ALL"), (" NET_RAW", "NET_RAW"),
    ])
    func capabilityNames(text: String, canonical: String) {
        #expect(CapabilityName.canonical(text) == canonical)
    }

    @Test func capabilityLists() {
        #expect(CapabilityName.list("sys_admin,,CAP_NET_RAW") == ["SYS_ADMIN", "NET_RAW"])
        #expect(CapabilityName.list("") == [])
    }
}

/// One security option, written in a `docker run` line, a Compose file and `docker inspect` output,
/// gives the same facts in all three.
@Suite struct SecurityOptionAgreementTests {
    struct Read: Equatable, CustomStringConvertible {
        var seccomp: SecurityProfile?
        var appArmor: SecurityProfile?
        var seLinux: SELinuxLabel?
        var noNewPrivileges: Bool?

        init(_ spec: ContainerSpec?) {
            seccomp = spec?.seccomp?.value
            appArmor = spec?.appArmor?.value
            seLinux = spec?.seLinux?.value
            noNewPrivileges = spec?.noNewPrivileges?.value
        }

        var description: String { "\(String(describing: seccomp)) \(String(describing: appArmor)) \(String(describing: seLinux)) \(String(describing: noNewPrivileges))" }
    }

    @Test(arguments: [
        "seccomp=unconfined", "seccomp:unconfined", "seccomp=Unconfined", "Seccomp=unconfined", "seccomp=builtin",
        "apparmor=unconfined", "apparmor:unconfined", "apparmor=Unconfined", "label=disable", "label:disable",
        "label=type:spc_t", "label=type=spc_t", "no-new-privileges", "no-new-privileges=true", "no-new-privileges:true",
        "no-new-privileges=1", "no-new-privileges:T", "no-new-privileges=false", "no-new-privileges=0",
        "no-new-privileges=yes", "No-New-Privileges",
    ])
    func everyInputReadsTheOptionAlike(option: String) throws {
        let commandLine = ShellScript.parse("docker run --security-opt '\(option)' alpine").commands
            .lazy.compactMap { DockerRunCommand.container($0, path: "run.sh") }.first
        let compose = ComposeAdapter.read(ComposeProject.load(
            documents: YAMLParser.parse("services:\n  a:\n    image: alpine\n    security_opt: [\"\(option)\"]\n").documents,
            path: "compose.yaml", variables: [:], loader: { _ in nil })).containers.first
        let inspect = InspectAdapter.containers(
            in: try JSONParser.parse(#"{"Id": "1", "Config": {}, "HostConfig": {"Privileged": false, "SecurityOpt": ["\#(option)"]}}"#),
            path: "inspect.json").first
        let expected = Read(commandLine)
        #expect(Read(compose) == expected, "compose")
        #expect(Read(inspect) == expected, "inspect")
        var alone = ContainerSpec(name: "", subject: "", location: SourceLocation(path: "", line: 1, column: 1), dialect: .commandLine)
        SecurityOption.apply(option, at: alone.location, spelling: option, to: &alone)
        #expect(Read(alone) == expected, "reader")
    }
}
