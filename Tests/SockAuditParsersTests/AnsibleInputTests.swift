import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Ansible playbooks, task files and Molecule scenarios in the shapes they are written.
@Suite struct AnsibleInputTests {
    static func facts(_ text: String, path: String = "site.yml") -> Facts? {
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        let input = path.hasSuffix("molecule.yml") ? MoleculeInput() as any DocumentInput : AnsibleInput()
        guard input.claims(file, text: text) else { return nil }
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        return input.facts(from: parsed.documents, file: file, context: .inMemory([:]))
    }

    static func position(_ location: SockAuditCore.SourceLocation?) -> [Int] {
        location.map { [$0.line, $0.column] } ?? []
    }

    @Test func freeFormArgumentsKeepEachValuesColumn() {
        let text = "- hosts: all\n  tasks:\n  - docker_container: name=agent image='example/agent:1' privileged=yes volumes=/var/run:/var/run:ro,/srv/a:/a user=\"1000\"\n"
        let spec = Self.facts(text)?.containers.first
        #expect(spec?.name == "agent")
        #expect(spec?.image == "example/agent:1")
        #expect(spec?.privileged?.value == true)
        #expect(Self.position(spec?.privileged?.location) == [3, 69])
        #expect(spec?.mounts.map(\.source) == ["/var/run", "/srv/a"])
        #expect(spec?.mounts.map { Self.position($0.location) } == [[3, 81], [3, 102]])
        #expect(spec?.user?.value == "1000")
        #expect(Self.position(spec?.user?.location) == [3, 118])
    }

    @Test func taskArgsAreOverriddenByTheModulesOwn() {
        let text = """
            - name: run
              docker_container: name=web image=nginx
              args:
                privileged: true
                image: ignored
            """
        let spec = Self.facts(text, path: "tasks/main.yml")?.containers.first
        #expect(spec?.image == "nginx")
        #expect(spec?.privileged?.value == true)
    }

    @Test func loopItemsAreSubstitutedAndKeepTheirOwnPositions() {
        let text = """
            - name: agents
              community.docker.docker_container:
                name: "agent-{{ item.name }}"
                image: example/agent:1
                volumes: "{{ item.volumes | default(omit) }}"
                network_mode: "{{ item.net }}"
              loop_control:
                loop_var: agent
              loop: []
            - name: shippers
              community.docker.docker_container:
                name: "{{ shipper.name }}"
                image: example/shipper:1
                volumes: "{{ shipper.volumes | default(omit) }}"
              loop:
                - name: a
                  volumes: [/var/run/docker.sock:/var/run/docker.sock]
                - name: b
              loop_control:
                loop_var: shipper
            """
        let containers = Self.facts(text, path: "tasks/main.yml")?.containers ?? []
        #expect(containers.map(\.name) == ["a", "b"])
        #expect(containers.first?.mounts.map { Self.position($0.location) } == [[17, 17]])
        #expect(containers.last?.mounts.isEmpty == true)
        #expect(containers.first?.subject == "docker_container \"a\" in task \"shippers\" (loop item 1)")
    }

    @Test func withItemsFlattensOneLevel() {
        let text = """
            - name: privileged helpers
              docker_container:
                name: "{{ item }}"
                image: example/helper:1
                privileged: true
              with_items:
                - [one, two]
                - three
            """
        #expect(Self.facts(text, path: "tasks/main.yml")?.containers.map(\.name) == ["one", "two", "three"])
    }

    @Test func blocksRescueAndAlwaysAreOpenedAtAnyDepth() {
        let text = """
            - hosts: all
              pre_tasks:
                - docker_container: {name: pre, image: x}
              tasks:
                - block:
                    - block:
                        - docker_container: {name: inner, image: x}
                  rescue:
                    - docker_container: {name: rescue, image: x}
                  always:
                    - docker_container: {name: always, image: x}
              handlers:
                - name: restart
                  docker_container: {name: handler, image: x}
            """
        #expect(Self.facts(text)?.containers.map(\.name) == ["pre", "inner", "rescue", "always", "handler"])
    }

