import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Quadlet units in the shapes they are written: sections, continuations, comments, `%t`, lists.
@Suite struct QuadletUnitTests {
    static func container(_ text: String, path: String = "agent.container", userUnit: Bool = false) -> ContainerSpec? {
        let type = String(path.split(separator: ".").last ?? "container")
        return QuadletUnit.facts(text, path: path, fileExtension: type, userUnit: userUnit)?.containers.first
    }

    @Test func theRuntimeFolderIsRunForSystemUnitsAndXDGForUserUnits() {
        let text = "[Container]\nImage=x\nVolume=%t/podman/podman.sock:/run/podman.sock\nVolume=/srv/100%%:/data\n"
        #expect(Self.container(text)?.mounts.map(\.source) == ["/run/podman/podman.sock", "/srv/100%"])
        #expect(Self.container(text, userUnit: true)?.mounts.first?.source == "${XDG_RUNTIME_DIR}/podman/podman.sock")
        #expect(Self.container(text)?.mounts.first?.spelling == "Volume=%t/podman/podman.sock:/run/podman.sock")
    }

    @Test func onlyTheWorkloadSectionIsRead() {
        let text = """
            [Unit]
            Description=Network=host is not this
            [Container]
            Image=x
            [Service]
            Environment=DOCKER_HOST=tcp://a:2375
            Network=host
            """
        let spec = Self.container(text)
        #expect(spec?.hostNetwork == nil)
        #expect(spec?.environment.isEmpty == true)
        #expect(spec?.location.line == 3)
    }

    @Test func continuedPodmanArgsKeepEachFlagsLine() {
        // (CRLF files reach the parser with LF line ends: the scanner converts them, see QuadletExamples)
        let text = "[Container]\nImage=x\nPodmanArgs=--cpus=2 \\\n  # a comment line inside the continuation\n  --privileged \"--security-opt=label=disable\"\n"
        let spec = Self.container(text)
        #expect(spec?.cpuLimit?.spelling == "PodmanArgs=--cpus=2")
        #expect(spec?.privileged.map { [$0.location.line, $0.location.column] } == [5, 3])
        #expect(spec?.seLinux?.value == .disabled)
    }

    /// The container runs in the service's cgroup: `[Service]` resource controls are its limits,
    /// at their own lines; `infinity` and an empty value are none, and `[Container]`'s own win.
    @Test func serviceResourceControlsAreTheContainersLimits() {
        let text = """
            [Unit]
            MemoryMax=64M

            [Container]
            Image=x
            PodmanArgs=--cpus=2

            [Service]
            # Resource Limits
            MemoryMax=512M
            MemoryHigh=460M
            CPUQuota=400%
            TasksMax=infinity
            """
        let spec = Self.container(text)
        #expect(spec?.memoryLimit?.value == "512M")
        #expect(spec?.memoryLimit?.spelling == "[Service] MemoryMax=512M")
        #expect(spec?.memoryLimit.map { [$0.location.line, $0.location.column] } == [10, 11])
        #expect(spec?.cpuLimit?.spelling == "PodmanArgs=--cpus=2")
        #expect(spec?.pidsLimit == nil)
        #expect(Self.container("[Container]\nImage=x\n[Service]\nTasksMax=256\nMemoryLimit=1G\n")?.pidsLimit?.value == "256")
        #expect(Self.container("[Container]\nImage=x\n[Service]\nMemoryLimit=1G\n")?.memoryLimit?.spelling == "[Service] MemoryLimit=1G")
        #expect(Self.container("[Container]\nImage=x\n[Service]\nCPUQuota=\n")?.cpuLimit == nil)
        // a pod's service is not its containers' services
        let pod = QuadletUnit.facts("[Pod]\nPodName=p\n[Service]\nMemoryMax=1G\n", path: "p.pod", fileExtension: "pod", userUnit: false)
        #expect(pod?.containers.first?.memoryLimit == nil)
    }

    @Test func listKeysAreSplitIntoOneFlagEach() {
        let spec = Self.container("[Container]\nImage=x\nAddCapability=SYS_ADMIN  NET_RAW\nAddCapability=BPF\nEnvironment=A=1 \"B=two words\"\n")
        #expect(spec?.capabilitiesAdded.map(\.value) == ["SYS_ADMIN", "NET_RAW", "BPF"])
        #expect(spec?.capabilitiesAdded.map(\.location.column) == [15, 26, 15])
        #expect(spec?.environment.map(\.value) == ["A=1", "B=two words"])
    }

    @Test(arguments: [("true", true), ("yes", true), ("1", true), ("on", true), ("false", false), ("no", false), ("0", false)])
    func systemdBooleans(word: String, value: Bool) {
        let spec = Self.container("[Container]\nImage=x\nNoNewPrivileges=\(word)\nReadOnly=\(word)\n")
        #expect(spec?.noNewPrivileges?.value == value)
        #expect(spec?.readOnlyRootFilesystem?.value == value)
    }

    @Test func aFileWithoutItsSectionIsNotAUnit() {
        #expect(QuadletUnit.facts("=head1 NAME\n\nFoo - Volume=/:/x\n", path: "Foo.pod", fileExtension: "pod", userUnit: false) == nil)
        #expect(QuadletUnit.facts("[Container]\nImage=x\n", path: "a.pod", fileExtension: "pod", userUnit: false) == nil)
    }

    @Test func aPodOrADropInStatesOnlyWhatItAdds() {
        let pod = Self.container("[Pod]\nNetwork=host\n", path: "monitor.pod")
        #expect(pod?.isComplete == false)
        #expect(pod?.hostNetwork?.value == true)
        let dropIn = QuadletUnit.facts("[Container]\nPodmanArgs=--privileged\n", path: "a.container.d/10.conf", fileExtension: "container", userUnit: false, dropIn: true)
        // the drop-in is named with the unit it changes
        #expect(dropIn?.containers.first?.subject == "Quadlet container a.container (drop-in 10.conf)")
        #expect(dropIn?.containers.first?.isComplete == false)
        #expect(dropIn?.containers.first?.privileged?.value == true)
    }
}
