import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Dev containers in the shapes real `devcontainer.json` files take: comments, trailing commas,
/// tabs, features with and without tags, settings stated more than once.
@Suite struct DevContainerAdapterTests {
    func container(_ text: String) throws -> ContainerSpec {
        let document = try JSONParser.parse(text, dialect: .jsonc)
        return try #require(DevContainerAdapter.facts(from: document, path: ".devcontainer/devcontainer.json").containers.first)
    }

    /// The dev container CLI merges `privileged` as "true if any source says so": the file's
    /// `false` does not take back a feature's `true`; the file's own `true` is what is quoted.
    @Test func aFeaturesPrivilegedIsNotTakenBack() throws {
        let feature = try container("""
            {
            \t"image": "mcr.microsoft.com/devcontainers/base:bookworm",
            \t"privileged": false,
            \t"runArgs": ["--privileged=false"],
            \t"features": {
            \t\t"ghcr.io/devcontainers/features/docker-in-docker:2": {},
            \t},
            }
            """)
        #expect(feature.privileged?.value == true)
        #expect(feature.privileged.map { [$0.location.line, $0.location.column] } == [6, 3])
        let stated = try container("""
            {
              // both: the file's own runArgs is quoted
              "features": {"ghcr.io/devcontainers/features/docker-in-docker:2": {}},
              "runArgs": ["--init", "--privileged"]
            }
            """)
        #expect(stated.privileged?.spelling == "runArgs: --privileged")
        let none = try container(#"{"image": "x", "privileged": false}"#)
        #expect(none.privileged?.value == false)
    }

    /// The object form of a mount, trailing commas and a comment between entries.
    @Test func objectMountsWithTrailingCommas() throws {
        let spec = try container("""
            {
                "build": {"dockerfile": "Dockerfile", "context": "..",},
                "mounts": [
                    // Enables docker commands within the dev container
                    {
                        "source": "/var/run/docker.sock",
                        "target": "/var/run/docker.sock",
                        "type": "bind",
                    },
                    "source=devcontainer-bashhistory,target=/commandhistory,type=volume",
                ],
            }
            """)
        #expect(spec.mounts.map(\.source) == ["/var/run/docker.sock"])
        #expect(spec.mounts.first.map { [$0.location.line, $0.location.column] } == [6, 23])
    }
}
