import Testing
@testable import SockAuditCore

@Suite struct HostPathTests {
    @Test(arguments: [
        ("/var/run/docker.sock", "/run/docker.sock"),
        ("//var//run/./docker.sock", "/run/docker.sock"),
        ("/var/lib/../run/docker.sock", "/run/docker.sock"),
        ("/var/run/", "/run"),
        ("/var/run", "/run"),
        ("/", "/"),
        ("/..", "/"),
        ("./docker.sock", "docker.sock"),
        ("${XDG_RUNTIME_DIR}/docker.sock", "${XDG_RUNTIME_DIR}/docker.sock"),
        ("/var/runner/x", "/var/runner/x"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(HostPath.normalize(raw) == expected)
    }

    @Test(arguments: [
        "/var/run/docker.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock",
        "/run/user/1000/podman/podman.sock", "$XDG_RUNTIME_DIR/docker.sock", "/var/run/dockershim.sock",
        "/run/cri-dockerd.sock", "/run/buildkit/buildkitd.sock", "/", "/var", "/run", "/var/run/",
        "/run/docker", "/run/containerd", "/run/crio", "/run/podman", "/run/k3s", "/run/k3s/containerd",
        "/run/user", "/run/user/1000", "~/.docker/run", "/home/dev/.docker/run", "/var//run",
        "/var/lib/../run", "/var/run/docker.sock/..",
    ])
    func reachesSocket(path: String) {
        #expect(HostPath.socketExposure(of: path) != nil, "\(path)")
    }

    @Test(arguments: [
        "/var/run/docker.sock.bak", "/var/run/my-docker.sock", "/run/docker.socket", "/var/lib", "/run/lock",
        "/run/user/1000/bus", "/opt/run", "/data", "/etc/docker", "./var/run",
    ])
    func doesNotReachSocket(path: String) {
        #expect(HostPath.socketExposure(of: path) == nil, "\(path)")
    }

    @Test func relativeSocketStillMatchesByBasenameButIsNotAHostPath() {
        // Adapters decide what is a host source; by basename the test matches anywhere.
        #expect(HostPath.isHostPath(HostPath.normalize("./docker.sock")) == false)
        #expect(HostPath.isHostPath(HostPath.normalize("${SOCK_DIR}/docker.sock")))
    }

    @Test(arguments: [
        ("/", "/"), ("/etc", "/etc"), ("/etc/", "/etc"), ("/var", "/var/lib/docker"), ("/var/lib", "/var/lib/docker"),
        ("/proc", "/proc"), ("/var/lib/kubelet", "/var/lib/kubelet"), ("/etc/kubernetes", "/etc/kubernetes"),
        ("/var/lib/docker/volumes", "/var/lib/docker"), ("/sys/fs/cgroup", "/sys"), ("/proc/sys/", "/proc"),
        ("/var/lib/kubelet/pods", "/var/lib/kubelet"), ("/etc/ssh/sshd_config", "/etc/ssh"), ("/etc/shadow", "/etc/shadow"),
        ("/etc/sudoers.d/ci", "/etc/sudoers.d"), ("//var/lib/docker//containers/", "/var/lib/docker"),
    ])
    func sensitive(path: String, folder: String) {
        #expect(HostPath.sensitiveFolder(in: path) == folder)
    }

    @Test(arguments: [
        "/etc/ssl/certs", "/var/log", "/data", "/run/docker.sock", "/home/user/project", "etc", "/dev/fuse",
        "/var/lib/dockerd", "/etc/sshd", "/proc-host", "/etc/sudoers-backup",
    ])
    func notSensitive(path: String) {
        #expect(HostPath.sensitiveFolder(in: path) == nil, "\(path)")
    }
}

@Suite struct TrailingSlashTests {
    @Test(arguments: [("", ""), ("/", "/"), ("////", "/"), ("/a/", "/a"), ("/a///", "/a"), ("a", "a"), ("/é//", "/é")])
    func droppingTrailingSlashes(input: String, expected: String) {
        #expect(HostPath.droppingTrailingSlashes(input) == expected)
    }
}
