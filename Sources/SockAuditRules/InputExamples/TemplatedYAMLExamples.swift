import SockAuditCore

/// YAML written as a template (an Ansible role's `templates/docker-compose.yml.j2`, an envsubst
/// `*.yaml.tmpl`, a Go template `*.gotmpl`); each rule appends its own. `↓` marks where each
/// finding must land: on the template's own line and column.
enum TemplatedYAMLExamples {
    static let socketMountFiring: [Example] = [
        Example("roles/ci_agent/templates/docker-compose.yml.j2", """
            # {{ ansible_managed }}
            services:
            {% for agent in ci_agents %}
              {{ agent.name }}:
                image: "{{ agent_image }}:{{ agent_version }}"
                restart: unless-stopped
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                  - ↓"{{ containerd_dir }}/containerd.sock:/run/containerd/containerd.sock"
                  - "{{ agent_data_dir }}/{{ agent.name }}:/data"
            {# the agents share the host's DNS #}
                dns: {{ agent_dns | to_json }}
            {% endfor %}
            """),
        Example("deploy/node-agent.yaml.tmpl", """
            # rendered with envsubst < node-agent.yaml.tmpl | kubectl apply -f -
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: node-agent
              namespace: ${NAMESPACE}
            spec:
              selector:
                matchLabels: {app: node-agent}
              template:
                metadata:
                  labels: {app: node-agent}
                spec:
                  containers:
                    - name: agent
                      image: ${REGISTRY}/node-agent:${VERSION}
                      volumeMounts:
                        - {name: runtime, mountPath: /host/run/containerd.sock}
                  volumes:
                    - name: runtime
                      hostPath:
                        path: ↓${RUNTIME_DIR}/containerd.sock
            """),
        Example("kind/cluster.yaml.j2", """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: {{ cluster_name }}
            nodes:
              - role: control-plane
            {% for _ in range(worker_count) %}
              - role: worker
                extraMounts:
                  - hostPath: ↓/var/run/docker.sock
                    containerPath: /var/run/docker.sock
            {% endfor %}
            """),
        // Each branch of an if/else that writes the same key is read on its own: the socket in the
        // `if` is not hidden by the `else` that follows it.
        Example("roles/ci_agent/templates/docker-compose.yml.j2", """
            services:
              agent:
                image: "{{ agent_image }}"
            {% if agent_builds_images %}
                volumes:
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                  - "{{ agent_data_dir }}:/data"
            {% elif agent_uses_podman %}
                volumes:
                  - ↓/run/podman/podman.sock:/var/run/docker.sock
            {% else %}
                volumes:
                  - "{{ agent_data_dir }}:/data"
            {% endif %}
            """),
        Example("deploy/agent.yaml.gotmpl", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
                - name: agent
                  image: {{ .Image }}
                  volumeMounts: [{name: runtime, mountPath: /run/runtime.sock}]
              volumes:
                - name: runtime
            {{- if eq .Runtime "docker" }}
                  hostPath:
                    path: ↓/var/run/docker.sock
            {{- else }}
                  hostPath:
                    path: ↓/run/containerd/containerd.sock
            {{- end }}
            """),
        // A control tag that opens a line with text after it: the text is read at the indentation
        // the template writes it at, and at its own column.
        Example("roles/ci_agent/templates/docker-compose.j2", """
            services:
              agent:
                image: "{{ agent_image }}"
                volumes:
            {% for socket in agent_sockets %}      - "{{ socket }}:{{ socket }}"
            {% endfor %}
            {%- if agent_docker %}      - ↓/var/run/docker.sock:/var/run/docker.sock{% endif %}
            """),
        // `{% raw %}` holds literal text, read as it is.
        Example("roles/ci_agent/templates/docker-compose.yml.j2", """
            services:
              agent:
                image: "{{ agent_image }}"
                volumes:
            {% raw %}
                  - ↓/var/run/docker.sock:/var/run/docker.sock
                  - "{{ this is not jinja }}:/literal"
            {% endraw %}
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("roles/ci_agent/templates/docker-compose.yml.j2", """
            services:
              agent:
                image: "{{ agent_image }}"
                volumes:
                  # the socket path comes from the inventory: not known here
                  - "{{ docker_socket_path }}:/var/run/docker.sock"
                  - "{{ agent_data_dir }}:/data"
            """),
        Example("deploy/job.yaml.gotmpl", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{ .Name }}
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: build
                      image: {{ .Image }}
                      {{- with .Args }}
                      args: {{ toJson . }}
                      {{- end }}
                  volumes:
                    - name: workspace
                      emptyDir: {}
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("roles/builder/templates/docker-compose.yml.j2", """
            services:
              builder:
                image: "{{ builder_image }}"
            {% if builder_mode == 'dind' %}
                privileged: ↓true
            {% else %}
                privileged: false
            {% endif %}
            """),
        Example("roles/dind/templates/docker-compose.yml.j2", """
            services:
              dind:
                image: docker:{{ docker_version }}-dind
            {% if dind_tls %}
                environment:
                  DOCKER_TLS_CERTDIR: /certs
            {% endif %}
                privileged: ↓true
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("roles/dind/templates/docker-compose.yml.j2", """
            services:
              dind:
                image: docker:{{ docker_version }}-dind
                # whether it runs privileged is the inventory's choice
                privileged: {{ dind_privileged | default(false) }}
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("deploy/exporter.yaml.tpl", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-exporter-{{ .Node }}
            spec:
              hostNetwork: ↓true
              containers:
                - name: exporter
                  image: quay.io/prometheus/node-exporter:{{ .Version }}
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("deploy/exporter.yaml.tpl", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-exporter-{{ .Node }}
            spec:
              hostNetwork: {{ .HostNetwork }}
              containers:
                - name: exporter
                  image: quay.io/prometheus/node-exporter:{{ .Version }}
            """),
    ]

    static let unscannableFiring: [Example] = [
        Example("roles/web/templates/docker-compose.yml.j2", """
            services:
              web:
                image: ↓{{ web_image
                ports: ["80:80"]
            """),
    ]

    static let unscannableSilent: [Example] = [
        // Branches that each write the same key are each read: no duplicate key.
        Example("roles/web/templates/docker-compose.yml.j2", """
            services:
              web:
            {% if web_debug %}
                image: "{{ web_image }}:debug"
                command: ["serve", "--debug"]
            {% else %}
                image: "{{ web_image }}:{{ web_version }}"
                command: ["serve"]
            {% endif %}
            """),
        // A `{{` inside `{% raw %}` is literal text, not a tag left open.
        Example("roles/web/templates/docker-compose.yml.j2", """
            services:
              web:
                image: "{{ web_image }}"
                healthcheck:
                  test: ["CMD-SHELL", "{% raw %}curl -fs http://localhost/ | grep -q '{{'{% endraw %}"]
            """),
        // Go template actions that open lines with text after them.
        Example("deploy/web.yaml.gotmpl", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
            {{- range .Containers }}
                    - name: {{ .Name }}
                      image: {{ .Image }}
            {{- end }}
            {{ if .Sidecar }}        - name: sidecar
                      image: {{ .Sidecar }}{{ end }}
            """),
        Example("roles/web/templates/docker-compose.yml.j2", """
            services:
              web:
                image: {{ web_image }}
            {% if web_ports %}
                ports: {{ web_ports | to_json }}
            {% endif %}
            """),
        Example("templates/index.html.j2", """
            <html><body>{{ title }}</body></html>
            """),
    ]
}
