import Foundation
import SockAuditCore
import SockAuditRules
import Testing
@testable import SockAuditScanner

/// A base and an overlay as Kustomize repositories lay them out: the base's manifests are judged,
/// the overlay's patches (which name a Deployment and only the fields they change) are not.
@Suite struct KustomizePatchTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: builder
        spec:
          template:
            spec:
              containers:
                - name: builder
                  image: registry.example.com/builder:3.1
                  volumeMounts:
                    - name: docker-sock
                      mountPath: /var/run/docker.sock
              volumes:
                - name: docker-sock
                  hostPath:
                    path: /var/run/docker.sock

        """
    static let strategicMerge = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: builder
        spec:
          template:
            spec:
              containers:
                - name: builder
                  image: registry.example.com/builder:3.2

        """

    @Test func patchesAreNotJudgedAsWholeWorkloads() throws {
        let tree = try TemporaryTree()
        try tree.write("deploy/base/kustomization.yaml", "resources:\n  - deployment.yaml\n")
        try tree.write("deploy/base/deployment.yaml", Self.deployment)
        try tree.write("deploy/overlays/prod/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ../../base
            patchesStrategicMerge:
              - ./image-patch.yaml
            patches:
              - path: limits-patch.yaml
                target:
                  kind: Deployment
                  name: builder
              - patch: |-
                  - op: replace
                    path: /spec/replicas
                    value: 3

            """)
        try tree.write("deploy/overlays/prod/image-patch.yaml", Self.strategicMerge)
        try tree.write("deploy/overlays/prod/limits-patch.yaml", Self.strategicMerge.replacingOccurrences(of: "3.2", with: "3.3"))
        let result = try Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan([tree.root])
        #expect(result.patchesNotJudged == [tree.path("deploy/overlays/prod/image-patch.yaml"), tree.path("deploy/overlays/prod/limits-patch.yaml")])
        #expect(!result.findings.contains { $0.location.path.contains("overlays") && $0.ruleID != "SA901" }, "no finding on a patch")
        // Without an engine the overlay says it was not built (the scan runs with no PATH).
        #expect(result.findings.contains { $0.ruleID == "SA901" && $0.location.path.hasSuffix("overlays/prod/kustomization.yaml") && $0.message.contains("no Kustomize engine was found") })
        // The base is a plain manifest: judged, its socket mount found at its line.
        #expect(result.findings.contains { $0.ruleID == "SA101" && $0.location.path.hasSuffix("base/deployment.yaml") && $0.location.line == 17 })
        #expect(result.findings.contains { $0.ruleID == "SA501" && $0.location.path.hasSuffix("base/deployment.yaml") })
    }

    @Test func aFileNamedByNoKustomizationIsJudged() throws {
        let tree = try TemporaryTree()
        try tree.write("k8s/kustomization.yaml", "resources:\n  - deployment.yaml\n")
        try tree.write("k8s/deployment.yaml", Self.deployment)
        try tree.write("k8s/image-patch.yaml", Self.strategicMerge)
        let result = try Scanner(options: ScanOptions(rules: BuiltInRules.all)).scan([tree.root])
        #expect(result.patchesNotJudged.isEmpty)
        #expect(result.findings.contains { $0.location.path.hasSuffix("image-patch.yaml") })
    }
}
