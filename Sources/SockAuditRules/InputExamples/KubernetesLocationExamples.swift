import SockAuditCore

/// Pods that Kubernetes tools build from their own objects (Argo Workflows, Tekton, OpenShift
/// `Template`s, Jenkins configuration as code) and nodes that are containers (kind, Cluster API
/// Docker); each rule appends its own. `↓` marks where each finding must land.
enum KubernetesLocationExamples {
    static let socketMountFiring: [Example] = [
        Example("workflows/image-build.yaml", """
            # Builds the image on the node's daemon.
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: image-build
            spec:
              entrypoint: build
              volumes:
                - name: docker-sock
                  hostPath:
                    path: ↓/var/run/docker.sock
                    type: Socket
              templates:
                - name: build
                  inputs:
                    parameters:
                      - name: tag
                  script:
                    image: docker:24-cli
                    command: [sh]
                    source: |
                      docker build -t "{{inputs.parameters.tag}}" .
                    volumeMounts:
                      - name: docker-sock
                        mountPath: /var/run/docker.sock
                - name: scan
                  containerSet:
                    volumeMounts:
                      - name: runtime
                        mountPath: /host/run
                    containers:
                      - name: trivy
                        image: aquasec/trivy:0.50.0
                  volumes:
                    - name: runtime
                      hostPath: {path: ↓/run/containerd}
            """),
        Example("tekton/build-push.yaml", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: build-push
            spec:
              params:
                - name: image
              stepTemplate:
                volumeMounts:
                  - name: docker-socket
                    mountPath: /var/run/docker.sock
              steps:
                - name: build
                  image: docker:24-cli
                  script: docker build -t $(params.image) .
                - name: push
                  image: docker:24-cli
                  script: docker push $(params.image)
              volumes:
                - name: docker-socket
                  hostPath:
                    path: ↓/var/run/docker.sock
            """),
        Example("tekton/run.yaml", """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              generateName: release-
            spec:
              pipelineSpec:
                tasks:
                  - name: image
                    taskSpec:
                      steps:
                        - name: build
                          image: docker:24-cli
                          volumeMounts:
                            - {name: sock, mountPath: /var/run/docker.sock}
              taskRunTemplate:
                podTemplate:
                  volumes:
                    - name: sock
                      hostPath:
                        path: ↓/var/run/docker.sock
            """),
        Example("openshift/agent-template.yaml", """
            apiVersion: template.openshift.io/v1
            kind: Template
            metadata:
              name: build-agent
            parameters:
              - name: SOCKET_PATH
                value: /var/run/docker.sock
              - name: RUNTIME_DIR
                required: true
            objects:
              - apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  template:
                    spec:
                      containers:
                        - name: agent
                          image: registry.example.com/agent:1.4
                          volumeMounts:
                            - {name: sock, mountPath: /var/run/docker.sock}
                            - {name: crio, mountPath: /run/crio/crio.sock}
                      volumes:
                        - name: sock
                          hostPath:
                            path: ↓${SOCKET_PATH}
                        - name: crio
                          hostPath:
                            path: ↓${RUNTIME_DIR}/crio.sock
            """),
        Example("kind-config.yaml", """
            # kind create cluster --config kind-config.yaml
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            name: ci
            nodes:
              - role: control-plane
              - role: worker
                extraMounts:
                  - hostPath: ↓/var/run/docker.sock
                    containerPath: /var/run/docker.sock
                  - hostPath: ./testdata
                    containerPath: /testdata
            """),
        Example("capd/machines.yaml", """
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerCluster
            metadata:
              name: dev
            ---
            apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
            kind: DockerMachineTemplate
            metadata:
              name: dev-control-plane
            spec:
              template:
                spec:
                  extraMounts:
                    - containerPath: /var/run/docker.sock
                      hostPath: ↓/var/run/docker.sock
            """),
        Example("jenkins/casc.yaml", """
            jenkins:
              systemMessage: "Configured as code"
              clouds:
                - kubernetes:
                    name: "kubernetes"
                    namespace: "ci"
                    templates:
                      - name: "docker"
                        label: "docker"
                        containers:
                          - name: "docker"
                            image: "docker:24-cli"
                            command: "cat"
                            ttyEnabled: true
                        volumes:
                          - hostPathVolume:
                              hostPath: ↓"/var/run/docker.sock"
                              mountPath: "/var/run/docker.sock"
            """),
    ]

    static let socketMountSilent: [Example] = [
        Example("workflows/image-build.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: image-build-
            spec:
              entrypoint: build
              volumes:
                - name: workspace
                  emptyDir: {}
              templates:
                - name: build
                  container:
                    image: gcr.io/kaniko-project/executor:v1.23.0
                    args: [--context=/workspace, --no-push]
                    volumeMounts:
                      - {name: workspace, mountPath: /workspace}
                  sidecars:
                    - name: cache
                      image: redis:7
            """),
        Example("tekton/build.yaml", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: build
            spec:
              steps:
                - name: build
                  image: quay.io/buildah/stable:v1.35
                  script: buildah bud -t image .
              volumes:
                - name: varlibcontainers
                  emptyDir: {}
            """),
        Example("openshift/agent-template.yaml", """
            apiVersion: template.openshift.io/v1
            kind: Template
            metadata:
              name: agent
            parameters:
              - name: DATA_DIR
                value: /srv/agent
            objects:
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                spec:
                  containers:
                    - name: agent
                      image: registry.example.com/agent:1.4
                      volumeMounts:
                        - {name: data, mountPath: /data}
                  volumes:
                    - name: data
                      hostPath:
                        path: ${DATA_DIR}
            """),
        Example("kind-config.yaml", """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
              - role: control-plane
                extraMounts:
                  - hostPath: ./manifests
                    containerPath: /manifests
                    readOnly: true
              - role: worker
            """),
        Example("jenkins/casc.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: "kubernetes"
                    templates:
                      - name: "maven"
                        containers:
                          - name: "maven"
                            image: "maven:3.9-eclipse-temurin-21"
                        volumes:
                          - emptyDirVolume:
                              memory: false
                              mountPath: "/root/.m2"
            """),
    ]

