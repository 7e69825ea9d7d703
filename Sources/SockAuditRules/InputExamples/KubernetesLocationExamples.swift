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
        // templateDefaults: every container template inherits the mount; reported once, where it is written
        Example("workflows/build-defaults.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: docker-builds
            spec:
              entrypoint: main
              templateDefaults:
                timeout: 30m
                volumes:
                  - name: docker-sock
                    hostPath:
                      path: ↓/var/run/docker.sock
                container:
                  volumeMounts:
                    - name: docker-sock
                      mountPath: /var/run/docker.sock
              templates:
                - name: main
                  steps:
                    - - {name: build, template: build}
                    - - {name: push, template: push}
                - name: build
                  container:
                    image: docker:24-cli
                    args: [build, -t, app, .]
                - name: push
                  container:
                    image: docker:24-cli
                    args: [push, app]
            """),
        Example("argo/workflow-controller-configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: workflow-controller-configmap
              namespace: argo
            data:
              parallelism: "10"
              # every workflow this controller runs starts from these
              workflowDefaults: |
                metadata:
                  labels:
                    team: platform
                spec:
                  ttlStrategy:
                    secondsAfterCompletion: 3600
                  templateDefaults:
                    volumes:
                      - name: runtime
                        hostPath:
                          path: ↓/run/containerd/containerd.sock
                    container:
                      volumeMounts:
                        - name: runtime
                          mountPath: /run/containerd/containerd.sock
            """),
        Example("tekton/release-run.yaml", """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              generateName: release-
            spec:
              pipelineRef:
                name: release
              taskRunSpecs:
                - pipelineTaskName: build-image
                  podTemplate:
                    nodeSelector: {pool: builders}
                    volumes:
                      - name: docker-sock
                        hostPath:
                          path: ↓/var/run/docker.sock
            """),
        Example("ctlptl-cluster.yaml", """
            apiVersion: ctlptl.dev/v1alpha1
            kind: Registry
            name: ctlptl-registry
            port: 5005
            ---
            apiVersion: ctlptl.dev/v1alpha1
            kind: Cluster
            product: kind
            registry: ctlptl-registry
            kindV1Alpha4Cluster:
              name: dev
              nodes:
                - role: control-plane
                  extraMounts:
                    - hostPath: ↓/var/run/docker.sock
                      containerPath: /var/run/docker.sock
            """),
        Example("hack/kind-up.sh", """
            #!/usr/bin/env bash
            set -euo pipefail
            CLUSTER=${CLUSTER:-ci}

            cat <<EOF | kind create cluster --name "$CLUSTER" --config=-
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
            - role: control-plane
              extraMounts:
              - hostPath: ↓/var/run/docker.sock
                containerPath: /var/run/docker.sock
            EOF

            kubectl apply -f - <<'EOF'
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: image-cleaner
            spec:
              selector: {matchLabels: {app: cleaner}}
              template:
                metadata: {labels: {app: cleaner}}
                spec:
                  containers:
                  - name: cleaner
                    image: docker:24-cli
                    volumeMounts: [{name: sock, mountPath: /var/run/docker.sock}]
                  volumes:
                  - name: sock
                    hostPath: {path: ↓/var/run/docker.sock}
            EOF
            """),
        Example("scripts/e2e-cluster.sh", """
            #!/bin/sh
            cat > /tmp/kind-e2e.yaml <<EOF
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            nodes:
              - role: control-plane
                extraMounts:
                  - hostPath: ↓/var/run/docker.sock
                    containerPath: /var/run/docker.sock
            EOF
            kind create cluster --name e2e --config /tmp/kind-e2e.yaml
            """),
        Example("jenkins-values.yaml", """
            # helm upgrade --install jenkins jenkins/jenkins -f jenkins-values.yaml
            controller:
              installPlugins:
                - kubernetes:4306.vc91e951ea_eb_d
                - configuration-as-code:1850.va_a_8c31d3158b_
              JCasC:
                configScripts:
                  build-agents: |
                    jenkins:
                      clouds:
                        - kubernetes:
                            name: kubernetes
                            templates:
                              - name: docker
                                label: docker
                                containers:
                                  - name: docker
                                    image: docker:24-cli
                                    command: cat
                                    ttyEnabled: true
                                volumes:
                                  - hostPathVolume:
                                      hostPath: ↓/var/run/docker.sock
                                      mountPath: /var/run/docker.sock
            agent:
              enabled: true
              volumes:
                - type: HostPath
                  hostPath: ↓/var/run/docker.sock
                  mountPath: /var/run/docker.sock
                - type: EmptyDir
                  mountPath: /home/jenkins/.cache
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
        Example("workflows/build-defaults.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: build-
            spec:
              entrypoint: build
              templateDefaults:
                volumes:
                  - name: cache
                    emptyDir: {}
                container:
                  volumeMounts:
                    - {name: cache, mountPath: /cache}
              templates:
                - name: build
                  container:
                    image: gcr.io/kaniko-project/executor:v1.23.0
            """),
        Example("ctlptl-cluster.yaml", """
            apiVersion: ctlptl.dev/v1alpha1
            kind: Cluster
            product: kind
            kindV1Alpha4Cluster:
              nodes:
                - role: control-plane
                  extraMounts:
                    - hostPath: ./charts
                      containerPath: /charts
            """),
        // `kubectl delete` runs nothing; a body that runs a command is text the scan cannot see
        Example("hack/kind-down.sh", """
            #!/bin/sh
            kubectl delete -f - <<EOF
            apiVersion: v1
            kind: Pod
            metadata: {name: probe}
            spec:
              containers: [{name: p, image: docker:24-cli, volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]}]
              volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]
            EOF
            kind create cluster --config - <<EOF
            `envsubst < kind.tmpl.yaml`
            EOF
            """),
        Example("jenkins-values.yaml", """
            agent:
              enabled: false
              disableDefaultAgent: true
              volumes:
                - type: HostPath
                  hostPath: /var/run/docker.sock
                  mountPath: /var/run/docker.sock
            ---
            agent:
              podName: build
              volumes:
                - type: PVC
                  claimName: m2-cache
                  mountPath: /root/.m2
              workspaceVolume:
                type: EmptyDir
                memory: false
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
        Example("workflows/dind-defaults.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: ci-
            spec:
              entrypoint: test
              templateDefaults:
                container:
                  securityContext:
                    privileged: ↓true
              templates:
                - name: test
                  container: {image: docker:24-dind}
                - name: lint
                  container: {image: golangci/golangci-lint:v1.59}
            """),
        Example("values/jenkins.yaml", """
            agent:
              sideContainerName: jnlp
              privileged: ↓true
              runAsUser: 0
              additionalContainers:
                - sideContainerName: dind
                  image:
                    repository: docker
                    tag: 24-dind
                  privileged: ↓true
            additionalAgents:
              maven:
                podName: maven
                customJenkinsLabels: maven
                privileged: false
            """),
        Example("scripts/debug-pod.sh", """
            #!/bin/bash
            kubectl --context kind-dev apply -f - <<EOF
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-debug
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
                  securityContext:
                    privileged: ↓true
            EOF
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
        Example("workflows/defaults.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: ci-
            spec:
              templateDefaults:
                securityContext:
                  runAsNonRoot: true
                container:
                  securityContext:
                    privileged: false
              templates:
                - name: test
                  container: {image: golang:1.22}
            """),
        Example("values/jenkins.yaml", """
            agent:
              sideContainerName: jnlp
              privileged: false
              podTemplates:
                go: |
                  - name: go
                    label: go
                    serviceAccount: {{ include "jenkins.serviceAccountAgentName" . }}
                    containers:
                      - name: golang
                        image: golang:1.22
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
        Example("values/jenkins.yaml", """
            agent:
              podName: net
              hostNetworking: ↓true
            """),
        Example("tekton/run.yaml", """
            apiVersion: tekton.dev/v1
            kind: PipelineRun
            metadata:
              generateName: e2e-
            spec:
              pipelineRef: {name: e2e}
              taskRunSpecs:
                - pipelineTaskName: smoke
                  podTemplate:
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
        Example("values/jenkins.yaml", """
            agent:
              podName: net
              hostNetworking: false
            """),
    ]
}
