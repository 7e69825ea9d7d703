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
    ])
    func knownFeatures(reference: String, id: String) {
        #expect(DevContainerFeatures.feature(named: reference)?.id == id)
    }

    @Test(arguments: [
        "ghcr.io/devcontainers/features/github-cli:1",
        "ghcr.io/example/features/docker-in-docker:1",
        "ghcr.io/devcontainers/features/docker-in-docker-extra:1",
        "./local-features/docker-in-docker",
        "",
    ])
    func otherFeaturesAreNotGuessed(reference: String) {
        #expect(DevContainerFeatures.feature(named: reference) == nil)
    }

    @Test func everyRowSaysWhatItDoesAndWhereThatIsDefined() {
        for feature in DevContainerFeatures.table {
            #expect(feature.source.hasPrefix("https://github.com/devcontainers/features/"))
            #expect(feature.mount != nil || feature.privileged || !feature.securityOptions.isEmpty)
            #expect(feature.does.hasPrefix("which "))
        }
    }
}
