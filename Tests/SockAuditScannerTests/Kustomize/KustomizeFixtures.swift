/// Kustomize trees written for the tests, in the shapes public repositories use: a base with a
/// generator and common labels, a component, and overlays that rename (prefix, suffix), patch
/// (strategic merge in a file, JSON 6902 in a file, inline in the kustomization) and remove.
enum KustomizeFixtures {
    static let base: [String: String] = [
        "deploy/base/kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            commonLabels:
              app.kubernetes.io/name: ci-runner
            resources:
              - deployment.yaml
              - service.yaml
            configMapGenerator:
              - name: runner-config
                literals:
                  - CONCURRENCY=4

            """,
        "deploy/base/deployment.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ci-runner
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: runner
                      image: registry.example.com/ci/runner:2.4.1
                      envFrom:
                        - configMapRef:
                            name: runner-config
                      volumeMounts:
                        - name: docker-sock
                          mountPath: /var/run/docker.sock
                  volumes:
                    - name: docker-sock
                      hostPath:
                        path: /var/run/docker.sock
                        type: Socket

            """,
        "deploy/base/service.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: ci-runner
            spec:
              ports:
                - port: 8080

            """,
        "deploy/components/host-network/kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            patches:
              - path: host-network.yaml

            """,
        "deploy/components/host-network/host-network.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ci-runner
            spec:
              template:
                spec:
                  hostNetwork: true

            """,
    ]

    /// Production keeps the socket, joins the host network (component), runs privileged (a
    /// strategic-merge file), shares the host PID namespace (a JSON 6902 file) and IPC (inline).
    static let production: [String: String] = [
        "deploy/overlays/production/kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: ci
            nameSuffix: -prod
            resources:
              - ../../base
            components:
              - ../../components/host-network
            images:
              - name: registry.example.com/ci/runner
                newTag: 2.5.0
            patchesStrategicMerge:
              - privileged.yaml
            patchesJson6902:
              - target:
                  group: apps
                  version: v1
                  kind: Deployment
                  name: ci-runner
                path: host-pid.yaml
            patches:
              - target:
                  kind: Deployment
                  name: ci-runner
                patch: |-
                  - op: add
                    path: /spec/template/spec/hostIPC
                    value: true

            """,
        "deploy/overlays/production/privileged.yaml": """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ci-runner
            spec:
              template:
                spec:
                  containers:
                    - name: runner
                      securityContext:
                        privileged: true

            """,
        "deploy/overlays/production/host-pid.yaml": """
            - op: add
              path: /spec/template/spec/hostPID
              value: true

            """,
    ]

    /// Staging removes the socket mount and its volume, and renames with a prefix.
    static let staging: [String: String] = [
        "deploy/overlays/staging/kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namePrefix: staging-
            resources:
              - ../../base
            patches:
              - path: no-socket.yaml
                target:
                  kind: Deployment
                  name: ci-runner

            """,
        "deploy/overlays/staging/no-socket.yaml": """
            - op: remove
              path: /spec/template/spec/containers/0/volumeMounts
            - op: remove
              path: /spec/template/spec/volumes

            """,
    ]
}
