import SockAuditCore

/// Podman Quadlet unit examples (`*.container`, `*.pod`, `*.kube`): each key is the `podman run`
/// flag Quadlet makes of it.
enum QuadletExamples {
    static let socketMountFiring: [Example] = [
        Example("etc/containers/systemd/agent.container", """
            # Managed by ansible: do not edit
            [Unit]
            Description=CI agent
            After=network-online.target

            [Container]
            Image=registry.example.com/ci/agent:2.14
            Volume=↓/run/podman/podman.sock:/run/podman/podman.sock:Z
            Mount=↓type=bind,src=/run/containerd,dst=/run/containerd,ro
            PodmanArgs=--log-level=info \\
              ↓-v /var/run/docker.sock:/var/run/docker.sock

            [Install]
            WantedBy=multi-user.target default.target
            """),
        Example("home/ci/.config/containers/systemd/runner.container", "[Container]\r\nImage=quay.io/example/runner:1\r\nVolume=↓%t/podman/podman.sock:/var/run/docker.sock\r\n"),
        Example("deploy/monitor.pod", """
            [Pod]
            PodName=monitor
            Volume=↓/run/user/1000/podman/podman.sock:/run/podman.sock
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("etc/containers/systemd/web.container", """
            [Container]
            Image=docker.io/library/nginx:1.27
            Volume=web-data.volume:/usr/share/nginx/html:ro
            Volume=/srv/web/conf.d:/etc/nginx/conf.d:ro,Z
            # Volume=/run/podman/podman.sock:/run/podman/podman.sock
            Environment=SOCKET=/run/podman/podman.sock

            [Service]
            ExecStartPre=/usr/bin/mkdir -p /srv/web
            """),
        Example("lib/Container/Runtime.pod", """
            =head1 NAME

            Container::Runtime - mounts Volume=/run/podman/podman.sock:/x for you

            =cut
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("etc/containers/systemd/builder.container", """
            [Container]
            Image=quay.io/buildah/stable:v1.37
            PodmanArgs=--device /dev/fuse ↓--privileged
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("etc/containers/systemd/builder.container", """
            [Container]
            Image=quay.io/buildah/stable:v1.37
            AddDevice=/dev/fuse
            PodmanArgs=--privileged=false
            Exec=buildah bud --privileged .
            """),
    ]

    static let capabilityFiring: [Example] = [
        Example("etc/containers/systemd/vpn.container", """
            [Container]
            Image=docker.io/linuxserver/wireguard:1.0
            AddCapability=↓NET_ADMIN ↓SYS_MODULE
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example("etc/containers/systemd/web.container", """
            [Container]
            Image=docker.io/library/caddy:2
            DropCapability=all
            AddCapability=NET_BIND_SERVICE
            """),
    ]

    static let capabilitiesNotDroppedFiring: [Example] = [
        Example("etc/containers/systemd/web.container", """
            # web front end
            ↓[Container]
            Image=docker.io/library/caddy:2
            AddCapability=NET_BIND_SERVICE
            """),
    ]

    static let capabilitiesNotDroppedSilent: [Example] = [
        Example("etc/containers/systemd/web.container", """
            [Container]
            Image=docker.io/library/caddy:2
            DropCapability=ALL
            """),
        // a pod states only what it adds to its containers
        Example("etc/containers/systemd/web.pod", "[Pod]\nPublishPort=8080:80\n"),
    ]

    static let seccompFiring: [Example] = [
        Example("etc/containers/systemd/debug.container", """
            [Container]
            Image=registry.example.com/tools/debug:3
            SeccompProfile=↓unconfined
            """),
    ]

    static let seccompSilent: [Example] = [
        Example("etc/containers/systemd/debug.container", """
            [Container]
            Image=registry.example.com/tools/debug:3
            SeccompProfile=/etc/containers/seccomp.d/debug.json
            """),
    ]

    static let macFiring: [Example] = [
        Example("etc/containers/systemd/agent.container", """
            [Container]
            Image=registry.example.com/ci/agent:2.14
            SecurityLabelDisable=↓true
            """),
        Example("etc/containers/systemd/spc.container", """
            [Container]
            Image=registry.example.com/ci/agent:2.14
            SecurityLabelType=↓spc_t
            """),
    ]

    static let macSilent: [Example] = [
        Example("etc/containers/systemd/agent.container", """
            [Container]
            Image=registry.example.com/ci/agent:2.14
            SecurityLabelDisable=false
            SecurityLabelType=container_t
            """),
    ]

    static let noNewPrivilegesFiring: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            NoNewPrivileges=↓no
            """),
        Example("etc/containers/systemd/worker.container", """
            ↓[Container]
            Image=registry.example.com/worker:4
            """),
    ]

    static let noNewPrivilegesSilent: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            NoNewPrivileges=true
            """),
    ]