    static let privilegedFiring: [Example] = [
        Example("workflows/dind.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              workflowSpec:
                entrypoint: test
                templates:
                  - name: test
                    container:
                      image: docker:24-cli
                      env:
                        - {name: DOCKER_HOST, value: tcp://localhost:2375}
                    sidecars:
                      - name: dind
                        image: docker:24-dind
                        securityContext:
                          privileged: ↓true
                    podSpecPatch: '{"containers":[{"name":"main","securityContext":{"privileged":↓true}}]}'
            """),
        Example("tekton/dind-task.yaml", """
            apiVersion: tekton.dev/v1beta1
            kind: Pipeline
            metadata:
              name: integration
            spec:
              tasks:
                - name: test
                  taskSpec:
                    stepTemplate:
                      securityContext:
                        privileged: ↓true
                    steps:
                      - name: compose-up
                        image: docker:24-cli
                        securityContext:
                          runAsUser: 0
                    sidecars:
                      - name: server
                        image: docker:24-dind
                        securityContext:
                          privileged: ↓true
            """),
        Example("jenkins/casc.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: "kubernetes"
                    templates:
                      - name: "dind"
                        containers:
                          - name: "dind"
                            image: "docker:24-dind"
                            privileged: ↓true
                        yaml: |-
                          spec:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.13.0
                                securityContext:
                                  privileged: ↓true
            """),
        // A JSON template quotes `${{P}}`; OpenShift puts the parameter's value there, typed.
        Example("openshift/node-agent.json", """
            {
              "kind": "Template",
              "apiVersion": "template.openshift.io/v1",
              "metadata": {"name": "node-agent"},
              "objects": [
                {
                  "kind": "DaemonSet",
                  "apiVersion": "apps/v1",
                  "metadata": {"name": "node-agent"},
                  "spec": {
                    "selector": {"matchLabels": {"app": "node-agent"}},
                    "template": {
                      "metadata": {"labels": {"app": "node-agent"}},
                      "spec": {
                        "containers": [
                          {"name": "agent", "image": "example/agent:2", "securityContext": {"privileged": ↓"${{PRIVILEGED}}"}}
                        ]
                      }
                    }
                  }
                }
              ],
              "parameters": [{"name": "PRIVILEGED", "value": "true"}]
            }
            """),
    ]

    static let privilegedSilent: [Example] = [
        Example("workflows/test.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: test-
            spec:
              entrypoint: test
              templates:
                - name: test
                  container:
                    image: golang:1.22
                    command: [go, test, ./...]
                    securityContext:
                      privileged: false
            """),
        Example("tekton/test-task.yaml", """
            apiVersion: tekton.dev/v1
            kind: Task
            metadata:
              name: test
            spec:
              stepTemplate:
                securityContext:
                  privileged: true
              steps:
                - name: test
                  image: golang:1.22
                  securityContext:
                    privileged: false
            """),
        Example("jenkins/casc.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: "kubernetes"
                    templates:
                      - name: "go"
                        containers:
                          - name: "golang"
                            image: "golang:1.22"
                            privileged: false
            """),
    ]

    static let hostNetworkFiring: [Example] = [
        Example("tekton/taskrun.yaml", """
            apiVersion: tekton.dev/v1
            kind: TaskRun
            metadata:
              generateName: e2e-
            spec:
              taskRef:
                name: e2e
              podTemplate:
                hostNetwork: ↓true
            """),
        Example("workflows/probe.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: ClusterWorkflowTemplate
            metadata:
              name: node-probe
            spec:
              hostNetwork: ↓true
              templates:
                - name: probe
                  container:
                    image: nicolaka/netshoot:v0.12
            """),
        Example("jenkins/casc.yaml", """
            jenkins:
              clouds:
                - kubernetes:
                    name: "kubernetes"
                    templates:
                      - name: "net"
                        hostNetwork: ↓true
            """),
    ]

    static let hostNetworkSilent: [Example] = [
        Example("tekton/taskrun.yaml", """
            apiVersion: tekton.dev/v1
            kind: TaskRun
            metadata:
              generateName: e2e-
            spec:
              taskRef:
                name: e2e
              podTemplate:
                hostNetwork: false
                securityContext:
                  runAsNonRoot: true
            """),
        Example("workflows/probe.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: probe-
            spec:
              templates:
                - name: probe
                  container:
                    image: nicolaka/netshoot:v0.12
            """),
    ]
}