    @Test func templatedValuesAreUnresolvedNotFalse() {
        let text = """
            - name: app
              community.docker.docker_container:
                name: app
                image: example/app:1
                privileged: "{{ app_privileged }}"
                network_mode: "{{ app_net }}"
                read_only: "{{ app_ro | bool }}"
                cap_drop: "{{ app_cap_drop }}"
                user: "{{ app_user }}"
                memory: "{{ app_memory }}"
                volumes:
                  - "{{ app_data }}:/data"
                  - "{{ sock_dir }}/docker.sock:/var/run/docker.sock"
                  - "{{ a if b else 'x:y' }}:/c"
            """
        let spec = Self.facts(text, path: "tasks/main.yml")?.containers.first
        #expect(spec?.privileged == nil)
        #expect(spec?.hostNetwork == nil)
        #expect(spec?.readOnlyRootFilesystem?.spelling == "read_only: a template (unresolved)")
        #expect(spec?.capabilitiesDropped.map(\.value) == ["ALL"])
        #expect(spec?.user?.value == "{{ app_user }}")
        #expect(spec?.memoryLimit != nil)
        #expect(spec?.mounts.map(\.source) == ["{{ sock_dir }}/docker.sock"])
    }

    @Test func actionAndLocalActionNameTheModule() {
        let text = """
            - hosts: all
              tasks:
                - action: docker_container name=old image=x privileged=true
                - local_action:
                    module: community.docker.docker_container
                    name: local
                    image: x
            """
        let containers = Self.facts(text)?.containers ?? []
        #expect(containers.map(\.name) == ["old", "local"])
        #expect(containers.first?.privileged?.value == true)
    }

    @Test func kubernetesDefinitionsInlineAndAsYAMLText() {
        let text = """
            - name: pod
              kubernetes.core.k8s:
                state: present
                definition:
                  apiVersion: v1
                  kind: Pod
                  metadata: {name: inline}
                  spec:
                    containers: [{name: c, image: x, securityContext: {privileged: true}}]
            - name: pod from text
              k8s:
                definition: |
                  apiVersion: v1
                  kind: Pod
                  metadata:
                    name: text
                  spec:
                    hostPID: true
                    containers:
                      - name: c
                        image: "{{ image }}"
            - name: removed
              k8s:
                state: absent
                definition: {apiVersion: v1, kind: Pod, metadata: {name: gone}, spec: {containers: [{name: c, image: x}]}}
            - name: templated
              k8s:
                definition: "{{ lookup('template', 'pod.yml.j2') | from_yaml }}"
            """
        let facts = Self.facts(text, path: "tasks/main.yml")
        #expect(facts?.containers.map(\.subject) == ["container \"c\" in Pod/inline", "container \"c\" in Pod/text"])
        #expect(Self.position(facts?.containers.first?.privileged?.location) == [9, 72])
        #expect(Self.position(facts?.containers.last?.hostPID?.location) == [18, 18])
        #expect(facts?.unscannable.isEmpty == true)
    }

    @Test func shellTasksAreCommandLinesWithTemplatesAsOneWord() {
        let text = """
            - name: start
              ansible.builtin.shell: >
                docker run -d --name agent
                -v {{ sock | default('/var/run/docker.sock') }}:/var/run/docker.sock
                --privileged example/agent:1
            - name: with cmd
              ansible.builtin.command:
                cmd: docker run --pid=host example/top:1
              become: true
            - name: unrelated
              ansible.builtin.command: ls /var/run/docker.sock
            """
        let containers = Self.facts(text, path: "tasks/main.yml")?.containers ?? []
        #expect(containers.count == 2)
        #expect(containers.first?.mounts.isEmpty == true)
        #expect(Self.position(containers.first?.privileged?.location) == [5, 5])
        #expect(containers.last?.hostPID?.value == true)
    }

