/// Charts written for the tests, in the shapes real charts take: a node agent with `_helpers.tpl`
/// (`define`/`include`), `{{- with }}` and `toYaml | nindent`, `range` over values, a conditional
/// socket mount, a vendored subchart running dind, a chart-testing `ci/` values file and a listed
/// dependency that is not vendored.
enum HelmFixtures {
    static let agent: [String: String] = [
        "agent/Chart.yaml": """
            apiVersion: v2
            name: agent
            description: A node agent that reads container metadata
            version: 1.4.0
            dependencies:
              - name: builder
                version: 0.2.0
              - name: redis
                version: 18.1.0
                repository: https://charts.example.com/stable
                condition: redis.enabled
              - name: postgresql
                version: 12.1.0
                repository: https://charts.example.com/stable
                condition: postgresql.enabled,global.postgresql.enabled
              - name: metrics
                version: 1.0.0
                tags:
                  - monitoring

            """,
        "agent/values.yaml": """
            image:
              repository: registry.example.com/agent
              tag: "2.3.1"
            docker:
              enabled: true
              socket: /var/run/docker.sock
            securityContext:
              privileged: true
            hostMounts:
              - name: proc
                path: /proc
            hostNetwork: true
            redis:
              enabled: true
            postgresql:
              enabled: false
            tags:
              monitoring: false

            """,
        "agent/templates/_helpers.tpl": """
            {{/* The release-qualified name. */}}
            {{- define "agent.fullname" -}}
            {{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
            {{- end }}

            {{- define "agent.labels" -}}
            app.kubernetes.io/name: {{ .Chart.Name }}
            app.kubernetes.io/instance: {{ .Release.Name }}
            {{- end }}

            {{- define "agent.hostNamespaces" -}}
            hostNetwork: {{ .Values.hostNetwork }}
            dnsPolicy: ClusterFirstWithHostNet
            {{- end }}

            """,
        "agent/templates/daemonset.yaml": """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: {{ include "agent.fullname" . }}
              labels:
                {{- include "agent.labels" . | nindent 4 }}
            spec:
              selector:
                matchLabels:
                  {{- include "agent.labels" . | nindent 6 }}
              template:
                metadata:
                  labels:
                    {{- include "agent.labels" . | nindent 8 }}
                spec:
                  {{- include "agent.hostNamespaces" . | nindent 6 }}
                  containers:
                    - name: agent
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                      {{- with .Values.securityContext }}
                      securityContext:
                        {{- toYaml . | nindent 12 }}
                      {{- end }}
                      volumeMounts:
                        {{- if .Values.docker.enabled }}
                        - name: docker-sock
                          mountPath: /var/run/docker.sock
                        {{- end }}
                        {{- range .Values.hostMounts }}
                        - name: {{ .name }}
                          mountPath: /host{{ .path }}
                          readOnly: true
                        {{- end }}
                  volumes:
                    {{- if .Values.docker.enabled }}
                    - name: docker-sock
                      hostPath:
                        # sockaudit:ignore SA405 -- not a sensitive path, kept to prove directives in templates are read
                        path: {{ .Values.docker.socket }}
                        type: Socket
                    {{- end }}
                    {{- range .Values.hostMounts }}
                    - name: {{ .name }}
                      hostPath:
                        path: {{ .path }}
                    {{- end }}

            """,
        "agent/templates/NOTES.txt": "The agent runs on every node of {{ .Release.Namespace }}.\n",
        "agent/ci/rootless-values.yaml": """
            docker:
              enabled: false
            securityContext:
              runAsNonRoot: true
            hostNetwork: false

            """,
        "agent/charts/builder/Chart.yaml": "apiVersion: v2\nname: builder\nversion: 0.2.0\n",
        "agent/charts/builder/values.yaml": "dind:\n  image: docker:27-dind\n",
        "agent/charts/builder/templates/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-builder
            spec:
              template:
                spec:
                  containers:
                    - name: dind
                      image: {{ .Values.dind.image }}
                      securityContext:
                        privileged: true

            """,
    ]

    /// A template that fails: `.Values.tls.cert` on a nil map.
    static let broken: [String: String] = [
        "broken/Chart.yaml": "apiVersion: v2\nname: broken\nversion: 0.1.0\n",
        "broken/templates/configmap.yaml": """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              cert: {{ .Values.tls.cert }}

            """,
    ]

    /// Default values that cannot render (a required value); its `ci/` file can.
    static let needsValues: [String: String] = [
        "runner/Chart.yaml": "apiVersion: v2\nname: runner\nversion: 0.3.0\n",
        "runner/values.yaml": "registrationToken: \"\"\n",
        "runner/templates/pod.yaml": """
            apiVersion: v1
            kind: Pod
            metadata:
              name: runner
              annotations:
                token: {{ required "registrationToken is required" .Values.registrationToken | quote }}
            spec:
              containers:
                - name: runner
                  image: gitlab/gitlab-runner:v17.0.0

            """,
        "runner/ci/token-values.yaml": "registrationToken: ci-token\n",
    ]

    /// A collector whose pod spec is a named template in `_pod.tpl`, included into the DaemonSet
    /// (`include "collector.podTemplate" . | nindent 4`), with a nested include that ranges over a
    /// list of host paths, `with`/`toYaml` inside the named template, and a `range $_, $v :=`
    /// list of extra mounts in the DaemonSet itself.
    static let collector: [String: String] = [
        "collector/Chart.yaml": "apiVersion: v2\nname: collector\nversion: 3.2.0\n",
        "collector/values.yaml": """
            hostPID: true
            securityContext:
              privileged: true
            hostPaths:
              - name: logs
                path: /var/log
              - name: run
                path: /var/run
              - name: containers
                path: /var/lib/docker/containers
            extraMounts:
              - name: proc
                hostPath: /proc
              - name: containerd
                hostPath: /run/containerd/containerd.sock

            """,
        "collector/templates/_helpers.tpl": """
            {{- define "collector.fullname" -}}
            {{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
            {{- end }}

            """,
        "collector/templates/_pod.tpl": """
            {{/* The pod, shared by the DaemonSet and the Deployment. */}}
            {{- define "collector.podTemplate" -}}
            metadata:
              labels:
                app: {{ include "collector.fullname" . }}
            spec:
              hostPID: {{ .Values.hostPID }}
              containers:
                - name: collector
                  image: registry.example.com/collector:3.2.0
                  {{- with .Values.securityContext }}
                  securityContext:
                    {{- toYaml . | nindent 12 }}
                  {{- end }}
                  volumeMounts:
                    {{- include "collector.mounts" . | nindent 12 }}
              volumes:
                {{- include "collector.volumes" . | nindent 4 }}
            {{- end }}

            {{- define "collector.mounts" -}}
            {{- range .Values.hostPaths }}
            - name: {{ .name }}
              mountPath: /host{{ .path }}
              readOnly: true
            {{- end }}
            {{- end }}

            {{- define "collector.volumes" -}}
            {{- range .Values.hostPaths }}
            - name: {{ .name }}
              hostPath:
                path: {{ .path }}
            {{- end }}
            {{- end }}

            """,
        "collector/templates/daemonset.yaml": """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: {{ include "collector.fullname" . }}
            spec:
              selector:
                matchLabels:
                  app: {{ include "collector.fullname" . }}
              template:
                {{- include "collector.podTemplate" . | nindent 4 }}

            """,
        "collector/templates/sidecar.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "collector.fullname" . }}-sidecar
            spec:
              template:
                spec:
                  containers:
                    - name: sidecar
                      image: registry.example.com/sidecar:1.0
                      volumeMounts:
                        {{- range $_, $mount := .Values.extraMounts }}
                        - name: {{ $mount.name }}
                          mountPath: {{ $mount.hostPath }}
                        {{- end }}
                  volumes:
                    {{- range $_, $mount := .Values.extraMounts }}
                    - name: {{ $mount.name }}
                      hostPath:
                        path: {{ $mount.hostPath }}
                    {{- end }}

            """,
    ]

    /// A log shipper whose pod template fills `volumes` with a static item, then `toYaml` of the
    /// chart's default volumes, then `toYaml` of the user's extra volumes (promtail's shape).
    static let shipper: [String: String] = [
        "shipper/Chart.yaml": "apiVersion: v2\nname: shipper\nversion: 6.1.0\n",
        "shipper/values.yaml": """
            defaultVolumes:
              - name: run
                hostPath:
                  path: /run/shipper
              - name: containers
                hostPath:
                  path: /var/lib/docker/containers
            defaultVolumeMounts:
              - name: run
                mountPath: /run/shipper
              - name: containers
                mountPath: /var/lib/docker/containers
                readOnly: true
            extraVolumes: []
            extraVolumeMounts: []

            """,
        "shipper/templates/_pod.tpl": """
            {{- define "shipper.podTemplate" }}
                spec:
                  containers:
                    - name: shipper
                      image: registry.example.com/shipper:6.1.0
                      volumeMounts:
                        - name: config
                          mountPath: /etc/shipper
                        {{- with .Values.defaultVolumeMounts }}
                        {{- toYaml . | nindent 12 }}
                        {{- end }}
                        {{- with .Values.extraVolumeMounts }}
                        {{- toYaml . | nindent 12 }}
                        {{- end }}
                  volumes:
                    - name: config
                      configMap:
                        name: shipper
                    {{- with .Values.defaultVolumes }}
                    {{- toYaml . | nindent 8 }}
                    {{- end }}
                    {{- with .Values.extraVolumes }}
                    {{- toYaml . | nindent 8 }}
                    {{- end }}
            {{- end }}

            """,
        "shipper/templates/daemonset.yaml": """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: {{ .Release.Name }}-shipper
            spec:
              template:
                {{- include "shipper.podTemplate" . | nindent 4 }}

            """,
    ]
}
