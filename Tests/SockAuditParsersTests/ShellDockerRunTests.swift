import SockAuditCore
import SockAuditParsers
import Testing

/// `docker run` and friends -> ContainerSpec: the flag table finds the image, combined short flags
/// are read letter by letter, and what follows the image is the container's own command.
@Suite struct ShellDockerRunTests {
    static func spec(_ text: String) -> ContainerSpec? {
        let script = ShellScript.parse(text)
        return script.commands.lazy.compactMap { DockerRunCommand.container($0, path: "run.sh") }.first
    }

    @Test(arguments: [
        ("docker run alpine", "alpine"),
        ("docker run -it --rm -e A=1 --name x -p 80:80 nginx:1.27 nginx -g daemon", "nginx:1.27"),
        ("docker run -itv /a:/b alpine sh", "alpine"),
        ("docker run -dp 80:80 -w /src node:20 npm start", "node:20"),
        ("docker run -m512m --cpus=1 -u 1000 alpine", "alpine"),
        ("docker run --init --read-only --privileged --rm alpine", "alpine"),
        ("docker run --network host --log-opt max-size=1m --restart=always redis", "redis"),
        ("podman run --pod p --userns keep-id --secret s registry/x:1", "registry/x:1"),
        ("nerdctl container run --gpus all -h host img", "img"),
        ("docker container create --cap-add NET_ADMIN img", "img"),
        ("docker -H tcp://x:2376 --tlsverify run img", "img"),
        ("docker service create --replicas 2 --mode replicated --limit-memory 1g svc", "svc"),
        ("docker run -- img", "img"),
    ])
    func findsTheImage(command: String, image: String) {
        #expect(Self.spec(command)?.image == image)
    }

    @Test func looksAlikesAreNotContainers() {
        for text in ["docker ps", "docker run", "docker image ls", "docker build -t x .", "docker compose run app", "echo docker run x", "ls -l /var/run/docker.sock"] {
            #expect(Self.spec(text) == nil, "\(text)")
        }
    }

    @Test func flagsAfterTheImageBelongToTheContainer() throws {
        let spec = try #require(Self.spec("docker run -v /var/run/docker.sock:/s alpine docker run -v /:/host --privileged alpine"))
        #expect(spec.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(spec.privileged == nil)
        #expect(spec.command.first?.value == "docker")
    }

    @Test func readsEveryFlagSpelling() throws {
        let text = """
            docker run -itv /a:/a --volume=/b:/b:ro --volume /c:/c \\
              --mount type=bind,src=/d,dst=/d,readonly --mount "type=bind,source=/e,destination=/e" \\
              --mount type=volume,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/f,target=/f \\
              --privileged=false --cap-add=sys_admin --cap-drop ALL --security-opt seccomp=unconfined \\
              --security-opt=apparmor:unconfined --security-opt label=disable --security-opt no-new-privileges \\
              --pid=host --ipc host --net=host --userns=host -u 1000:1000 --read-only -m 1g --cpus 2 --pids-limit 100 \\
              -e POST=1 -p 127.0.0.1:2375:2375 --use-api-socket img
            """
        let spec = try #require(Self.spec(text))
        #expect(spec.mounts.map(\.source) == ["/a", "/b", "/c", "/d", "/e", "/f", "/var/run/docker.sock"])
        #expect(spec.mounts.map(\.readOnly) == [false, true, false, true, false, false, false])
        #expect(spec.mounts.map(\.location.line) == [1, 1, 1, 2, 2, 3, 7])
        #expect(spec.privileged?.value == false)
        #expect(spec.capabilitiesAdded.map(\.value) == ["SYS_ADMIN"])
        #expect(spec.capabilitiesDropped.map(\.value) == ["ALL"])
        #expect(spec.seccomp?.value == .unconfined)
        #expect(spec.appArmor?.value == .unconfined)
        #expect(spec.seLinux?.value == .disabled)
        #expect(spec.noNewPrivileges?.value == true)
        #expect(spec.hostPID?.value == true && spec.hostIPC?.value == true && spec.hostNetwork?.value == true)
        #expect(spec.hostUserNamespace?.value == true)
        #expect(spec.user?.value == "1000:1000")
        #expect(spec.readOnlyRootFilesystem?.value == true)
        #expect(spec.memoryLimit?.value == "1g" && spec.cpuLimit?.value == "2" && spec.pidsLimit?.value == "100")
        #expect(spec.environment.map(\.value) == ["POST=1"])
        #expect(spec.publishedPorts.first?.value == PublishedPort(hostIP: "127.0.0.1", hostPort: "2375", containerPort: "2375"))
        #expect(spec.image == "img")
        #expect(spec.subject == "docker run of img")
        #expect(spec.dialect == .commandLine)
        #expect(spec.pidsLimit?.location.line == 6)
    }

    @Test func namedAndAnonymousVolumesAreNotHostSources() throws {
        let spec = try #require(Self.spec("docker run -v data:/data -v /anon --mount source=vol,target=/v --mount type=tmpfs,target=/t img"))
        #expect(spec.mounts.isEmpty)
    }

    @Test func socketForwards() {
        let script = ShellScript.parse("""
            socat -d -d TCP-LISTEN:2375,fork,bind=0.0.0.0 UNIX-CONNECT:/var/run/docker.sock
            socat UNIX-CONNECT:/run/docker.sock TCP6-LISTEN:2375,bind=127.0.0.1
            socat TCP-LISTEN:80 TCP:web:80
            ssh -gNL 2375:/var/run/docker.sock host
            ssh -L 127.0.0.1:2375:/var/run/docker.sock host
            ssh -R [::]:2375:/var/run/docker.sock host
            """)
        let forwards = script.commands.flatMap { SocatCommand.forwards($0, path: "f.sh") + SSHForwardCommand.forwards($0, path: "f.sh") }
        #expect(forwards.map { "\($0.tool) \($0.bindAddress ?? "*all*") \($0.listener.location.line):\($0.listener.location.column)" } == [
            "socat 0.0.0.0 1:13", "socat 127.0.0.1 2:37", "ssh -L *all* 4:5", "ssh -L 127.0.0.1 5:5", "ssh -R :: 6:5",
        ])
    }

    @Test func clientsAndDaemons() {
        let script = ShellScript.parse("""
            export DOCKER_HOST=tcp://a:2375
            docker -H=tcp://b:2375 --tls ps
            dockerd --tlsverify -H tcp://0.0.0.0:2376
            """)
        let clients = script.commands.flatMap { DockerClientCommand.clients($0, path: "c.sh", tlsVerifySet: false) }
        #expect(clients.map { "\($0.address.value) \($0.usesTLS)" } == ["tcp://a:2375 false", "tcp://b:2375 true"])
        let daemons = script.commands.compactMap { DockerdCommand.daemon($0, path: "c.sh") }
        #expect(daemons.count == 1)
        #expect(daemons.first?.tlsVerify?.value == true)
        #expect(daemons.first?.isComplete == false)
    }
}
