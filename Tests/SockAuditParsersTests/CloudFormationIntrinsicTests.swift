import SockAuditCore
import Testing
@testable import SockAuditParsers

/// CloudFormation templates whose values are intrinsic functions, short and long form.
@Suite struct CloudFormationIntrinsicTests {
    /// A template with one task definition: `properties` and `container` are lines at the indentation
    /// of the task's properties and of the container's keys.
    static func container(_ container: [String], properties: [String] = []) throws -> ContainerSpec {
        let lines = ["Resources:", "  Task:", "    Type: AWS::ECS::TaskDefinition", "    Properties:"]
            + properties.map { "      " + $0 }
            + ["      ContainerDefinitions:", "        - Name: app", "          Image: nginx"]
            + container.map { "          " + $0 }
        let text = lines.joined(separator: "\n") + "\n"
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        let file = SourceFile(path: "template.yaml", bytes: Array(text.utf8))
        let facts = CloudFormationInput().facts(from: parsed.documents, file: file, context: .inMemory([:]))
        return try #require(facts?.containers.first)
    }

    @Test(arguments: [
        ("!Ref SocketPath", nil),
        ("!GetAtt Sock.Path", nil),
        ("!Sub \"${Folder}/docker.sock\"", "${Folder}/docker.sock"),
        ("!Sub /var/run/docker.sock", "/var/run/docker.sock"),
        ("!Join [\"\", [\"/var/run/\", \"docker.sock\"]]", "/var/run/docker.sock"),
        ("!Join [\"\", [!Ref Folder, \"/docker.sock\"]]", nil),
        ("{\"Fn::Join\": [\"/\", [\"\", \"run\", \"docker.sock\"]]}", "/run/docker.sock"),
        ("{Ref: SocketPath}", nil),
        ("/var/run/docker.sock", "/var/run/docker.sock"),
    ] as [(String, String?)])
    func aSourcePathIsWhatTheTemplateStates(source: String, expected: String?) throws {
        let spec = try Self.container(
            ["MountPoints: [{SourceVolume: sock, ContainerPath: /s}]"],
            properties: ["Volumes:", "  - Name: sock", "    Host:", "      SourcePath: \(source)"])
        #expect(spec.mounts.first?.source == expected)
    }

    @Test func expressionsSetTheSettingsTheyStandFor() throws {
        let spec = try Self.container([
            "User: !Ref AppUser",
            "Memory: !FindInMap [Sizes, !Ref Env, Memory]",
            "Privileged: !If [IsDev, true, false]",
            "ReadonlyRootFilesystem: !Ref ReadOnly",
            "DockerSecurityOptions: !Ref Options",
            "LinuxParameters:",
            "  Capabilities:",
            "    Add: [!Ref ExtraCapability]",
            "    Drop: !Ref Dropped",
        ])
        #expect(spec.user?.value == "!Ref AppUser")
        #expect(spec.memoryLimit?.spelling == "Memory: !FindInMap (unresolved)")
        #expect(spec.privileged == nil)
        #expect(spec.readOnlyRootFilesystem?.spelling == "ReadonlyRootFilesystem: !Ref ReadOnly (unresolved)")
        #expect(spec.noNewPrivileges?.value == true)
        #expect(spec.capabilitiesAdded.isEmpty)
        #expect(spec.capabilitiesDropped.map(\.value) == ["ALL"])
    }

    @Test func aPlainFalseIsStillFalse() throws {
        let spec = try Self.container(["ReadonlyRootFilesystem: false", "Privileged: true"])
        #expect(spec.readOnlyRootFilesystem?.value == false)
        #expect(spec.privileged?.value == true)
    }
}
