import SockAuditCore
import Testing
@testable import SockAuditParsers

/// The pieces the runner configurations are read with: a TOML string located character by
/// character (for a `pod_spec` patch), act_runner's `valid_volumes` globs, JSON Patch operations
/// turned into the pod spec they write, and the labels that start no job container.
@Suite struct RunnerConfigPartsTests {
    /// Each character of `source` with its line and column, for comparing.
    static func placed(_ source: ShellSource?) -> [String] {
        guard let source else { return [] }
        return (0..<source.count).map { "\(Character(source.scalars[$0]))@\(source.lines[$0]):\(source.columns[$0])" }
    }

    @Test func aLiteralMultiLineStringKeepsEachCharacterWhereItIsWritten() {
        let text = "patch = '''\n  a: 1\n'''\n"
        let source = TOMLStringSource.source(in: text, line: 1, column: 9)
        #expect(source?.text == "  a: 1\n")
        #expect(Self.placed(source).prefix(4) == [" @2:1", " @2:2", "a@2:3", ":@2:4"])
    }

    @Test func anEscapeSitsAtItsBackslashAndTheFollowingTextAfterIt() {
        let text = #"patch = "x: 1\ny: \"2\"""# + "\n"
        let source = TOMLStringSource.source(in: text, line: 1, column: 9)
        #expect(source?.text == "x: 1\ny: \"2\"")
        let placed = Self.placed(source)
        #expect(placed[4] == "\n@1:14")
        #expect(placed[5] == "y@1:16")
        #expect(placed[8] == "\"@1:19")
        #expect(placed[9] == "2@1:21")
    }

    @Test func aBasicMultiLineStringJoinsALineEndingBackslashAndKeepsExtraClosingQuotes() {
        let text = "p = \"\"\"\nab \\\n   cd\"\"\"\"\n"
        let source = TOMLStringSource.source(in: text, line: 1, column: 5)
        #expect(source?.text == "ab cd\"")
        #expect(Self.placed(source).suffix(3) == ["c@3:4", "d@3:5", "\"@3:6"])
    }

    @Test func windowsLineEndsCountAsOneLine() {
        let text = "[[runners]]\r\n  patch = '''\r\n    hostPID: true\r\n  '''\r\n"
        let source = TOMLStringSource.source(in: text, line: 2, column: 11)
        #expect(source?.text == "    hostPID: true\n  ")
        #expect(Self.placed(source)[4] == "h@3:5")
    }

    @Test func aPositionThatIsNoStringHasNoSource() {
        #expect(TOMLStringSource.source(in: "a = 1\n", line: 1, column: 5) == nil)
        #expect(TOMLStringSource.source(in: "a = 'x'\n", line: 3, column: 1) == nil)
        #expect(TOMLStringSource.source(in: "a = 'x\n", line: 1, column: 5) == nil)
    }

    @Test func globsMatchAsGiteaMatchesThem() {
        let socket = "/var/run/docker.sock"
        for pattern in ["**", "/**", "/var/**", "/var/run/*", "/var/run/*.sock", "/var/*/docker.sock", "/var/run/docker.[sx]ock", "/var/run/docker.so?k", "**/docker.sock"] {
            #expect(ActRunnerVolumeGlob.matches(pattern, socket), "\(pattern)")
        }
        for pattern in ["/var/*", "*", "/data/**", "/var/run/*.pid", "/var/run/docker.[!s]ock", "/var/run/[", "/run/**"] {
            #expect(!ActRunnerVolumeGlob.matches(pattern, socket), "\(pattern)")
        }
        #expect(ActRunnerVolumeGlob.matches("/run/**", "/run/containerd/containerd.sock"))
        // a pattern of many stars is decided once per position, not tried every way
        #expect(!ActRunnerVolumeGlob.matches(String(repeating: "*", count: 1000) + "x", socket))
        #expect(ActRunnerVolumeGlob.matches(String(repeating: "**", count: 400), socket))
    }

    @Test func jsonPatchOperationsWriteTheFragmentAtTheirPaths() throws {
        let parsed = YAMLParser.parse(#"""
            [{"op": "add", "path": "/volumes/-", "value": {"name": "s", "hostPath": {"path": "/x"}}},
             {"op": "add", "path": "/containers/1/securityContext/privileged", "value": true},
             {"op": "remove", "path": "/hostNetwork"},
             {"op": "replace", "path": "/a~1b/c~0d", "value": 1}]
            """#)
        let spec = try #require(parsed.documents.first.flatMap(JSONPatchFragment.spec))
        #expect(spec["volumes"]?.sequence?.first?["hostPath"]?["path"]?.string == "/x")
        let container = try #require(spec["containers"]?.sequence?.first)
        #expect(container["name"]?.string == "containers/1")
        #expect(container["securityContext"]?["privileged"]?.bool == true)
        #expect(spec["hostNetwork"] == nil)
        #expect(spec["a/b"]?["c~d"]?.string == "1")
        // the nodes an operation creates sit at its path, its value where it is written
        #expect(spec["containers"]?.line == 2)
        #expect(container["securityContext"]?["privileged"]?.column == 77)
    }

    @Test func onlyADockerLabelStartsJobContainers() {
        func labels(_ items: [String]) -> Node {
            Node(.sequence(items.map { Node(.scalar(.init($0, isPlain: false)), line: 1, column: 1) }), line: 1, column: 1)
        }
        #expect(ActRunnerConfig.startsNoJobContainer(labels: labels(["macos:host", "self-hosted", "lxc:lxc://debian:bookworm", "pool:e57e"])))
        #expect(!ActRunnerConfig.startsNoJobContainer(labels: labels(["linux:host", "ubuntu-latest:docker://node:20-bookworm"])))
        #expect(!ActRunnerConfig.startsNoJobContainer(labels: labels([])))
        #expect(!ActRunnerConfig.startsNoJobContainer(labels: nil))
    }
}