    @Test func crlfFilesKeepTheirLines() {
        let text = "- hosts: all\r\n  tasks:\r\n    - docker_container: name=a image=x privileged=yes\r\n    - shell: docker run --privileged x\r\n"
        let containers = Self.facts(text)?.containers ?? []
        #expect(containers.map { Self.position($0.privileged?.location) } == [[3, 51], [4, 25]])
    }

    @Test func dockerHostOverPlainTCPIsAClient() {
        let text = """
            - name: remote
              community.docker.docker_container:
                docker_host: tcp://10.0.0.5:2375
                name: a
                image: x
            - name: remote tls
              community.docker.docker_container:
                docker_host: tcp://10.0.0.5:2376
                tls: yes
                name: b
                image: x
            """
        let clients = Self.facts(text, path: "tasks/main.yml")?.clients ?? []
        #expect(clients.map(\.usesTLS) == [false, true])
        #expect(Self.position(clients.first?.address.location) == [3, 18])
    }

    @Test func podmanSpellingsAreRead() {
        let text = """
            - name: p
              containers.podman.podman_container:
                name: p
                image: x
                cap_add: [sys_admin]
                security_opt: [label=disable, no-new-privileges]
                network: host
                pid: host
                userns: host
                mount:
                  - type=bind,source=/run/podman/podman.sock,destination=/run/podman.sock
                publish: ["127.0.0.1:8080:80"]
            """
        let spec = Self.facts(text, path: "tasks/main.yml")?.containers.first
        #expect(spec?.capabilitiesAdded.map(\.value) == ["SYS_ADMIN"])
        #expect(spec?.seLinux?.value == .disabled)
        #expect(spec?.noNewPrivileges?.value == true)
        #expect(spec?.hostNetwork?.value == true)
        #expect(spec?.hostPID?.value == true)
        #expect(spec?.hostUserNamespace?.value == true)
        #expect(spec?.mounts.map(\.source) == ["/run/podman/podman.sock"])
        #expect(spec?.publishedPorts.first?.value.hostIP == "127.0.0.1")
    }

    @Test func otherYAMLIsNeverAPlaybook() {
        // a Compose file, a Kubernetes manifest, a workflow: mappings, not lists of plays or tasks
        #expect(Self.facts("services:\n  a:\n    image: docker:dind\n    privileged: true\n", path: "docker-compose.yml") == nil)
        #expect(Self.facts("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: docker}]}\n", path: "pod.yml") == nil)
        #expect(Self.facts("jobs:\n  a:\n    steps:\n      - run: docker run --privileged x\n", path: ".github/workflows/ci.yml") == nil)
        // a list of mappings with a `command` key but nothing else of Ansible's
        #expect(Self.facts("- name: build\n  command: docker run --privileged x\n", path: "config/steps.yml") == nil)
        // but the same in a role's tasks folder is a task list
        #expect(Self.facts("- name: build\n  command: docker run --privileged x\n", path: "roles/a/tasks/main.yml")?.containers.count == 1)
        // a YAML file that only mentions docker is not claimed (were it broken, it is not Ansible's SA901)
        #expect(AnsibleInput().claims(SourceFile(path: "notes.yml", bytes: []), text: "foo: [docker\n") == false)
        #expect(AnsibleInput().claims(SourceFile(path: "site.yml", bytes: []), text: "- shell: docker ps\n") == true)
        // and a JSON file is not claimed
        #expect(AnsibleInput().claims(SourceFile(path: "x.json", bytes: []), text: "[{\"docker_container\": {}}]") == false)
    }

    @Test func moleculePlatformsOfContainerDriversOnly() {
        let docker = """
            driver:
              name: docker
            platforms:
              - name: instance
                image: geerlingguy/docker-debian12-ansible
                privileged: true
                cgroupns_mode: host
                volumes:
                  - /sys/fs/cgroup:/sys/fs/cgroup:rw
            """
        let spec = Self.facts(docker, path: "molecule/default/molecule.yml")?.containers.first
        #expect(spec?.subject == "platform \"instance\" of Molecule scenario \"default\"")
        #expect(spec?.privileged?.value == true)
        #expect(spec?.mounts.map(\.source) == ["/sys/fs/cgroup"])
        #expect(spec?.isComplete == false)
        let delegated = "driver:\n  name: delegated\nplatforms:\n  - name: vm\n    privileged: true\n"
        #expect(Self.facts(delegated, path: "molecule/default/molecule.yml")?.containers.isEmpty == true)
    }

