import SockAuditCore

/// Ansible playbooks, roles' task files and Molecule scenarios; each rule appends its own. `↓` marks
/// where each finding must land: the value (a list entry), or the module's key for a setting the
/// task leaves out.
enum AnsibleExamples {
    /// The same text with CRLF line ends, as files edited on Windows have them.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    static let socketMountFiring: [Example] = [
        Example("playbooks/monitoring.yml", """
            ---
            - name: Deploy monitoring agents
              hosts: docker_hosts
              become: true
              tasks:
                - name: Run the Portainer agent
                  community.docker.docker_container:
                    name: portainer_agent
                    image: portainer/agent:2.21.0
                    restart_policy: always
                    published_ports:
                      - "9001:9001"
                    volumes:
                      - ↓/var/run/docker.sock:/var/run/docker.sock
                      - portainer_data:/data
                  tags: [monitoring]

                - name: Start log shippers
                  block:
                    - name: Run promtail
                      docker_container:
                        name: "{{ item.name }}"
                        image: grafana/promtail:3.0.0
                        volumes: "{{ item.volumes }}"
                      loop:
                        - name: promtail
                          volumes:
                            - ↓/run/docker.sock:/run/docker.sock:ro
                            - /srv/promtail:/etc/promtail:ro
                        - name: promtail-journal
                          volumes:
                            - /srv/journal:/var/log/journal:ro
                  rescue:
                    - name: Run the fallback shipper
                      ansible.builtin.shell: docker run -d --name shipper ↓-v /var/run/docker.sock:/var/run/docker.sock:ro example/shipper:1

                - docker_container: name=cadvisor image=gcr.io/cadvisor/cadvisor:v0.49.1 volumes=↓/var/run:/var/run:ro,/srv/cadvisor:/data
            """),
        Example("roles/ci_runner/tasks/main.yml", crlf("""
            ---
            - name: Run the socket proxy
              containers.podman.podman_container:
                name: socket-proxy
                image: docker.io/example/socket-proxy:1.2
                volume:
                  - ↓/run/podman/podman.sock:/var/run/docker.sock:z
              become: true

            - name: Run the build agent
              community.docker.docker_container:
                name: agent
                image: "{{ agent_image }}"
                mounts:
                  - type: bind
                    source: ↓/run/containerd/containerd.sock
                    target: /run/containerd/containerd.sock
                    read_only: true
                  - source: agent_cache
                    target: /cache
            """)),
        Example("roles/node_agent/tasks/main.yml", """
            - name: Deploy the node agent
              kubernetes.core.k8s:
                state: present
                definition:
                  apiVersion: apps/v1
                  kind: DaemonSet
                  metadata:
                    name: node-agent
                    namespace: monitoring
                  spec:
                    selector:
                      matchLabels: {app: node-agent}
                    template:
                      metadata:
                        labels: {app: node-agent}
                      spec:
                        containers:
                          - name: agent
                            image: example/node-agent:3
                            volumeMounts:
                              - {name: sock, mountPath: /var/run/docker.sock}
                        volumes:
                          - name: sock
                            hostPath:
                              path: ↓/var/run/docker.sock
            """),
        Example("molecule/default/molecule.yml", """
            ---
            dependency:
              name: galaxy
            driver:
              name: docker
            platforms:
              - name: instance
                image: docker:27-cli
                pre_build_image: true
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
            provisioner:
              name: ansible
            """),
        Example("roles/portainer/tasks/main.yml", """
            ---
            - name: Run Portainer
              ansible.builtin.docker_container:
                name: portainer
                image: portainer/portainer-ce:latest
                restart_policy: always
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                  - portainer_data:/data
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("playbooks/app.yml", """
            - hosts: web
              tasks:
                - name: Run the app
                  community.docker.docker_container:
                    name: app
                    image: example/app:4
                    volumes:
                      - app_data:/var/lib/app
                      - "{{ docker_socket_path }}:/var/run/docker.sock"
                    mounts:
                      - source: docker.sock
                        target: /data
                - name: Remove the old agent
                  community.docker.docker_container:
                    name: old-agent
                    image: portainer/agent:1
                    state: absent
                    volumes:
                      - /var/run/docker.sock:/var/run/docker.sock
                - name: Look at the socket
                  ansible.builtin.command: ls -l /var/run/docker.sock
                - name: Read container facts
                  community.docker.docker_container_info:
                    name: app
            """),
    ]

    static let clientPlainTCPFiring: [Example] = [
        Example("deploy.yml", """
            - hosts: localhost
              connection: local
              tasks:
                - name: Start the app on the build host
                  community.docker.docker_container:
                    docker_host: ↓tcp://build-host.internal:2375
                    name: app
                    image: example/app:4
            """),
    ]

    static let clientPlainTCPSilent: [Example] = [
        Example("deploy.yml", """
            - hosts: localhost
              tasks:
                - name: Start the app over TLS
                  community.docker.docker_container:
                    docker_host: tcp://build-host.internal:2376
                    tls: true
                    validate_certs: true
                    name: app
                    image: example/app:4
                - name: Start the app over SSH
                  community.docker.docker_container:
                    docker_host: ssh://deploy@build-host.internal
                    name: app
                    image: example/app:4
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("playbooks/dind.yml", """
            - name: CI hosts
              hosts: ci
              become: yes
              tasks:
                - name: Run docker-in-docker
                  community.docker.docker_container:
                    name: dind
                    image: docker:27-dind
                    privileged: ↓true
                - name: Run the builders
                  containers.podman.podman_container:
                    name: "{{ item.name }}"
                    image: quay.io/example/builder:2
                    privileged: "{{ item.privileged | default(omit) }}"
                  with_items:
                    - name: builder-a
                      privileged: ↓yes
                    - name: builder-b
                - docker_container: name=sysbox image=example/sysbox privileged=↓yes
            """),
        Example("molecule/default/molecule.yml", """
            driver:
              name: docker
            platforms:
              - name: ubuntu2204
                image: geerlingguy/docker-ubuntu2204-ansible:latest
                command: ""
                volumes:
                  - /sys/fs/cgroup:/sys/fs/cgroup:rw
                cgroupns_mode: host
                privileged: ↓true
                pre_build_image: true
            """),
        Example("molecule/podman/molecule.yml", """
            driver:
              name: podman
            platforms:
              - name: rocky9
                image: quay.io/rockylinux/rockylinux:9
                command: /usr/sbin/init
                extra_opts:
                  - ↓--privileged
                  - --cgroupns=host
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("playbooks/web.yml", """
            - hosts: web
              tasks:
                - name: Run nginx
                  community.docker.docker_container:
                    name: nginx
                    image: nginx:1.27
                    privileged: false
                - name: Run the agent as the inventory says
                  community.docker.docker_container:
                    name: agent
                    image: example/agent:1
                    privileged: "{{ agent_privileged }}"
            """),
        Example("molecule/default/molecule.yml", """
            driver:
              name: delegated
            platforms:
              - name: vm1
                privileged: true
            """),
        Example("molecule/default/molecule.yml", """
            driver:
              name: docker
            platforms:
              - name: rocky9
                image: quay.io/rockylinux/rockylinux:9
                extra_opts:
                  - --privileged
            """),
    ]

    static let capabilityFiring: [Example] = [
        Example("roles/vpn/tasks/main.yml", """
            - name: Run WireGuard
              community.docker.docker_container:
                name: wireguard
                image: linuxserver/wireguard:1.0
                capabilities:
                  - ↓NET_ADMIN
                  - ↓sys_module
                cap_drop: [ALL]
            - name: Run the tracer
              containers.podman.podman_container:
                name: tracer
                image: quay.io/example/tracer:1
                cap_add: [↓SYS_PTRACE]
            """),
    ]

    static let capabilitySilent: [Example] = [
        Example("roles/web/tasks/main.yml", """
            - name: Run nginx
              community.docker.docker_container:
                name: nginx
                image: nginx:1.27
                capabilities: [NET_BIND_SERVICE]
                cap_drop: [ALL]
            """),
        Example("molecule/default/molecule.yml", """
            dependency:
              name: galaxy
            driver:
              name: docker
            platforms:
              - name: bionic
                image: ubuntu:18.04
                # Molecule 1 keys: the docker driver no longer passes them on
                cap_add:
                  - SYS_ADMIN
                volume_mounts:
                  - /sys/fs/cgroup:/sys/fs/cgroup:ro
                command: /sbin/init
            """),
    ]

    static let capabilitiesNotDroppedFiring: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              ↓community.docker.docker_container:
                name: app
                image: example/app:4
            - name: Run the worker
              ↓docker_container:
                name: worker
                image: example/worker:4
                cap_drop: [NET_RAW]
            """),
    ]

    static let capabilitiesNotDroppedSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                cap_drop: [ALL]
            - name: Run the worker
              containers.podman.podman_container:
                name: worker
                image: example/worker:4
                cap_drop: "{{ worker_cap_drop }}"
            - name: Restart the app
              community.docker.docker_container:
                name: app
                state: started
                restart: true
            """),
        Example("molecule/default/molecule.yml", """
            driver:
              name: docker
            platforms:
              - name: instance
                image: debian:12
            """),
    ]

    static let seccompFiring: [Example] = [
        Example("playbooks/debug.yml", """
            - hosts: all
              tasks:
                - name: Run the debugger
                  community.docker.docker_container:
                    name: debug
                    image: example/debug:1
                    security_opts:
                      - ↓seccomp=unconfined
            """),
    ]

    static let seccompSilent: [Example] = [
        Example("playbooks/debug.yml", """
            - hosts: all
              tasks:
                - name: Run the debugger
                  community.docker.docker_container:
                    name: debug
                    image: example/debug:1
                    security_opts:
                      - seccomp=/etc/docker/seccomp/debug.json
                      - no-new-privileges
            """),
    ]

    static let macFiring: [Example] = [
        Example("playbooks/agents.yml", """
            - hosts: all
              tasks:
                - name: Run the agent
                  community.docker.docker_container:
                    name: agent
                    image: example/agent:1
                    security_opts: [↓apparmor=unconfined]
                - name: Run the podman agent
                  containers.podman.podman_container:
                    name: pagent
                    image: quay.io/example/agent:1
                    security_opt:
                      - ↓label=disable
            """),
    ]

    static let macSilent: [Example] = [
        Example("playbooks/agents.yml", """
            - hosts: all
              tasks:
                - name: Run the agent
                  community.docker.docker_container:
                    name: agent
                    image: example/agent:1
                    security_opts: [apparmor=docker-default]
            """),
    ]

    static let noNewPrivilegesFiring: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              become: true
              ↓community.docker.docker_container:
                name: app
                image: example/app:4
              tags: [app]
            - name: Run the agent
              community.docker.docker_container:
                name: agent
                image: example/agent:1
                security_opts: [↓"no-new-privileges=false"]
            """),
    ]

    static let noNewPrivilegesSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                security_opts: [no-new-privileges]
            - name: Run the podman app
              containers.podman.podman_container:
                name: papp
                image: example/app:4
                security_opt:
                  - no-new-privileges
            - name: Run the templated app
              community.docker.docker_container:
                name: tapp
                image: example/app:4
                security_opts: "{{ app_security_opts }}"
            """),
    ]

    static let writableRootFiring: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              ↓docker_container:
                name: app
                image: example/app:4
            - name: Run the worker
              docker_container:
                name: worker
                image: example/worker:4
                read_only: ↓no
            """),
    ]

    static let writableRootSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              docker_container:
                name: app
                image: example/app:4
                read_only: true
            - name: Run the worker
              docker_container:
                name: worker
                image: example/worker:4
                read_only: "{{ worker_read_only }}"
            """),
    ]

    static let runsAsRootFiring: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              ↓community.docker.docker_container:
                name: app
                image: example/app:4
            - name: Run the backup
              community.docker.docker_container:
                name: backup
                image: example/backup:4
                user: ↓root
            """),
    ]

    static let runsAsRootSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                user: "1000:1000"
            - name: Run the backup
              community.docker.docker_container:
                name: backup
                image: example/backup:4
                user: "{{ backup_uid }}"
            """),
    ]

    static let hostPIDFiring: [Example] = [
        Example("playbooks/observability.yml", """
            - hosts: all
              tasks:
                - name: Run node exporter
                  community.docker.docker_container:
                    name: node-exporter
                    image: prom/node-exporter:v1.8.2
                    pid_mode: ↓host
                - name: Run the profiler
                  containers.podman.podman_container:
                    name: profiler
                    image: quay.io/example/profiler:1
                    pid: ↓host
            """),
    ]

    static let hostPIDSilent: [Example] = [
        Example("playbooks/observability.yml", """
            - hosts: all
              tasks:
                - name: Run the sidecar
                  community.docker.docker_container:
                    name: sidecar
                    image: example/sidecar:1
                    pid_mode: container:app
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("playbooks/observability.yml", """
            - hosts: all
              tasks:
                - name: Run node exporter
                  community.docker.docker_container:
                    name: node-exporter
                    image: prom/node-exporter:v1.8.2
                    network_mode: ↓host
                - name: Run the podman exporter
                  containers.podman.podman_container:
                    name: pexporter
                    image: quay.io/example/exporter:1
                    network: ↓host
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("playbooks/observability.yml", """
            - hosts: all
              tasks:
                - name: Run the app
                  community.docker.docker_container:
                    name: app
                    image: example/app:4
                    network_mode: bridge
                    networks:
                      - name: backend
                - name: Run the templated app
                  community.docker.docker_container:
                    name: tapp
                    image: example/app:4
                    network_mode: "{{ app_network_mode }}"
            """),
    ]

    static let hostIPCFiring: [Example] = [
        Example("playbooks/shm.yml", """
            - hosts: all
              tasks:
                - name: Run the cache
                  community.docker.docker_container:
                    name: cache
                    image: example/cache:1
                    ipc_mode: ↓host
            """),
    ]

    static let hostIPCSilent: [Example] = [
        Example("playbooks/shm.yml", """
            - hosts: all
              tasks:
                - name: Run the cache
                  community.docker.docker_container:
                    name: cache
                    image: example/cache:1
                    ipc_mode: private
            """),
    ]

    static let hostUsernsFiring: [Example] = [
        Example("playbooks/builder.yml", """
            - hosts: all
              tasks:
                - name: Run the builder
                  community.docker.docker_container:
                    name: builder
                    image: example/builder:1
                    userns_mode: ↓host
            """),
    ]

    static let hostUsernsSilent: [Example] = [
        Example("playbooks/builder.yml", """
            - hosts: all
              tasks:
                - name: Run the builder
                  community.docker.docker_container:
                    name: builder
                    image: example/builder:1
                    userns_mode: ""
            """),
    ]

    static let sensitivePathFiring: [Example] = [
        Example("playbooks/backup.yml", """
            - hosts: all
              become: true
              tasks:
                - name: Run the backup agent
                  community.docker.docker_container:
                    name: backup
                    image: example/backup:4
                    volumes:
                      - ↓/etc:/host/etc:ro
                      - ↓/var/lib/docker/volumes:/volumes:ro
                      - /srv/backup:/backup
            """),
        Example("molecule/default/molecule.yml", """
            driver:
              name: docker
            platforms:
              - name: rockylinux9
                image: geerlingguy/docker-rockylinux9-ansible:latest
                volumes:
                  - ↓/sys/fs/cgroup:/sys/fs/cgroup:rw
                cgroupns_mode: host
                command: /usr/sbin/init
                pre_build_image: true
            """),
    ]

    static let sensitivePathSilent: [Example] = [
        Example("playbooks/backup.yml", """
            - hosts: all
              tasks:
                - name: Run the backup agent
                  community.docker.docker_container:
                    name: backup
                    image: example/backup:4
                    volumes:
                      - /srv/backup:/backup
                      - /etc/ssl/certs:/etc/ssl/certs:ro
                      - "{{ backup_source }}:/data:ro"
            """),
    ]

    static let limitFiring: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              ↓community.docker.docker_container:
                name: app
                image: example/app:4
            """),
    ]

    static let memorySilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                memory: 512m
            - name: Run the worker
              containers.podman.podman_container:
                name: worker
                image: example/worker:4
                memory: "{{ worker_memory }}"
            """),
    ]

    static let cpuSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                cpus: 1.5
            """),
    ]

    static let pidsSilent: [Example] = [
        Example("roles/app/tasks/main.yml", """
            - name: Run the app
              community.docker.docker_container:
                name: app
                image: example/app:4
                pids_limit: 256
            """),
    ]
}
