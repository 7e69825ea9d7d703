import SockAuditCore
import Testing
@testable import SockAuditParsers

/// A CloudFormation task definition names its keys with a capital first letter; what a finding says
/// (and what it advises) is spelled as the template writes it, not in the API's camel case.
@Suite struct CloudFormationSpellingTests {
    static let template = """
        Parameters:
          AppName:
            Type: String
        Resources:
          CollectorTask:
            Type: AWS::ECS::TaskDefinition
            Properties:
              NetworkMode: host
              Volumes:
                - Name: sock
                  Host:
                    SourcePath: /var/run/docker.sock
              ContainerDefinitions:
                - Name: !Ref AppName
                  Image: example/collector:1
                  User: root
                  Memory: 256
                  LinuxParameters:
                    Capabilities:
                      Add: [SYS_PTRACE]
                  MountPoints:
                    - SourceVolume: sock
                      ContainerPath: /var/run/docker.sock
        """

    static func container(_ text: String, path: String = "template.yaml") throws -> ContainerSpec {
        let parsed = YAMLParser.parse(text)
        #expect(parsed.error == nil)
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        let facts = CloudFormationInput().facts(from: parsed.documents, file: file, context: .inMemory([:]))
        return try #require(facts?.containers.first)
    }

    @Test func settingsAreSpelledAsTheTemplateWritesThem() throws {
        let spec = try Self.container(Self.template)
        #expect(spec.hostNetwork?.spelling == "NetworkMode: \"host\"")
        #expect(spec.user?.spelling == "User: \"root\"")
        #expect(spec.memoryLimit?.spelling == "Memory: 256")
        #expect(spec.capabilitiesAdded.map(\.spelling) == ["LinuxParameters.Capabilities.Add: SYS_PTRACE"])
        #expect(spec.mounts.first?.spelling == "MountPoints SourceVolume \"sock\" (volume \"sock\" Host.SourcePath /var/run/docker.sock)")
        #expect(spec.mounts.first?.location.line == 12)
    }

    @Test func missingSettingsAreAdvisedInTheTemplatesKeys() throws {
        let spec = try Self.container(Self.template)
        #expect(spec.dialect == .ecsCloudFormation)
        #expect(spec.dialect.dropAllCapabilities == "LinuxParameters.Capabilities.Drop: [ALL]")
        #expect(spec.dialect.readOnlyRoot == "ReadonlyRootFilesystem: true")
    }

    @Test func aContainerNamedByAParameterIsNamedAsWritten() throws {
        let spec = try Self.container(Self.template)
        #expect(spec.name == "!Ref AppName")
        #expect(spec.subject == "container \"!Ref AppName\" of CollectorTask")
    }

    @Test func aTaskDefinitionInTheAPIsJSONKeepsItsCamelCase() throws {
        let text = """
            {
              "family": "collector",
              "networkMode": "host",
              "containerDefinitions": [{"name": "collector", "image": "example/collector:1", "user": "root"}]
            }
            """
        let file = SourceFile(path: "task-definition.json", bytes: Array(text.utf8))
        let parsed = try JSONParser.parse(text)
        let facts = ECSInput().facts(from: [parsed], file: file, context: .inMemory([:]))
        let spec = try #require(facts?.containers.first)
        #expect(spec.hostNetwork?.spelling == "networkMode: \"host\"")
        #expect(spec.user?.spelling == "user: \"root\"")
        #expect(spec.dialect == .ecs)
    }
}