    /// The drivers pass only the keys their create playbooks name: Molecule 1's `cap_add` and
    /// `volume_mounts` (still found in old scenarios) create nothing, and the podman driver spells
    /// the network `network`, the docker driver `network_mode`.
    @Test func moleculePlatformKeysAreTheOnesTheDriverPassesOn() throws {
        let old = """
            driver:
              name: docker
            platforms:
              - name: xenial
                image: ubuntu:16.04
                cap_add:
                  - SYS_ADMIN
                volume_mounts:
                  - "/sys/fs/cgroup:/sys/fs/cgroup:ro"
                read_only: false
                capabilities: [NET_ADMIN]
                privileged: true
            """
        let docker = try #require(Self.facts(old, path: "molecule/default/molecule.yml")?.containers.first)
        #expect(docker.capabilitiesAdded.map(\.value) == ["NET_ADMIN"])
        #expect(docker.capabilitiesAdded.first?.location.line == 11)
        #expect(docker.mounts.isEmpty)
        #expect(docker.readOnlyRootFilesystem == nil)
        #expect(docker.privileged?.location.line == 12)
        let podman = """
            driver:
              name: podman
            platforms:
              - name: fedora
                image: fedora:40
                network: host
                network_mode: host
                user: root
                volumes: [/run/podman/podman.sock:/run/podman/podman.sock]
            """
        let spec = try #require(Self.facts(podman, path: "molecule/default/molecule.yml")?.containers.first)
        #expect(spec.hostNetwork?.value == true)
        #expect(spec.hostNetwork?.location.line == 6)
        #expect(spec.user == nil)
        #expect(spec.mounts.map(\.source) == ["/run/podman/podman.sock"])
    }
    /// The podman driver appends a platform's `extra_opts` to `podman run` (its `cmd_args`): they are
    /// run flags, each at its entry. The docker driver has no such key and passes nothing on.
    @Test func moleculePodmanExtraOptsAreRunFlags() throws {
        let podman = """
            driver:
              name: podman
            platforms:
              - name: rocky9
                image: rockylinux:9
                extra_opts:
                  - --privileged
                  - --volume=/run/podman/podman.sock:/run/podman/podman.sock:ro
                  - "--cap-add=SYS_ADMIN"
            """
        let spec = try #require(Self.facts(podman, path: "molecule/default/molecule.yml")?.containers.first)
        #expect(spec.privileged?.value == true)
        #expect(Self.position(spec.privileged?.location) == [7, 9])
        #expect(spec.privileged?.spelling == "extra_opts: --privileged")
        #expect(spec.mounts.map(\.source) == ["/run/podman/podman.sock"])
        #expect(spec.mounts.first?.readOnly == true)
        #expect(Self.position(spec.mounts.first?.location) == [8, 9])
        #expect(spec.capabilitiesAdded.map(\.value) == ["SYS_ADMIN"])
        #expect(Self.position(spec.capabilitiesAdded.first?.location) == [9, 9])
        let docker = podman.replacingOccurrences(of: "name: podman", with: "name: docker")
        let ignored = try #require(Self.facts(docker, path: "molecule/default/molecule.yml")?.containers.first)
        #expect(ignored.privileged == nil)
        #expect(ignored.mounts.isEmpty)
    }

    /// ansible-core routes the old built-in name to community.docker.
    @Test func builtinDockerContainerNameIsRouted() throws {
        let text = """
            - name: Portainer
              ansible.builtin.docker_container:
                name: portainer
                image: portainer/portainer-ce:latest
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock
            """
        let spec = try #require(Self.facts(text, path: "roles/portainer/tasks/main.yml")?.containers.first)
        #expect(spec.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(Self.position(spec.mounts.first?.location) == [6, 9])
    }
}
