import Testing
@testable import SockAuditParsers

@Suite struct DevContainerFeaturesTests {
    @Test(arguments: [
        ("ghcr.io/devcontainers/features/docker-outside-of-docker:1", "docker-outside-of-docker"),
        ("ghcr.io/devcontainers/features/docker-outside-of-docker", "docker-outside-of-docker"),
        ("ghcr.io/devcontainers/features/docker-outside-of-docker:1.6.3", "docker-outside-of-docker"),
        ("GHCR.IO/devcontainers/features/docker-outside-of-docker@sha256:0123abcd", "docker-outside-of-docker"),
        ("ghcr.io/devcontainers/features/docker-from-docker:1", "docker-outside-of-docker"),
        ("docker-from-docker", "docker-outside-of-docker"),
        ("ghcr.io/devcontainers/features/docker-in-docker:2", "docker-in-docker"),
        ("docker-in-docker", "docker-in-docker"),
        ("ghcr.io/bartventer/arch-devcontainer-features/docker-outside-of-docker:1", "docker-outside-of-docker"),
        ("ghcr.io/bartventer/arch-devcontainer-features/docker-in-docker:1.3", "docker-in-docker"),
        ("ghcr.io/postfinance/devcontainer-features/docker-out:0.1.0", "docker-out"),
    ])
    func knownFeatures(reference: String, id: String) {
        #expect(DevContainerFeatures.feature(named: reference)?.id == id)
    }

    @Test(arguments: [
        "ghcr.io/devcontainers/features/github-cli:1",
        "ghcr.io/example/features/docker-in-docker:1",
        "ghcr.io/devcontainers/features/docker-in-docker-extra:1",
        "./local-features/docker-in-docker",
        // installs kubectl, Helm and minikube; its only mount is a named volume
        "ghcr.io/devcontainers/features/kubectl-helm-minikube:1",
        "ghcr.io/postfinance/devcontainer-features/docker-out-extra:1",
        "",
    ])
    func otherFeaturesAreNotGuessed(reference: String) {
        #expect(DevContainerFeatures.feature(named: reference) == nil)
    }

    @Test func everyRowSaysWhatItDoesAndWhereThatIsDefined() {
        for feature in DevContainerFeatures.table {
            #expect(feature.source.hasPrefix("https://github.com/"))
            #expect(feature.source.hasSuffix("/src/\(feature.id)/devcontainer-feature.json"))
            #expect(feature.mount != nil || feature.privileged || !feature.securityOptions.isEmpty)
            #expect(feature.does.hasPrefix("which "))
        }
    }
}
