import SockAuditCore
import Testing
@testable import SockAuditParsers

/// Nomad jobs in JSON: the API's shape (with and without its `Job` wrapper) and HCL's JSON syntax.
@Suite struct NomadJSONInputTests {
    static func containers(_ text: String, path: String = "job.json") throws -> [ContainerSpec]? {
        let file = SourceFile(path: path, bytes: Array(text.utf8))
        guard NomadJSONInput().claims(file, text: text) else { return nil }
        return NomadJSONInput().facts(from: [try JSONParser.parse(text)], file: file, context: .inMemory([:]))?.containers
    }

    @Test func theAPIShapeReadsTasksConfigUserAndResources() throws {
        let text = """
            {"ID": "api", "Name": "api", "TaskGroups": [{"Name": "g", "Networks": [{"Mode": "bridge"}], "Tasks": [
              {"Name": "t", "Driver": "podman", "User": "0",
               "Config": {"image": "x", "cap_add": ["CAP_NET_ADMIN"], "network_mode": "host", "readonly_rootfs": true},
               "Resources": {"CPU": 0, "Cores": 2, "MemoryMB": 0}},
              {"Name": "raw", "Driver": "raw_exec", "Config": {"command": "/bin/x"}}
            ]}]}
            """
        let spec = try #require(try Self.containers(text)?.first)
        #expect(try Self.containers(text)?.count == 1)
        #expect(spec.subject == "task \"t\" of group \"g\" in job \"api\"")
        #expect(spec.user?.value == "0")
        #expect(spec.capabilitiesAdded.map(\.value) == ["NET_ADMIN"])
        #expect(spec.hostNetwork?.value == true)
        #expect(spec.readOnlyRootFilesystem?.value == true)
        // 0 is the API's way of saying "Nomad's default": the default limit applies, not none
        #expect(spec.cpuLimit?.value == "2")
        #expect(spec.memoryLimit?.spelling == "Nomad's default memory limit")
        #expect([spec.location.line, spec.location.column] == [2, 4])
    }

    @Test func anEmptyUserIsNoUser() throws {
        let text = #"{"Job": {"ID": "j", "TaskGroups": [{"Name": "g", "Tasks": [{"Name": "t", "Driver": "docker", "User": "", "Config": {"image": "x"}}]}]}}"#
        #expect(try Self.containers(text)?.first?.user == nil)
    }

    @Test func hclJSONSyntaxIsReadLikeTheHCLFile() throws {
        let text = """
            {"job": [{"web": [{"group": [{"web": [{"network": [{"mode": "host"}], "task": [{"nginx": [{"driver": "docker", "user": "nginx", "config": [{"image": "nginx", "privileged": true}]}]}]}]}]}]}]}
            """
        let spec = try #require(try Self.containers(text, path: "web.nomad.json")?.first)
        #expect(spec.privileged?.value == true)
        // the group's host mode is not the task's: the docker task runs on Docker's default bridge
        #expect(spec.hostNetwork == nil)
        #expect(spec.user?.value == "nginx")
    }

    @Test func theAPIEnvIsTheContainersEnvironment() throws {
        let text = #"{"Job": {"ID": "j", "TaskGroups": [{"Name": "g", "Tasks": [{"Name": "t", "Driver": "docker", "Env": {"DOCKER_HOST": "tcp://docker:2375", "N": 3}, "Config": {"image": "x"}}]}]}}"#
        #expect(try Self.containers(text)?.first?.environment.map(\.value) == ["DOCKER_HOST=tcp://docker:2375", "N=3"])
    }

    @Test func otherJSONIsNotClaimed() throws {
        #expect(try Self.containers(#"{"containerDefinitions": []}"#, path: "taskdef.json") == nil)
        #expect(try Self.containers(#"{"job": {"a": 1}}"#, path: "config.json") == nil)
    }
}