    static let writableRootFiring: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            ReadOnly=↓false
            """),
    ]

    static let writableRootSilent: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            ReadOnly=yes
            ReadOnlyTmpfs=true
            """),
    ]

    static let runsAsRootFiring: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            User=↓root
            Group=root
            """),
    ]

    static let runsAsRootSilent: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            User=1000
            """),
    ]

    static let hostPIDFiring: [Example] = [
        Example("etc/containers/systemd/node-exporter.container", """
            [Container]
            Image=quay.io/prometheus/node-exporter:v1.8.2
            PodmanArgs=↓--pid=host
            """),
    ]

    static let hostPIDSilent: [Example] = [
        Example("etc/containers/systemd/node-exporter.container", """
            [Container]
            Image=quay.io/prometheus/node-exporter:v1.8.2
            PodmanArgs=--pid=private
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("etc/containers/systemd/node-exporter.container", """
            [Container]
            Image=quay.io/prometheus/node-exporter:v1.8.2
            Network=↓host
            """),
        Example("etc/containers/systemd/monitor.pod", """
            [Pod]
            Network=↓host
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("etc/containers/systemd/web.container", """
            [Container]
            Image=docker.io/library/nginx:1.27
            Network=frontend.network
            PublishPort=127.0.0.1:8080:80
            """),
    ]

    static let hostUsernsFiring: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            UserNS=↓host
            """),
    ]

    static let hostUsernsSilent: [Example] = [
        Example("etc/containers/systemd/app.container", """
            [Container]
            Image=registry.example.com/app:4
            UserNS=auto
            """),
    ]

    static let sensitivePathFiring: [Example] = [
        Example("etc/containers/systemd/backup.container", """
            [Container]
            Image=registry.example.com/backup:1
            Volume=↓/:/host:ro
            Volume=↓/proc:/host/proc:ro
            """),
    ]

    static let sensitivePathSilent: [Example] = [
        Example("etc/containers/systemd/backup.container", """
            [Container]
            Image=registry.example.com/backup:1
            Volume=/srv/backup:/backup:Z
            Volume=backup.volume:/data
            """),
    ]

    static let limitFiring: [Example] = [
        Example("etc/containers/systemd/app.container", """
            ↓[Container]
            Image=registry.example.com/app:4
            """),
        // `infinity` is no limit, and a limit in another unit's section bounds nothing here.
        Example(".config/containers/systemd/cache.container", """
            [Unit]
            Description=Cache
            MemoryMax=256M

            ↓[Container]
            Image=docker.io/library/redis:7

            [Service]
            MemoryMax=infinity
            TasksMax=infinity
            CPUQuota=
            """),
    ]

    /// Quadlet runs the container inside the service's cgroup (`--cgroups=split`): the
    /// `[Service]` section's `MemoryMax=`, `CPUQuota=` and `TasksMax=` bound it.
    static let memorySilent: [Example] = [
        Example("etc/containers/systemd/app.container", "[Container]\nImage=registry.example.com/app:4\nMemory=512M\n"),
        Example("etc/containers/systemd/worker.container", "[Container]\nImage=registry.example.com/worker:4\nPodmanArgs=--memory 1g\n"),
        Example(".config/containers/systemd/proxy.container", """
            [Unit]
            Description=Reverse proxy
            After=network-online.target

            [Container]
            Image=docker.io/library/traefik:3
            ContainerName=proxy

            [Service]
            Restart=on-failure
            # Resource limits
            MemoryMax=512M
            MemoryHigh=460M

            [Install]
            WantedBy=default.target
            """),
    ]

    static let cpuSilent: [Example] = [
        Example("etc/containers/systemd/app.container", "[Container]\nImage=registry.example.com/app:4\nPodmanArgs=--cpus=1.5\n"),
        Example("etc/containers/systemd/exporter.container", """
            [Container]
            Image=quay.io/prometheus/node-exporter:v1.8.2

            [Service]
            CPUQuota=50%
            """),
    ]

    static let pidsSilent: [Example] = [
        Example("etc/containers/systemd/app.container", "[Container]\nImage=registry.example.com/app:4\nPidsLimit=512\n"),
        Example("etc/containers/systemd/app.container", "[Container]\nImage=registry.example.com/app:4\n\n[Service]\nTasksMax=256\n"),
    ]
}
